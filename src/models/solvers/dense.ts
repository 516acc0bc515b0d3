// SPDX-License-Identifier: Apache-2.0
/** Small dense vector helpers for the solvers (parameter vectors live on the driver). */

export function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** max |a_i| (0 for an empty vector). */
export function normInf(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

/** a + t·b as a new vector. */
export function axpy(a: Float64Array, t: number, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! + t * b[i]!;
  return out;
}

/** a − b as a new vector. */
export function sub(a: Float64Array, b: Float64Array): Float64Array {
  return axpy(a, -1, b);
}

export function allFinite(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i]!)) return false;
  return true;
}

/** y = A·x for a row-major n×n matrix. */
export function matVec(a: Float64Array, x: Float64Array): Float64Array {
  const n = x.length;
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += a[i * n + j]! * x[j]!;
    y[i] = s;
  }
  return y;
}
