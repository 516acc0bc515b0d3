// SPDX-License-Identifier: Apache-2.0
/** `trace`: sums along a diagonal (NumPy's `trace`, offsets and axis pairs included). */
import { isFloat } from "../array/dtype.js";
import { AxisError, ShapeError } from "../errors.js";
import { contract } from "../plan/contract.js";
import { rangeView } from "../plan/range-view.js";
import type { BlockArray } from "./block-array.js";
import { withArrays } from "./contract-args.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { type SumOptions, sum } from "./reductions.js";

export interface TraceOptions {
  /** Diagonal above (> 0) or below (< 0) the main one. */
  offset?: number;
  axis1?: number;
  axis2?: number;
  /** Accumulation dtype (default as `sum`: the float itself, float64 for integers and bool). */
  dtype?: SumOptions["dtype"];
}

function axisOption(value: number, ndim: number, name: string): number {
  if (!Number.isInteger(value)) throw new TypeError(`trace: ${name} must be an integer, got ${JSON.stringify(value)}`);
  if (value < -ndim || value >= ndim) throw new AxisError(`${name}: axis ${value} is out of bounds for array of dimension ${ndim}`);
  return value < 0 ? value + ndim : value;
}

/**
 * The sum along the diagonal `a[i, i + offset]` of the axes `axis1`, `axis2` (default 0, 1); for
 * more than 2-D the result keeps the other axes. Only the blocks the diagonal crosses are read.
 *
 * @example
 * const t = await nt.trace(m).item();
 * const s = nt.trace(stack, { axis1: 1, axis2: 2 });   // one trace per matrix
 * @param options - `{ offset, axis1, axis2, dtype }`, or the offset alone
 * @throws ShapeError for arrays under 2-D, AxisError for bad or equal axes
 */
export const trace = arrayOp(function trace(a: ArrayLike, options: number | TraceOptions = {}): BlockArray {
  const opts: TraceOptions = typeof options === "number" ? { offset: options } : options;
  const offset = opts.offset ?? 0;
  if (!Number.isInteger(offset)) throw new TypeError(`trace: offset must be an integer, got ${JSON.stringify(offset)}`);
  return withArrays("trace", [a], ([x]) => {
    const nd = x!.ndim;
    if (nd < 2) throw new ShapeError("diag requires an array of at least two dimensions");
    const ax1 = axisOption(opts.axis1 ?? 0, nd, "axis1");
    const ax2 = axisOption(opts.axis2 ?? 1, nd, "axis2");
    if (ax1 === ax2) throw new AxisError("axis1 and axis2 cannot be the same");
    // The diagonal a[s1 + i, s2 + i], i < n, as a repeated label over two equal ranges.
    const s1 = Math.max(-offset, 0);
    const s2 = Math.max(offset, 0);
    const n = Math.max(0, Math.min(x!.shape[ax1]! - s1, x!.shape[ax2]! - s2));
    const r1 = rangeView(x!, ax1, Math.min(s1, x!.shape[ax1]!), Math.min(s1, x!.shape[ax1]!) + n);
    const r2 = rangeView(r1, ax2, Math.min(s2, x!.shape[ax2]!), Math.min(s2, x!.shape[ax2]!) + n);
    r1.release();
    const diag = nd;
    const labels = x!.shape.map((_, d) => (d === ax1 || d === ax2 ? diag : d));
    const kept = labels.filter((l) => l !== diag);
    let diagonal;
    try {
      diagonal = wrap(contract([{ data: r2, labels }], [...kept, diag], x!.dtype));
    } finally {
      r2.release();
    }
    try {
      const dtype = opts.dtype ?? (isFloat(x!.dtype) ? x!.dtype : "float64");
      return sum(diagonal, { axis: -1, dtype });
    } finally {
      diagonal.dispose();
    }
  });
});
