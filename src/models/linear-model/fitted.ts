// SPDX-License-Identifier: Apache-2.0
/** What every fitted linear model holds, and the accessors that refuse before `fit`. */
import type { NDArray } from "../../array/ndarray.js";
import { NotFittedError } from "../../errors.js";
import { type SolverName, SMOOTH_ONLY } from "../solvers/index.js";

export interface FitOptions {
  /** Per-sample weights (length n, non-negative), or one number for all. Default: all ones. */
  sampleWeight?: import("../../index.js").ArrayLike | number | null;
}

export interface Fitted {
  readonly coef: NDArray;
  readonly intercept: NDArray | number;
  readonly nIter: number;
  readonly features: number;
}

/** The fitted state, or scikit-learn's NotFittedError. */
export function requireFitted<T>(state: T | null, estimator: string): T {
  if (state === null) {
    throw new NotFittedError(`This ${estimator} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.`);
  }
  return state;
}

/** Smooth-only solvers refuse an L1 term, with scikit-learn's message. */
export function checkSolverPenalty(solver: SolverName, penaltyName: string, hasL1: boolean): void {
  if (hasL1 && SMOOTH_ONLY.has(solver)) throw new RangeError(`Solver ${solver} supports only 'l2' or None penalties, got ${penaltyName} penalty.`);
}
