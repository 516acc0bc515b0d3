// SPDX-License-Identifier: Apache-2.0
/**
 * Iteratively reweighted least squares: every iteration solves the weighted least-squares problem
 * of the working response, (X̃ᵀSX̃ + Λ)·w⁺ = X̃ᵀ(S·η − r), i.e. w⁺ = H⁻¹(H·w − g) with H and g of
 * the current point. The iterates are full Newton steps (no line search: the classic Fisher
 * scoring of McCullagh & Nelder for canonical links), one pass for H and g and one for η each.
 * Without a line search it can overshoot where Newton would damp its step ("newton" is the
 * safeguarded variant); a singular system falls back to L-BFGS as Newton does.
 */
import { normInf } from "./dense.js";
import { lbfgs } from "./lbfgs.js";
import { singularHessianWarning } from "./newton.js";
import { solvePositiveDefinite } from "./linear-system.js";
import { type Problem, withoutHessians } from "./problem.js";
import type { SolverOptions, SolverResult } from "./result.js";

export async function irls(problem: Problem, w0: Float64Array, options: SolverOptions): Promise<SolverResult> {
  let trial = problem.at(w0);
  for (let it = 0; it < options.maxIter; it++) {
    const { gradient: g, hessian: h } = await trial.gradientHessian();
    if (normInf(g) <= options.tol) {
      trial.dispose();
      return { w: trial.w, nIter: it, converged: true };
    }
    const p = g.length;
    const rhs = new Float64Array(p);
    for (let i = 0; i < p; i++) {
      let s = -g[i]!;
      for (let j = 0; j < p; j++) s += h[i * p + j]! * trial.w[j]!;
      rhs[i] = s;
    }
    const w = await solvePositiveDefinite(h, rhs);
    trial.dispose();
    if (!w) {
      singularHessianWarning("irls");
      const rest = await lbfgs(withoutHessians(problem), trial.w, { ...options, maxIter: options.maxIter - it });
      return { ...rest, nIter: it + rest.nIter };
    }
    trial = problem.at(w);
  }
  trial.dispose();
  return { w: trial.w, nIter: options.maxIter, converged: false, reason: "maxIter reached" };
}
