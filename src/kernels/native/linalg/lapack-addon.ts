// SPDX-License-Identifier: Apache-2.0
/**
 * The addon's linear-algebra functions (native/lapack*.cc). LAPACK routines take column-major
 * storage and mirror their Fortran arguments; the BLAS ones (trsm, trsv, syrk, gemv, gather) take
 * row-major storage through CBLAS. Every array travels as (typedArray, elementOffset), the first
 * argument is isFloat32, and the return value is LAPACK's INFO (0 for BLAS).
 */
import type { TypedArray } from "../../../array/dtype.js";

type A = TypedArray;

export interface LapackAddon {
  geqrf(f32: boolean, m: number, n: number, a: A, offA: number, lda: number, tau: A, offTau: number): number;
  orgqr(f32: boolean, m: number, n: number, k: number, a: A, offA: number, lda: number, tau: A, offTau: number): number;
  tpqrt(f32: boolean, m: number, n: number, l: number, a: A, offA: number, lda: number, b: A, offB: number, ldb: number): number;
  potrf(f32: boolean, upper: boolean, n: number, a: A, offA: number, lda: number): number;
  getrf(f32: boolean, m: number, n: number, a: A, offA: number, lda: number, ipiv: Int32Array, offIpiv: number): number;
  getrs(f32: boolean, trans: boolean, n: number, nrhs: number, a: A, offA: number, lda: number, ipiv: Int32Array, offIpiv: number, b: A, offB: number, ldb: number): number;
  gesdd(f32: boolean, jobz: "A" | "S" | "N", m: number, n: number, a: A, offA: number, lda: number, s: A, offS: number, u: A, offU: number, ldu: number, vt: A, offVt: number, ldvt: number): number;
  syevd(f32: boolean, computeV: boolean, upper: boolean, n: number, a: A, offA: number, lda: number, w: A, offW: number): number;
  trsm(f32: boolean, left: boolean, lower: boolean, transA: boolean, unitDiag: boolean, m: number, n: number, a: A, offA: number, lda: number, b: A, offB: number, ldb: number): number;
  trsv(f32: boolean, lower: boolean, transA: boolean, unitDiag: boolean, n: number, a: A, offA: number, lda: number, x: A, offX: number, incx: number): number;
  syrk(f32: boolean, lower: boolean, trans: boolean, n: number, k: number, alpha: number, a: A, offA: number, lda: number, beta: number, c: A, offC: number, ldc: number): number;
  /**
   * C (upper triangle, row-major n'×n') += Ãᵀ·diag(s)·Ã for Ã = A (m×n, any strides) or [A, 1]
   * (`ones`, n' = n + 1), in row panels; with k > 0 also P (n'×k row-major) += Ãᵀ·V. Without
   * `weighted`, s is all ones (the s array is not read); with k = 0, V and P are not read.
   */
  gramPanels(
    f32: boolean, m: number, n: number, a: A, offA: number, rs: number, cs: number,
    weighted: boolean, s: A, offS: number, incS: number, ones: boolean,
    k: number, v: A, offV: number, rsV: number, csV: number, p: A, offP: number,
    c: A, offC: number, ldc: number,
  ): number;
  glmGramPanels(
    f32: boolean, m: number, n: number, a: A, offA: number, rs: number, cs: number, family: number,
    y: A, offY: number, incY: number, weighted: boolean, sw: A, offSw: number, incSw: number,
    beta: A, offBeta: number, ones: boolean, c: A, offC: number, p: A, offP: number, loss: A, offLoss: number,
  ): number;
  gemv(f32: boolean, trans: boolean, m: number, n: number, a: A, offA: number, lda: number, x: A, offX: number, incx: number, beta: number, y: A, offY: number, incy: number): number;
  gather(f32: boolean, rows: number, cols: number, src: A, offSrc: number, rs: number, cs: number, dst: A, offDst: number, ld: number): number;
}
