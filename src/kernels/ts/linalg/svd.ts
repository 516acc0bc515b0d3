// SPDX-License-Identifier: Apache-2.0
/**
 * Reference SVD kernel: Householder QR of the tall orientation (A, or Aᵀ when m < n), then
 * one-sided Jacobi on the triangular factor R = U_R·Σ·Vᵀ, so U = Q·U_R (Golub & Van Loan §8.6.3;
 * preconditioning by QR as in Drmač & Veselić). Non-finite input follows NumPy where NumPy is
 * well defined (NaN → LinAlgError "SVD did not converge") and yields NaN everywhere for ±Inf,
 * where NumPy returns NaN singular values with arbitrary vectors (or, for some inputs, never
 * returns: OpenBLAS's gesdd loops).
 */
import { LinAlgError, ShapeError } from "../../../errors.js";
import type { KernelFn, SvdAttrs } from "../../manifest.js";
import type { View } from "../../view.js";
import { applyQ, householderQr, nrm2 } from "./householder.js";
import { oneSidedJacobi } from "./jacobi.js";
import { type Mat, asMat, expectOutput, fillOutput, loadColMajor, scanNonFinite, store, transposed } from "./matrix.js";

export const SVD_NOT_CONVERGED = "SVD did not converge";

/** The outputs [U, S, Vt] (or [S]) checked against A's shape; U and Vt are undefined without computeUv. */
export function svdOutputs(outputs: readonly View[], attrs: SvdAttrs, m: number, n: number): { u?: View; s: View; vt?: View } {
  const k = Math.min(m, n);
  if (!attrs.computeUv) {
    expectOutput(outputs[0]!, [k], "svd output S");
    return { s: outputs[0]! };
  }
  if (outputs.length !== 3) throw new ShapeError(`svd with computeUv needs 3 outputs, got ${outputs.length}`);
  const [u, s, vt] = outputs as [View, View, View];
  expectOutput(u, [m, attrs.fullMatrices ? m : k], "svd output U");
  expectOutput(s, [k], "svd output S");
  expectOutput(vt, [attrs.fullMatrices ? n : k, n], "svd output Vt");
  return { u, s, vt };
}

/**
 * Applies NumPy's non-finite rules; returns true when the outputs are already written (±Inf
 * input: all NaN). Shared with the native kernel, which must not hand such input to gesdd.
 */
export function svdNonFinite(a: Mat, outputs: readonly View[]): boolean {
  const { nan, inf } = scanNonFinite(a);
  if (nan) throw new LinAlgError(SVD_NOT_CONVERGED);
  if (inf) for (const o of outputs) fillOutput(o, NaN);
  return inf;
}

interface Factors {
  /** rows × ucols, column-major. */
  readonly u: Float64Array;
  readonly s: Float64Array;
  /** cols × vcols, column-major (V, not Vᵀ). */
  readonly v: Float64Array;
}

/** Columns of the n×n column-major `u` with a zero norm replaced to complete an orthonormal basis. */
function completeBasis(u: Float64Array, n: number, zero: readonly boolean[]): void {
  let candidate = 0;
  for (let j = 0; j < n; j++) {
    if (!zero[j]) continue;
    for (; candidate < n; candidate++) {
      const x = new Float64Array(n);
      x[candidate] = 1;
      // Classical Gram–Schmidt, twice ("twice is enough"), against every filled column.
      for (let pass = 0; pass < 2; pass++) {
        for (let l = 0; l < n; l++) {
          if (zero[l] && l >= j) continue;
          let d = 0;
          for (let i = 0; i < n; i++) d += u[l * n + i]! * x[i]!;
          for (let i = 0; i < n; i++) x[i]! -= d * u[l * n + i]!;
        }
      }
      const norm = nrm2(x, 0, n);
      if (norm > 0.5) {
        for (let i = 0; i < n; i++) u[j * n + i] = x[i]! / norm;
        candidate++;
        break;
      }
    }
  }
}

/** The SVD of a tall (m ≥ n) matrix; U is m×m with `full`, else m×n. */
function tallSvd(a: Mat, full: boolean, computeUv: boolean): Factors {
  const { rows: m, cols: n } = a;
  const w = loadColMajor(a);
  // Scale to max |a_ij| = 1 so the Jacobi sums of squares cannot overflow or underflow.
  let amax = 0;
  for (const x of w) amax = Math.max(amax, Math.abs(x));
  const scale = amax > 0 ? amax : 1;
  for (let i = 0; i < w.length; i++) w[i]! /= scale;
  const tau = householderQr(w, m, n);
  const g = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i <= j; i++) g[j * n + i] = w[j * m + i]!;
  const vj = new Float64Array(n * n);
  for (let j = 0; j < n; j++) vj[j * n + j] = 1;
  oneSidedJacobi(g, vj, n);
  const norms = Array.from({ length: n }, (_, j) => nrm2(g, j * n, n));
  const order = norms.map((_, j) => j).sort((x, y) => norms[y]! - norms[x]! || x - y);
  const s = Float64Array.from(order, (j) => norms[j]! * scale);
  const ucols = full ? m : n;
  const u = new Float64Array(computeUv ? m * ucols : 0);
  const v = new Float64Array(computeUv ? n * n : 0);
  if (!computeUv) return { u, s, v };
  const ur = new Float64Array(n * n);
  const zero = order.map((j) => norms[j] === 0);
  order.forEach((j, c) => {
    for (let i = 0; i < n; i++) {
      ur[c * n + i] = norms[j]! > 0 ? g[j * n + i]! / norms[j]! : 0;
      v[c * n + i] = vj[j * n + i]!;
    }
  });
  completeBasis(ur, n, zero);
  // U = Q·[U_R 0; 0 I]: embed, then apply the reflectors.
  for (let c = 0; c < ucols; c++) {
    if (c < n) for (let i = 0; i < n; i++) u[c * m + i] = ur[c * n + i]!;
    else u[c * m + c] = 1;
  }
  applyQ(w, m, tau, u, ucols);
  return { u, s, v };
}

export const svd: KernelFn<"svd"> = (inputs, outputs, attrs) => {
  const a = asMat(inputs[0]!);
  const { rows: m, cols: n } = a;
  const out = svdOutputs(outputs, attrs, m, n);
  if (svdNonFinite(a, outputs)) return;
  const wide = m < n;
  // For a wide A, Aᵀ = U'·Σ·V'ᵀ gives A = V'·Σ·U'ᵀ: the roles of U and V swap.
  const f = tallSvd(wide ? transposed(a) : a, attrs.fullMatrices, attrs.computeUv);
  out.s.data.set(f.s, out.s.offset);
  if (!out.u || !out.vt) return;
  const [uData, vData] = wide ? [f.v, f.u] : [f.u, f.v];
  const ucols = out.u.shape[1]!;
  const vcols = out.vt.shape[0]!;
  store(out.u, uData, m, ucols, 1, m);
  store(out.vt, vData, vcols, n, n, 1);
};
