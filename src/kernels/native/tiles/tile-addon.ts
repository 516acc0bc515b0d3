// SPDX-License-Identifier: Apache-2.0
/** The addon's functions for the tile kernels (native/lapack_tiles.cc); conventions as lapack-addon.ts. */
import type { TypedArray } from "../../../array/dtype.js";

type A = TypedArray;

export interface TileAddon {
  /** Row-major C (m×n) := alpha·op(A)·op(B) + beta·C. */
  gemmScaled(f32: boolean, transA: boolean, transB: boolean, m: number, n: number, k: number, alpha: number, a: A, offA: number, lda: number, b: A, offB: number, ldb: number, beta: number, c: A, offC: number, ldc: number): number;
  /** Row-major B (m×n) := op(A)·B (left) or B·op(A), A triangular. */
  trmm(f32: boolean, left: boolean, lower: boolean, transA: boolean, unitDiag: boolean, m: number, n: number, a: A, offA: number, lda: number, b: A, offB: number, ldb: number): number;
  /** geqrf's factorization (reflectors below R, tau), computed by geqrt with 32-column panels. */
  geqrtTau(f32: boolean, m: number, n: number, a: A, offA: number, lda: number, tau: A, offTau: number): number;
  /** T (k×k column-major) of H_1⋯H_k = I − V·T·Vᵀ from V (m×k column-major) and tau (LAPACK larft, forward, columnwise). */
  larft(f32: boolean, m: number, k: number, v: A, offV: number, ldv: number, tau: A, offTau: number, t: A, offT: number, ldt: number): number;
}
