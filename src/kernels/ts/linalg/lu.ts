// SPDX-License-Identifier: Apache-2.0
/**
 * Reference LU kernel: partial-pivoting Gaussian elimination (LAPACK dgetf2; Golub & Van Loan
 * Alg. 3.4.1), right-looking on row-major storage so every update runs along a contiguous row.
 * The pivot is the first entry of largest magnitude, as BLAS idamax picks it.
 */
import type { KernelFn } from "../../manifest.js";
import { asMat, expectOutput, loadRowMajor } from "./matrix.js";

/**
 * Factors the m×n row-major `w` in place into P·L·U (packed) and writes the 0-based pivots.
 * Returns LAPACK's INFO: 0, or i + 1 for the first exactly zero U[i][i] (elimination goes on past
 * it, as in getrf, so the factors are complete either way).
 */
export function luFactor(w: Float64Array, m: number, n: number, piv: Int32Array): number {
  let info = 0;
  const k = Math.min(m, n);
  for (let j = 0; j < k; j++) {
    let p = j;
    let best = Math.abs(w[j * n + j]!);
    for (let i = j + 1; i < m; i++) {
      const v = Math.abs(w[i * n + j]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[j] = p;
    const pivot = w[p * n + j]!;
    if (pivot === 0) {
      if (info === 0) info = j + 1;
      continue;
    }
    if (p !== j) {
      for (let c = 0; c < n; c++) {
        const t = w[j * n + c]!;
        w[j * n + c] = w[p * n + c]!;
        w[p * n + c] = t;
      }
    }
    const rj = j * n;
    for (let i = j + 1; i < m; i++) {
      const ri = i * n;
      const l = w[ri + j]! / pivot;
      w[ri + j] = l;
      if (l === 0) continue;
      for (let c = j + 1; c < n; c++) w[ri + c]! -= l * w[rj + c]!;
    }
  }
  return info;
}

export const lu: KernelFn<"lu"> = (inputs, outputs) => {
  const a = asMat(inputs[0]!);
  const { rows: m, cols: n } = a;
  const out = outputs[0]!;
  const pivOut = outputs[1]!;
  expectOutput(out, [m, n], "lu output LU");
  expectOutput(pivOut, [Math.min(m, n)], "lu output piv");
  const w = loadRowMajor(a);
  const piv = new Int32Array(Math.min(m, n));
  const info = luFactor(w, m, n, piv);
  out.data.set(w, out.offset);
  pivOut.data.set(piv, pivOut.offset);
  return info;
};
