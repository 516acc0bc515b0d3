// SPDX-License-Identifier: Apache-2.0
/**
 * Reductions as (chunk, combine) pairs (Dask's `reduction`): each block is reduced where it lives
 * by a `reduce` kernel that evaluates the array's fused expression on the fly, then the partial
 * states of the blocks that map to one output block are tree-merged with `combine`. The result is
 * the op's state arrays, with the reduced axes kept as length 1; api/ finalizes them (e.g. mean
 * and variance from moments) with elementwise ops, which fuse.
 */
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import type { Program } from "../kernels/program.js";
import { identityProgram } from "../kernels/program.js";
import type { ReduceOp } from "../kernels/ops.js";
import type { Block } from "../runtime/block.js";
import type { InputView } from "../runtime/runtime.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { alignedView } from "./align.js";
import { compileExpr } from "./compile.js";
import { context } from "./context.js";
import { fill } from "./creation.js";
import { submitOp, wholeBlockView } from "./submit.js";
import { type PartialState, treeReduce } from "./tree-reduce.js";

/** State values of an empty reduction (NumPy's identities; NaN where NumPy returns nan). */
const IDENTITY: Partial<Record<ReduceOp, readonly number[]>> = {
  sum: [0],
  nansum: [0],
  prod: [1],
  nanprod: [1],
  all: [1],
  any: [0],
  moments: [0, NaN, NaN],
  nanmoments: [0, NaN, NaN],
};

/** Whether a reduction of a zero-size selection has a result (NumPy raises for min/max/arg*). */
export function hasIdentity(op: ReduceOp): boolean {
  return IDENTITY[op] !== undefined;
}

/** The grid of reduction states: reduced axes become one chunk of length 1. */
function stateGrid(x: ArrayData, axes: readonly number[]): ArrayGrid {
  return ArrayGrid.fromChunks(
    x.shape.map((n, d) => (axes.includes(d) ? 1 : n)),
    x.shape.map((_, d) => (axes.includes(d) ? [1] : x.grid.chunks[d]!)),
  );
}

/**
 * Reduces `x` over `axes` (sorted, distinct) with `op`; returns one materialized array per state
 * component (see reduceStateDtypes), shaped like x with the reduced axes of length 1.
 */
export function reduceStates(x: ArrayData, op: ReduceOp, axes: readonly number[], stateDtypes: readonly Dtype[]): ArrayData[] {
  const grid = stateGrid(x, axes);
  if (x.size === 0) {
    const values = IDENTITY[op];
    if (!values) throw new Error(`internal: ${op} of an empty selection`);
    return stateDtypes.map((dt, i) => fill(grid, dt, values[i]!));
  }
  const { program, leaves, direct } = readProgram(x);
  const nodes = context().scheduler.nodes;
  const reducedStrides = subStrides(x.shape, axes);
  const groups = new Map<number, PartialState[]>();
  const blocksAlong = axes.reduce((p, d) => p * x.grid.gridShape[d]!, 1);
  for (const entry of x.grid.entries()) {
    const owner = ownerOf(entry, x.grid.gridShape, nodes);
    const outEntry = entry.map((e, d) => (axes.includes(d) ? 0 : e));
    const outOwner = ownerOf(outEntry, grid.gridShape, nodes);
    const temps: { release(): void }[] = [];
    const region = x.grid.blockRange(entry);
    const inputs: InputView[] = direct
      ? [directView(x, entry)]
      : leaves.map((leaf) => alignedView(leaf, region, owner, temps));
    const blockShape = x.grid.blockShapeAt(entry);
    const stateShape = blockShape.map((n, d) => (axes.includes(d) ? 1 : n));
    const { outputs } = submitOp({
      kernel: "reduce",
      attrs: { op, program, axes, indexBase: x.grid.blockStart(entry), indexStrides: reducedStrides },
      inputs,
      outputs: stateDtypes.map((dtype) => ({ dtype, shape: stateShape })),
      owner: outOwner,
      final: blocksAlong === 1,
      home: owner,
    });
    for (const t of temps) t.release();
    const key = grid.flatIndex(outEntry);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(outputs);
  }
  const perComponent: Slot[][] = stateDtypes.map(() => []);
  for (const outEntry of grid.entries()) {
    const partials = groups.get(grid.flatIndex(outEntry))!;
    const owner = ownerOf(outEntry, grid.gridShape, nodes);
    const final = treeReduce(partials, owner, (a, b, isFinal, o, home) => combine(op, a, b, stateDtypes, isFinal, o, home));
    final.forEach((block, i) => perComponent[i]!.push({ block, offset: 0, strides: stridesOf(block.shape) }));
  }
  return perComponent.map((slots, i) => ArrayData.fromSlots(grid, stateDtypes[i]!, slots));
}

function combine(op: ReduceOp, a: PartialState, b: PartialState, dtypes: readonly Dtype[], final: boolean, owner: number, home: number): PartialState {
  const { outputs } = submitOp({
    kernel: "combine",
    attrs: { op },
    inputs: [...a, ...b].map((blk: Block) => wholeBlockView(blk)),
    outputs: dtypes.map((dtype) => ({ dtype, shape: a[0]!.shape })),
    owner,
    final,
    home,
  });
  return outputs;
}

/** The program that produces the reduced values: x's fused expression, or x itself. */
function readProgram(x: ArrayData): { program: Program; leaves: readonly ArrayData[]; direct: boolean } {
  if (x.isMaterialized) return { program: identityProgram(x.dtype), leaves: [x], direct: true };
  x.consumers++;
  const { program, leaves } = compileExpr(x);
  return { program, leaves, direct: false };
}

function directView(x: ArrayData, entry: readonly number[]): InputView {
  const slot = x.slots[x.grid.flatIndex(entry)]!;
  return { block: slot.block, offset: slot.offset, shape: x.grid.blockShapeAt(entry), strides: slot.strides };
}

/** C-order strides of the reduced sub-shape, per axis (0 for kept axes): global flat arg indices. */
function subStrides(shape: readonly number[], axes: readonly number[]): number[] {
  const out = shape.map(() => 0);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (!axes.includes(d)) continue;
    out[d] = s;
    s *= shape[d]!;
  }
  return out;
}
