// SPDX-License-Identifier: Apache-2.0
/**
 * Jacobi rotations: the one-sided (Hestenes) SVD of a square matrix and the cyclic two-sided
 * eigensolver for symmetric matrices (Golub & Van Loan §8.5 and §8.6.3; Demmel & Veselić, "Jacobi's
 * method is more accurate than QR", 1992). Slow (O(n³) per sweep, ~6–10 sweeps) but simple and
 * accurate: small singular values and eigenvalues come out to high relative accuracy. Inputs are
 * expected pre-scaled so that squares neither overflow nor underflow.
 */
import { LinAlgError } from "../../../errors.js";

const EPS = 2 ** -53;
const MAX_SWEEPS = 100;

/** The smaller root t of t² + 2ζt − 1 = 0: the tangent of the rotation angle. */
function tangent(zeta: number): number {
  const t = 1 / (Math.abs(zeta) + Math.hypot(1, zeta));
  return zeta < 0 ? -t : t;
}

/**
 * Orthogonalizes the columns of the n×n column-major `g` by plane rotations applied from the
 * right, accumulating them in `v` (n×n column-major, starting as I): afterwards g = U·Σ with the
 * column norms as singular values, and A = g·vᵀ.
 */
export function oneSidedJacobi(g: Float64Array, v: Float64Array, n: number): void {
  const tol = EPS * Math.max(n, 1);
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        let alpha = 0;
        let beta = 0;
        let gamma = 0;
        for (let i = 0; i < n; i++) {
          const gp = g[p * n + i]!;
          const gq = g[q * n + i]!;
          alpha += gp * gp;
          beta += gq * gq;
          gamma += gp * gq;
        }
        if (gamma === 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha) * Math.sqrt(beta)) continue;
        rotated = true;
        const t = tangent((beta - alpha) / (2 * gamma));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        rotate(g, p * n, q * n, n, c, s);
        rotate(v, p * n, q * n, n, c, s);
      }
    }
    if (!rotated) return;
  }
  throw new LinAlgError("SVD did not converge");
}

/** [x y] := [x y]·[[c, s], [−s, c]] for the length-n columns at xo and yo. */
function rotate(a: Float64Array, xo: number, yo: number, n: number, c: number, s: number): void {
  for (let i = 0; i < n; i++) {
    const x = a[xo + i]!;
    const y = a[yo + i]!;
    a[xo + i] = c * x - s * y;
    a[yo + i] = s * x + c * y;
  }
}

/**
 * Diagonalizes the symmetric n×n row-major `a` in place by cyclic Jacobi rotations (Rutishauser's
 * formulation) and accumulates the eigenvectors as the columns of `v` (row-major, starting as I).
 * Afterwards the diagonal of `a` holds the eigenvalues, unsorted. An off-diagonal entry is
 * negligible once |a_pq| ≤ eps·√|a_pp·a_qq|, the criterion that keeps relative accuracy.
 */
export function symmetricJacobi(a: Float64Array, v: Float64Array, n: number): void {
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let rotated = false;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q]!;
        const app = a[p * n + p]!;
        const aqq = a[q * n + q]!;
        if (apq === 0 || Math.abs(apq) <= EPS * Math.sqrt(Math.abs(app)) * Math.sqrt(Math.abs(aqq))) continue;
        rotated = true;
        const t = tangent((aqq - app) / (2 * apq));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        const tau = s / (1 + c);
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[p * n + q] = 0;
        a[q * n + p] = 0;
        for (let r = 0; r < n; r++) {
          if (r !== p && r !== q) {
            const g = a[r * n + p]!;
            const h = a[r * n + q]!;
            const gp = g - s * (h + g * tau);
            const hq = h + s * (g - h * tau);
            a[r * n + p] = gp;
            a[p * n + r] = gp;
            a[r * n + q] = hq;
            a[q * n + r] = hq;
          }
          const g = v[r * n + p]!;
          const h = v[r * n + q]!;
          v[r * n + p] = g - s * (h + g * tau);
          v[r * n + q] = h + s * (g - h * tau);
        }
      }
    }
    if (!rotated) return;
  }
  throw new LinAlgError("Eigenvalues did not converge");
}
