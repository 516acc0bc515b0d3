// SPDX-License-Identifier: Apache-2.0
/**
 * Accelerated proximal gradient descent (FISTA, Beck & Teboulle 2009) with backtracking on the
 * step 1/L and adaptive restart (O'Donoghue & Candès 2015, gradient scheme: momentum is dropped
 * whenever the step opposes the previous move; the function scheme is blind near the minimum,
 * where F's changes fall below its rounding error). With λ₁ = 0 the proximal step is a plain gradient step. Each iteration evaluates f and ∇f
 * at the extrapolated point (two passes) and f at each candidate (one pass); L may shrink by 10%
 * per iteration so a conservative early estimate does not slow the whole run. Converged when the
 * gradient mapping L·(y − x⁺) is at most `tol` in max-norm.
 */
import { normInf, sub } from "./dense.js";
import { type Problem, type Trial, proxL1 } from "./problem.js";
import type { SolverOptions, SolverResult } from "./result.js";

const GROW = 2;
const SHRINK = 0.9;

export async function proximalGradient(problem: Problem, w0: Float64Array, options: SolverOptions): Promise<SolverResult> {
  let x = w0;
  let y = x;
  let momentum = 1;
  let lipschitz = 0;
  for (let it = 0; it < options.maxIter; it++) {
    const ty = problem.at(y);
    const fy = await ty.value();
    const gy = await ty.gradient();
    ty.dispose();
    if (lipschitz === 0) lipschitz = Math.max(normInf(gy), 1e-12);
    // Backtracking: L until f(x⁺) ≤ f(y) + ∇f(y)ᵀ(x⁺ − y) + (L/2)‖x⁺ − y‖².
    let xn: Float64Array;
    for (;;) {
      xn = proxL1(problem.penalty, y.map((v, i) => v - gy[i]! / lipschitz), 1 / lipschitz);
      const dx = sub(xn, y);
      let lin = 0;
      let sq = 0;
      for (let i = 0; i < dx.length; i++) {
        lin += gy[i]! * dx[i]!;
        sq += dx[i]! * dx[i]!;
      }
      const fxn = await withTrial(problem.at(xn), (t) => t.value());
      if (Number.isFinite(fxn) && fxn <= fy + lin + (lipschitz / 2) * sq + 16 * Number.EPSILON * Math.abs(fy)) break;
      lipschitz *= GROW;
      if (!Number.isFinite(lipschitz)) return { w: x, nIter: it, converged: false, reason: "the step size underflowed" };
    }
    // The gradient mapping: L(y − x⁺) − ∇f(y) is a subgradient of λ₁‖P·x⁺‖₁, so F's optimality
    // residual at x⁺ is ‖L(y − x⁺)‖∞ up to the change of ∇f between y and x⁺.
    const mapping = normInf(sub(y, xn)) * lipschitz;
    // Gradient restart: momentum is dropped when the step opposes the last move, (y − x⁺)ᵀ(x⁺ − x) > 0.
    let opposes = 0;
    for (let i = 0; i < xn.length; i++) opposes += (y[i]! - xn[i]!) * (xn[i]! - x[i]!);
    const next = opposes > 0 ? 1 : (1 + Math.sqrt(1 + 4 * momentum * momentum)) / 2;
    y = opposes > 0 ? xn : xn.map((v, i) => v + ((momentum - 1) / next) * (v - x[i]!));
    momentum = next;
    x = xn;
    lipschitz *= SHRINK;
    if (mapping <= options.tol) return { w: x, nIter: it + 1, converged: true };
  }
  return { w: x, nIter: options.maxIter, converged: false, reason: "maxIter reached" };
}

async function withTrial<T>(trial: Trial, fn: (t: Trial) => Promise<T>): Promise<T> {
  try {
    return await fn(trial);
  } finally {
    trial.dispose();
  }
}
