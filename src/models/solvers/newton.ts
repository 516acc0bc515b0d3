// SPDX-License-Identifier: Apache-2.0
/**
 * Newton's method with a backtracking line search (scikit-learn's "newton-cholesky"): per
 * iteration one pass computing the gradient and the Hessian together, the p×p solve on one node,
 * and one pass per trial step (the first, a full step, is nearly always accepted). When the
 * Hessian is not positive definite (collinear features without a penalty, separable classes) it
 * warns and continues with L-BFGS from the current point, as scikit-learn does.
 */
import { linAlgWarning } from "../warnings.js";
import { dot, normInf } from "./dense.js";
import { lbfgs } from "./lbfgs.js";
import { solvePositiveDefinite } from "./linear-system.js";
import { backtrack } from "./line-search.js";
import { type Problem, withoutHessians } from "./problem.js";
import type { SolverOptions, SolverResult } from "./result.js";

/** The warning of a Newton-type solver giving up on a singular Hessian. */
export function singularHessianWarning(solver: string): void {
  linAlgWarning(
    `The Hessian of the ${solver} solver is singular or not positive definite (collinear features, or separable classes ` +
      "without a penalty); continuing with lbfgs instead.",
  );
}

export async function newton(problem: Problem, w0: Float64Array, options: SolverOptions): Promise<SolverResult> {
  let trial = problem.at(w0);
  let value = await trial.value();
  for (let it = 0; it < options.maxIter; it++) {
    const { gradient: g, hessian: h } = await trial.gradientHessian();
    if (normInf(g) <= options.tol) {
      trial.dispose();
      return { w: trial.w, nIter: it, converged: true };
    }
    const x = await solvePositiveDefinite(h, g);
    if (!x) {
      singularHessianWarning("newton");
      const w = trial.w;
      trial.dispose();
      const rest = await lbfgs(withoutHessians(problem), w, { ...options, maxIter: options.maxIter - it });
      return { ...rest, nIter: it + rest.nIter };
    }
    const d = x.map((v) => -v);
    // After the last step only the new point's value is needed (no speculative Hessian).
    const next = await backtrack(problem, trial.w, value, d, dot(g, d), 1, it < options.maxIter - 1);
    if (!next) {
      trial.dispose();
      return { w: trial.w, nIter: it + 1, converged: false, reason: "the line search could not decrease the objective" };
    }
    trial.dispose();
    trial = next.trial;
    value = next.value;
  }
  trial.dispose();
  return { w: trial.w, nIter: options.maxIter, converged: false, reason: "maxIter reached" };
}
