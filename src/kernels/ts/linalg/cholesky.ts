// SPDX-License-Identifier: Apache-2.0
/**
 * Reference Cholesky kernel: the unblocked left-looking algorithm (LAPACK dpotf2; Golub & Van Loan
 * Alg. 4.2.1) on the referenced triangle. Like OpenBLAS's potrf, which NumPy calls, only a
 * non-positive pivot (d ≤ 0) is an error: NaN input propagates into the factor instead.
 */
import { LinAlgError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import { asMat, expectOutput, requireSquare, transposed } from "./matrix.js";

export const NOT_POSITIVE_DEFINITE = "Matrix is not positive definite";

/**
 * Overwrites the n×n row-major `l` (holding the symmetric matrix in its lower triangle) with its
 * lower Cholesky factor; the strictly upper part is zeroed. Returns 0, or j + 1 when the leading
 * minor of order j + 1 is not positive definite (LAPACK's INFO).
 */
export function choleskyLower(l: Float64Array, n: number): number {
  for (let j = 0; j < n; j++) {
    const rj = j * n;
    let d = l[rj + j]!;
    for (let p = 0; p < j; p++) d -= l[rj + p]! * l[rj + p]!;
    if (d <= 0) return j + 1;
    const ljj = Math.sqrt(d);
    l[rj + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      const ri = i * n;
      let s = l[ri + j]!;
      for (let p = 0; p < j; p++) s -= l[ri + p]! * l[rj + p]!;
      l[ri + j] = s / ljj;
    }
    for (let c = j + 1; c < n; c++) l[rj + c] = 0;
  }
  return 0;
}

export const cholesky: KernelFn<"cholesky"> = (inputs, outputs, attrs) => {
  const a = asMat(inputs[0]!);
  const n = requireSquare(a);
  const out = outputs[0]!;
  expectOutput(out, [n, n], "cholesky output");
  // The upper triangle of A is the lower triangle of Aᵀ, and U = Lᵀ: read through the transpose.
  const src = attrs.upper ? transposed(a) : a;
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) l[i * n + j] = src.data[src.offset + i * src.rs + j * src.cs]!;
  if (choleskyLower(l, n) !== 0) throw new LinAlgError(NOT_POSITIVE_DEFINITE);
  const o = out.offset;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out.data[o + i * n + j] = attrs.upper ? l[j * n + i]! : l[i * n + j]!;
};
