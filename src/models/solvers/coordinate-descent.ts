// SPDX-License-Identifier: Apache-2.0
/**
 * Cyclic coordinate descent on a quadratic model with an L1 penalty, all local (p×p):
 *   min_z  gᵀ(z − w) + ½(z − w)ᵀH(z − w) + λ₁‖P·z‖₁,
 * the subproblem of proximal Newton (glmnet's inner loop, Friedman, Hastie & Tibshirani 2010).
 * For least squares it is the whole problem (scikit-learn's coordinate descent with a
 * precomputed Gram matrix). Coordinate j moves to S(H_jj·z_j − u_j, λ₁)/H_jj with u the model's
 * gradient at z, kept up to date in O(p) per move; sweeps repeat until no coordinate moves by
 * more than `tol` relative to the largest coordinate.
 */
import { softThreshold } from "./problem.js";
import type { Penalty } from "./problem.js";

export interface CdOptions {
  readonly tol: number;
  readonly maxSweeps: number;
}

/** The minimizer z (and the sweeps used). */
export function coordinateDescent(h: Float64Array, g: Float64Array, w: Float64Array, penalty: Penalty, options: CdOptions): { z: Float64Array; sweeps: number } {
  const p = w.length;
  const z = Float64Array.from(w);
  const u = Float64Array.from(g); // ∇ of the model at z: g + H(z − w)
  let sweeps = 0;
  while (sweeps < options.maxSweeps) {
    sweeps++;
    let maxMove = 0;
    let maxAbs = 0;
    for (let j = 0; j < p; j++) {
      const hjj = h[j * p + j]!;
      if (!(hjj > 0)) continue;
      const old = z[j]!;
      const target = hjj * old - u[j]!;
      const next = penalty.mask[j] && penalty.l1 > 0 ? softThreshold(target, penalty.l1) / hjj : target / hjj;
      const delta = next - old;
      if (delta !== 0) {
        z[j] = next;
        const row = j * p;
        for (let i = 0; i < p; i++) u[i]! += delta * h[row + i]!;
      }
      maxMove = Math.max(maxMove, Math.abs(delta));
      maxAbs = Math.max(maxAbs, Math.abs(next));
    }
    if (maxMove <= options.tol * Math.max(maxAbs, 1e-300)) break;
  }
  return { z, sweeps };
}
