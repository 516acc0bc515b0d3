// SPDX-License-Identifier: Apache-2.0
/**
 * `x[index]` through index arrays whose values only the nodes know (BlockArrays). The result is
 * laid out along the index arrays' blocks; each result block's index views travel to every node
 * holding candidate source blocks along the indexed axes (a `gatherMatch` there reads those blocks
 * in place and keeps the elements whose indices fall inside them, each value looked up once), and
 * when more than one node holds candidates the block's owner merges their pieces by selection
 * (`selectMerge`: never by adding, so -0.0 and NaN survive). Out-of-bounds values fail the result
 * through the bounds status.
 */
import { ArrayGrid } from "../../array/grid.js";
import type { OpaqueArray } from "../../array/index/parts.js";
import { type ResolvedIndex, knownShape } from "../../array/index/resolved.js";
import { forEachInBox } from "../../array/box.js";
import { stridesOf } from "../../array/shape.js";
import type { MatchSource } from "../../kernels/gather-manifest.js";
import type { Block } from "../../runtime/block.js";
import type { InputView } from "../../runtime/runtime.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { alignedView } from "../align.js";
import { context } from "../context.js";
import { basicPosition } from "./basic-position.js";
import { materialize } from "../materialize.js";
import { submitOp, wholeBlockView } from "../submit.js";
import { expandDimsView } from "../views.js";
import { advancedBudget, budgetChunks, resultRuns, viewDimOf } from "./layout.js";
import type { Run, ViewDim } from "./strided-view.js";

/** One index array: positions along source `axis` (of length `size`), shaped like its entry. */
export interface IndexInput {
  readonly axis: number;
  readonly size: number;
  readonly data: ArrayData;
  /** The values when the planner knows them (in range, C order): they narrow the candidates. */
  readonly known?: Float64Array;
}

/** What a match reads per result axis, and the index arrays laid out over the result's axes. */
export interface MatchPlan {
  readonly grid: ArrayGrid;
  readonly dims: readonly (ViewDim | null)[];
  readonly runs: readonly (Run[] | null)[];
  /** Each input with length-1 axes added so it broadcasts against the result. */
  readonly expanded: readonly ArrayData[];
}

/**
 * The result layout of an index with array inputs: basic axes cut at the source's chunks, the
 * advanced dims following the first input that spans each (else near the default block size).
 * The caller releases `expanded`.
 */
export function matchPlan(src: ArrayData, r: ResolvedIndex<OpaqueArray>, inputs: readonly IndexInput[]): MatchPlan {
  const adv = r.advanced!;
  const advShape = adv.shape as readonly number[];
  const p = adv.position;
  const a = advShape.length;
  const shape = knownShape(r);
  const runs = resultRuns(src.grid, r);
  const basicBlock = runs.flatMap((rr) => (rr && rr.length > 0 ? [Math.max(...rr.map((x) => x.len))] : []));
  const fallback = budgetChunks(advShape, advancedBudget(shape, src.dtype, basicBlock));
  // Distributed index arrays lead the layout (their views are then read in place).
  const order = [...inputs.filter((i) => !i.known), ...inputs.filter((i) => i.known)];
  const advChunks = advShape.map((n, d) => {
    for (const input of order) {
      const j = d - (a - input.data.ndim);
      if (j >= 0 && input.data.shape[j] === n) return [...input.data.grid.chunks[j]!];
    }
    return fallback[d]!;
  });
  const chunks = r.resultAxes.map((ax, i) => (ax.kind === "advanced" ? advChunks[ax.dim]! : runs[i]!.map((x) => x.len)));
  const ndim = shape.length;
  const expanded = inputs.map((input) => {
    const first = p + a - input.data.ndim;
    const added = Array.from({ length: ndim }, (_, i) => i).filter((i) => i < first || i >= p + a);
    return expandDimsView(input.data, added);
  });
  return {
    grid: ArrayGrid.fromChunks(shape, chunks),
    dims: r.resultAxes.map((ax) => (ax.kind === "advanced" ? null : viewDimOf(r, ax))),
    runs,
    expanded,
  };
}

/**
 * The chunks along its axis each input may hit in the result block `region`: all of them for a
 * distributed input, those its values there fall in for a known one.
 */
function chunksHit(src: ArrayData, input: IndexInput, region: readonly (readonly [number, number])[], p: number, a: number): number[] {
  const n = src.grid.gridShape[input.axis]!;
  if (!input.known) return Array.from({ length: n }, (_, k) => k);
  const shape = input.data.shape;
  const first = p + a - shape.length;
  const lo = shape.map((d, j) => (d === 1 ? 0 : region[first + j]![0]));
  const hi = shape.map((d, j) => (d === 1 ? 1 : region[first + j]![1]));
  const strides = stridesOf(shape);
  const hit = new Set<number>();
  forEachInBox(lo, hi.map((h) => h - 1), (idx) => {
    hit.add(src.grid.chunkIndexOf(input.axis, input.known![idx.reduce((o, i, j) => o + i * strides[j]!, 0)]!));
  });
  return [...hit].sort((x, y) => x - y);
}

/** Every combination of one entry per list (C order). */
export function combinations(lists: readonly (readonly number[])[]): number[][] {
  let out: number[][] = [[]];
  for (const list of lists) out = out.flatMap((c) => list.map((k) => [...c, k]));
  return out;
}

/**
 * The source block a result block reads for one candidate, and how (see `MatchSource`):
 * integers and basic axes fix a position, the candidate fixes the chunks of the indexed axes.
 */
