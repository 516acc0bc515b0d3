// SPDX-License-Identifier: Apache-2.0
/**
 * Backtracking (Armijo) line search along a descent direction of F = f + λ₁‖P·w‖₁. Each trial
 * costs one pass over the data (f at the trial point); the accepted trial is returned so its
 * gradient (a second pass) reuses the linear predictor already computed.
 */
import { axpy } from "./dense.js";
import { type Problem, type Trial, l1Value } from "./problem.js";

export interface LineSearchResult {
  readonly trial: Trial;
  /** f at the trial (smooth part). */
  readonly value: number;
  readonly step: number;
}

const ARMIJO = 1e-4;
const SHRINK = 0.5;
const MAX_TRIALS = 40;
/** Changes of F at the level of rounding error are accepted rather than rejected forever. */
const ROUNDOFF = 16 * Number.EPSILON;

/**
 * Tries w + t·d for t = t0, t0/2, ... until F decreases by at least ARMIJO·t·slope, where `slope`
 * is F's (directional) decrease predicted per unit step (negative). Null when no step decreases F.
 * `hessian` false tells the problem that the accepted point's Hessian will not be needed.
 */
export async function backtrack(problem: Problem, w: Float64Array, fw: number, d: Float64Array, slope: number, t0 = 1, hessian = true): Promise<LineSearchResult | null> {
  const h0 = l1Value(problem.penalty, w);
  const F0 = fw + h0;
  let t = t0;
  for (let i = 0; i < MAX_TRIALS; i++) {
    const trial = problem.at(axpy(w, t, d), { hessian });
    const value = await trial.value();
    const F = value + l1Value(problem.penalty, trial.w);
    const change = F - F0;
    if (Number.isFinite(F) && (change <= ARMIJO * t * slope || Math.abs(change) <= ROUNDOFF * Math.abs(F0))) {
      return { trial, value, step: t };
    }
    trial.dispose();
    t *= SHRINK;
  }
  return null;
}
