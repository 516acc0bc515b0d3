// SPDX-License-Identifier: Apache-2.0
/**
 * The binary merges of reduction partial states, shared by the in-block cascade (accumulators.ts)
 * and the `combine` kernel, so a tree of combines and one big block agree in how they round.
 * The native engine (native/reduce_*.h) implements the same formulas with the same operation
 * order; keep them in step.
 */
import { signbit } from "../elementwise/float-bits.js";

/** Moments of a set of values: count, mean and M2 = sum of squared deviations from the mean. */
export interface Moments {
  n: number;
  mean: number;
  m2: number;
}

/**
 * Chan, Golub & LeVeque's pairwise update: the moments of A ∪ B. Equal means give delta 0 so
 * that infinite means survive the merge.
 */
export function mergeMoments(na: number, ma: number, m2a: number, nb: number, mb: number, m2b: number, out: Moments): void {
  if (nb === 0) {
    out.n = na;
    out.mean = ma;
    out.m2 = m2a;
    return;
  }
  if (na === 0) {
    out.n = nb;
    out.mean = mb;
    out.m2 = m2b;
    return;
  }
  const n = na + nb;
  const delta = ma === mb ? 0 : mb - ma;
  out.n = n;
  out.mean = ma + delta * (nb / n);
  out.m2 = m2a + m2b + delta * delta * ((na * nb) / n);
}

/**
 * min with NumPy's NaN propagation. Between -0 and +0, min picks -0 and max picks +0, so the
 * result does not depend on the order values are seen in (NumPy's own answer depends on its SIMD
 * lane layout).
 */
export function minValue(a: number, b: number): number {
  if (a !== a) return a;
  if (b !== b) return b;
  if (a === b) return a === 0 && signbit(b) ? b : a;
  return a < b ? a : b;
}

export function maxValue(a: number, b: number): number {
  if (a !== a) return a;
  if (b !== b) return b;
  if (a === b) return a === 0 && !signbit(b) ? b : a;
  return a > b ? a : b;
}

/** nanmin/nanmax: NaN only when both are NaN (an all-NaN or empty slice). */
export function nanMinValue(a: number, b: number): number {
  return a !== a ? b : b !== b ? a : minValue(a, b);
}

export function nanMaxValue(a: number, b: number): number {
  return a !== a ? b : b !== b ? a : maxValue(a, b);
}

/**
 * Whether candidate (v, i) beats the current best (bv, bi) for argmin (`sign` 1) or argmax (-1).
 * Index -1 marks "nothing yet". NaN wins unless `skipNaN`; ties go to the smaller index.
 */
export function argBetter(v: number, i: number, bv: number, bi: number, sign: 1 | -1, skipNaN: boolean): boolean {
  if (i < 0) return false;
  if (v !== v) {
    if (skipNaN) return false;
    return bi < 0 || bv === bv || i < bi;
  }
  if (bi < 0) return true;
  if (bv !== bv) return skipNaN;
  if (v === bv) return i < bi;
  return sign > 0 ? v < bv : v > bv;
}
