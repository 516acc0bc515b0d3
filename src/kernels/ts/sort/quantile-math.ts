// SPDX-License-Identifier: Apache-2.0
/**
 * NumPy's arithmetic for quantiles (method "linear", Hyndman & Fan's 7th) and medians, reproduced
 * operation by operation so results are bit-identical: `_get_indexes`, `_get_gamma` and `_lerp` of
 * numpy/lib/_function_base_impl.py, and `np.median`'s mean of the middle values. Shared by the
 * quantile kernels and the planner's distributed selection.
 */
import type { Dtype } from "../../../array/dtype.js";

/** How to compute: the input dtype, the result dtype, and whether q was a (weak) JS number. */
export interface QuantileSpec {
  readonly dtype: Dtype;
  readonly out: "float32" | "float64";
  readonly weak: boolean;
}

/** b - a computed in `dtype` (integers wrap as NumPy's do; float32 rounds). */
function diffIn(dtype: Dtype, b: number, a: number): number {
  const d = b - a;
  switch (dtype) {
    case "int8":
      return (d << 24) >> 24;
    case "uint8":
      return d & 0xff;
    case "int16":
      return (d << 16) >> 16;
    case "uint16":
      return d & 0xffff;
    case "int32":
      return d | 0;
    case "uint32":
      return d >>> 0;
    case "float32":
      return Math.fround(d);
    default:
      return d;
  }
}

/**
 * NumPy's `_lerp(a, b, t)`: `a + (b - a) * t`, or `b - (b - a) * (1 - t)` where t >= 0.5. With a
 * weak q and float32 data NumPy computes in float32 (t rounded to float32); otherwise in float64.
 */
export function lerp(a: number, b: number, t: number, spec: QuantileSpec): number {
  if (spec.out === "float32") {
    const f = Math.fround;
    const d = f(b - a);
    return t >= 0.5 ? f(b - f(d * f(1 - t))) : f(a + f(d * f(t)));
  }
  const d = diffIn(spec.dtype, b, a);
  return t >= 0.5 ? b - d * (1 - t) : a + d * t;
}

/**
 * The ranks (0-based positions in sorted order) a quantile q of n values reads, and its weight:
 * NumPy's virtual index (n - 1) * q, floored, with the top clamped to the last element. Gamma is
 * `virtual - previous` where NumPy's previous index is -1 for the clamped case.
 */
export function quantileRanks(n: number, q: number): { lo: number; hi: number; gamma: number } {
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return { lo: n - 1, hi: n - 1, gamma: virtual + 1 };
  const lo = Math.floor(virtual);
  return { lo, hi: lo + 1, gamma: virtual - lo };
}

/** The quantile q of n sorted non-NaN values, read through `at(rank)`. */
export function quantileOf(at: (rank: number) => number, n: number, q: number, spec: QuantileSpec): number {
  const { lo, hi, gamma } = quantileRanks(n, q);
  return lerp(at(lo), at(hi), gamma, spec);
}

/** The ranks `np.median` reads: the middle one (odd n) or two (even n). */
export function medianRanks(n: number): number[] {
  const m = n >> 1;
  return n % 2 === 1 ? [m] : [m - 1, m];
}

/** `np.median` of n sorted non-NaN values: the mean of the middle ones, in the result dtype. */
export function medianOf(at: (rank: number) => number, n: number, spec: QuantileSpec): number {
  const r = medianRanks(n);
  if (r.length === 1) return spec.out === "float32" ? Math.fround(at(r[0]!)) : at(r[0]!);
  if (spec.out === "float32") return Math.fround(Math.fround(at(r[0]!) + at(r[1]!)) / 2);
  return (at(r[0]!) + at(r[1]!)) / 2;
}