export function matchSource(
  src: ArrayData,
  r: ResolvedIndex<OpaqueArray>,
  plan: MatchPlan,
  inputs: readonly IndexInput[],
  entry: readonly number[],
  candidate: readonly number[],
): { slot: Slot; source: MatchSource } {
  const { at, local } = basicPosition(src, r, plan, entry);
  inputs.forEach((input, e) => (at[input.axis] = candidate[e]!));
  const slot = src.slots[src.grid.flatIndex(at)]!;
  const offset = local.reduce((o, l, axis) => o + l * slot.strides[axis]!, 0);
  const dims = plan.dims.map((d) => (d === null || d.kind === "newaxis" ? 0 : d.step * slot.strides[d.axis]!));
  const entries = inputs.map((input, e) => {
    const b = src.grid.boundaries(input.axis);
    return { stride: slot.strides[input.axis]!, lo: b[candidate[e]!]!, hi: b[candidate[e]! + 1]!, size: input.size };
  });
  return { slot, source: { offset, dims, entries } };
}

/** For each chunk combination (mixed radix over the inputs' axes): `value(i)` for `combos[i]`, else -1. */
function chunkTable(src: ArrayData, inputs: readonly IndexInput[], combos: readonly (readonly number[])[], value: (i: number) => number): Int32Array {
  const radix = inputs.map((input) => src.grid.gridShape[input.axis]!);
  const out = new Int32Array(radix.reduce((a, b) => a * b, 1)).fill(-1);
  combos.forEach((c, i) => (out[c.reduce((k, x, e) => k * radix[e]! + x, 0)] = value(i)));
  return out;
}

/** The candidates' positions grouped by the node their source block lives on (owner's node first). */
function byNode(slots: readonly Slot[], owner: number): { node: number; members: number[] }[] {
  const groups = new Map<number, number[]>([[owner, []]]);
  slots.forEach((slot, i) => {
    const node = slot.block.node < 0 ? owner : slot.block.node;
    groups.set(node, [...(groups.get(node) ?? []), i]);
  });
  return [...groups].filter(([, m]) => m.length > 0).map(([node, members]) => ({ node, members }));
}

/**
 * `x[index]` where `inputs` (one per array entry of `r`, in order) are distributed arrays. Each
 * result block is gathered by one task per node holding candidate source blocks, reading them in
 * place; when they all live on the block's owner that task is the block, else the owner merges
 * the per-node pieces by selection.
 */
export function opaqueGather(x: ArrayData, r: ResolvedIndex<OpaqueArray>, inputs: readonly IndexInput[], status: Block | null): ArrayData {
  materialize(x);
  const plan = matchPlan(x, r, inputs);
  const { grid } = plan;
  const nodes = context().scheduler.nodes;
  const adv = r.advanced!;
  const statusView = status ? [wholeBlockView(status)] : [];
  const bounds = inputs.map((input) => [...x.grid.boundaries(input.axis)]);
  const sizes = inputs.map((input) => input.size);
  const slots: Slot[] = [];
  try {
    for (const entry of grid.entries()) {
      const shape = grid.blockShapeAt(entry);
      const owner = ownerOf(entry, grid.gridShape, nodes);
      const temps: { release(): void }[] = [];
      const region = grid.blockRange(entry);
      const index = plan.expanded.map((ex) => alignedView(ex, region, owner, temps));
      const combos = combinations(inputs.map((input) => chunksHit(x, input, region, adv.position, adv.shape.length)));
      const matches = combos.map((c) => matchSource(x, r, plan, inputs, entry, c));
      const groups = byNode(
        matches.map((m) => m.slot),
        owner,
      );
      const gatherOn = (members: readonly number[], final: boolean, home: number): Block => {
        const rank = new Map(members.map((m, j) => [m, j]));
        const { outputs } = submitOp({
          kernel: "gatherMatch",
          attrs: {
            sources: members.map((m) => matches[m]!.source),
            bounds,
            sizes,
            sourceOf: chunkTable(x, inputs, combos, (i) => rank.get(i) ?? -1),
            status: status !== null,
          },
          inputs: [...members.map((m): InputView => ({ block: matches[m]!.slot.block, offset: matches[m]!.slot.offset, shape: [], strides: [] })), ...index, ...statusView],
          outputs: [{ dtype: x.dtype, shape }],
          owner,
          final,
          home: final ? undefined : home,
        });
        return outputs[0]!;
      };
      if (groups.length === 1 && groups[0]!.node === owner) {
        slots.push({ block: gatherOn(groups[0]!.members, true, owner), offset: 0, strides: stridesOf(shape) });
      } else {
        const pieces = groups.map((g) => gatherOn(g.members, false, g.node));
        const groupOf = new Int32Array(combos.length);
        groups.forEach((g, j) => g.members.forEach((m) => (groupOf[m] = j)));
        const { outputs } = submitOp({
          kernel: "selectMerge",
          attrs: { bounds, sizes, pieceOf: chunkTable(x, inputs, combos, (i) => groupOf[i]!), status: status !== null },
          inputs: [...index, ...statusView, ...pieces.map(wholeBlockView)],
          outputs: [{ dtype: x.dtype, shape }],
          owner,
          final: true,
        });
        for (const b of pieces) b.release();
        slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(shape) });
      }
      for (const t of temps) t.release();
    }
  } finally {
    for (const ex of plan.expanded) ex.release();
  }
  return ArrayData.fromSlots(grid, x.dtype, slots);
}
