// SPDX-License-Identifier: Apache-2.0
/**
 * L-BFGS (Nocedal & Wright, Alg. 7.4/7.5): the two-loop recursion over the last MEMORY pairs
 * (s, y), H₀ = γI with γ = sᵀy/yᵀy, and a backtracking Armijo line search from the unit step.
 * Pairs with sᵀy ≤ ε·‖s‖‖y‖ are skipped, which keeps the approximation positive definite
 * without a Wolfe search. Per iteration one pass for f at each trial and one for the gradient
 * at the accepted point. Stops when ‖∇f‖∞ ≤ tol, or, as SciPy's L-BFGS-B (scikit-learn's
 * "lbfgs"), when f stops changing: (f − f⁺)/max(|f|, |f⁺|, 1) ≤ 64·ε.
 */
import { dot, normInf, sub } from "./dense.js";
import { backtrack } from "./line-search.js";
import type { Problem } from "./problem.js";
import type { SolverOptions, SolverResult } from "./result.js";

const MEMORY = 10;
const FTOL = 64 * Number.EPSILON;

export async function lbfgs(problem: Problem, w0: Float64Array, options: SolverOptions): Promise<SolverResult> {
  let trial = problem.at(w0);
  let value = await trial.value();
  let g = await trial.gradient();
  const pairs: { s: Float64Array; y: Float64Array; rho: number }[] = [];
  for (let it = 0; it < options.maxIter; it++) {
    if (normInf(g) <= options.tol) {
      trial.dispose();
      return { w: trial.w, nIter: it, converged: true };
    }
    const d = direction(g, pairs);
    // Without curvature information, the first step is scaled to move w by at most 1 (SciPy's choice).
    const t0 = pairs.length === 0 ? Math.min(1, 1 / Math.max(normInf(g), 1e-300)) : 1;
    const next = await backtrack(problem, trial.w, value, d, dot(g, d), t0);
    if (!next) {
      trial.dispose();
      return { w: trial.w, nIter: it + 1, converged: false, reason: "the line search could not decrease the objective" };
    }
    const g1 = await next.trial.gradient();
    const s = sub(next.trial.w, trial.w);
    const y = sub(g1, g);
    const sy = dot(s, y);
    if (sy > Number.EPSILON * Math.sqrt(dot(s, s) * dot(y, y))) {
      pairs.push({ s, y, rho: 1 / sy });
      if (pairs.length > MEMORY) pairs.shift();
    }
    const change = (value - next.value) / Math.max(Math.abs(value), Math.abs(next.value), 1);
    trial.dispose();
    trial = next.trial;
    value = next.value;
    g = g1;
    if (change <= FTOL && normInf(g) > options.tol) {
      trial.dispose();
      return { w: trial.w, nIter: it + 1, converged: true };
    }
  }
  trial.dispose();
  return { w: trial.w, nIter: options.maxIter, converged: normInf(g) <= options.tol, reason: "maxIter reached" };
}

/** −H·g by the two-loop recursion. */
function direction(g: Float64Array, pairs: readonly { s: Float64Array; y: Float64Array; rho: number }[]): Float64Array {
  const q = Float64Array.from(g);
  const alpha = new Float64Array(pairs.length);
  for (let i = pairs.length - 1; i >= 0; i--) {
    const { s, y, rho } = pairs[i]!;
    const a = rho * dot(s, q);
    alpha[i] = a;
    for (let j = 0; j < q.length; j++) q[j]! -= a * y[j]!;
  }
  if (pairs.length > 0) {
    const { s, y } = pairs[pairs.length - 1]!;
    const gamma = dot(s, y) / dot(y, y);
    for (let j = 0; j < q.length; j++) q[j]! *= gamma;
  }
  for (let i = 0; i < pairs.length; i++) {
    const { s, y, rho } = pairs[i]!;
    const b = rho * dot(y, q);
    for (let j = 0; j < q.length; j++) q[j]! += (alpha[i]! - b) * s[j]!;
  }
  return q.map((v) => -v);
}
