// SPDX-License-Identifier: Apache-2.0
/**
 * Basic indexing of a lazy elementwise expression: instead of computing the whole expression and
 * viewing it, the same view is taken of each operand (broadcast axes become length-1 axes) and the
 * expression is rebuilt over those views, so `nt.exp(x).get("0")` computes one row. The indexed
 * expression counts as consumed, as when it is fused into any other consumer.
 */
import { type ArrayData, type ExprArg, isScalarArg } from "../array-data.js";
import { elementwise } from "../elementwise.js";
import { type ViewDim, stridedView } from "./strided-view.js";

/** `x` read through `dims` with source axes `fixed` held: a view, or the expression over views. */
export function basicView(x: ArrayData, dims: readonly ViewDim[], fixed: readonly (number | null)[]): ArrayData {
  if (x.isMaterialized) return stridedView(x, dims, fixed);
  x.consumers++;
  return pushed(x, dims, fixed);
}

function pushed(a: ArrayData, dims: readonly ViewDim[], fixed: readonly (number | null)[]): ArrayData {
  const expr = a.expr;
  if (!expr) return stridedView(a, dims, fixed);
  const shape = dims.map((d) => (d.kind === "newaxis" ? 1 : d.length));
  const made: ArrayData[] = [];
  try {
    const args = expr.args.map((arg): ExprArg => {
      if (isScalarArg(arg)) return arg;
      const view = operandView(arg, a.ndim, dims, fixed);
      const v = pushed(arg, view.dims, view.fixed);
      made.push(v);
      return v;
    });
    return elementwise(expr.op, args, expr.argDtypes, a.dtype, shape);
  } finally {
    for (const m of made) m.release();
  }
}

/**
 * The view of an operand (broadcastable to an array of `ndim` axes) matching the view `dims` /
 * `fixed` of that array: its broadcast axes (missing, or of length 1) read position 0.
 */
function operandView(arg: ArrayData, ndim: number, dims: readonly ViewDim[], fixed: readonly (number | null)[]): { dims: ViewDim[]; fixed: (number | null)[] } {
  const lead = ndim - arg.ndim;
  const argFixed = arg.shape.map((n, j) => (n === 1 ? 0 : fixed[j + lead]!));
  const argDims = dims.map((d): ViewDim => {
    if (d.kind === "newaxis") return d;
    const j = d.axis - lead;
    return j < 0 || arg.shape[j] === 1 ? { kind: "newaxis" } : { ...d, axis: j };
  });
  return { dims: argDims, fixed: argFixed };
}
