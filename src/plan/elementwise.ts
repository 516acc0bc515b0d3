// SPDX-License-Identifier: Apache-2.0
/**
 * Elementwise ops build lazy expressions (see plan/flush.ts for when they run). The result's layout
 * follows its operands, so that operands laid out alike are read in place; broadcasting operands
 * contribute the chunks of the axes they span.
 */
import { defaultBlockShape } from "../array/block-shape.js";
import type { Dtype } from "../array/dtype.js";
import { itemSize } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import type { Shape } from "../array/shape.js";
import { sizeOf } from "../array/shape.js";
import type { ElementwiseOp } from "../kernels/ops.js";
import { ArrayData, type ExprArg, isScalarArg } from "./array-data.js";
import { context } from "./context.js";
import { track } from "./flush.js";
import { materialize } from "./materialize.js";

/** Bounds on one fused program: beyond them the operands are materialized first. */
const MAX_FUSED_OPS = 48;
const MAX_FUSED_INPUTS = 12;

const exprSize = new WeakMap<ArrayData, { ops: number; inputs: number }>();

function sizeOfExpr(a: ArrayData): { ops: number; inputs: number } {
  return a.expr ? (exprSize.get(a) ?? { ops: 0, inputs: 1 }) : { ops: 0, inputs: 1 };
}

/**
 * The layout of an elementwise result of `shape`: along each axis the chunks of the first operand
 * that spans it (has that length there), unless that would make blocks much larger than the
 * default layout (an outer-product-like broadcast), in which case the default layout is used.
 */
export function elementwiseGrid(shape: Shape, dtype: Dtype, operands: readonly ArrayData[]): ArrayGrid {
  const chunks = shape.map((n, axis) => {
    for (const op of operands) {
      const j = axis - (shape.length - op.ndim);
      if (j >= 0 && op.shape[j] === n) return op.grid.chunks[j]!;
    }
    return n === 0 ? [] : [n];
  });
  const grid = ArrayGrid.fromChunks(shape, chunks);
  const def = defaultBlockShape(shape, itemSize(dtype), context().workers);
  if (sizeOf(grid.blockShape) > 4 * sizeOf(def) && operands.every((o) => sizeOf(o.shape) < sizeOf(shape))) {
    return ArrayGrid.regular(shape, def);
  }
  return grid;
}

/**
 * A lazy array computing `op` over `args` (arrays already broadcast-compatible with `shape`, or
 * scalars) with the loop `argDtypes -> outDtype`. Validation happened in api/.
 */
export function elementwise(
  op: ElementwiseOp,
  args: readonly ExprArg[],
  argDtypes: readonly Dtype[],
  outDtype: Dtype,
  shape: Shape,
  grid?: ArrayGrid,
): ArrayData {
  let ops = 1;
  let inputs = 0;
  for (const a of args) {
    if (isScalarArg(a)) continue;
    const s = sizeOfExpr(a);
    ops += s.ops;
    inputs += s.inputs;
  }
  if (ops > MAX_FUSED_OPS || inputs > MAX_FUSED_INPUTS) {
    for (const a of args) if (!isScalarArg(a)) materialize(a);
    ops = 1;
    inputs = args.filter((a) => !isScalarArg(a)).length;
  }
  const arrays = args.filter((a): a is ArrayData => !isScalarArg(a));
  const out = ArrayData.fromExpr(grid ?? elementwiseGrid(shape, outDtype, arrays), outDtype, { op, args, argDtypes });
  for (const a of arrays) a.consumers++;
  exprSize.set(out, { ops, inputs });
  track(out);
  return out;
}
