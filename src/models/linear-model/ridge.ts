// SPDX-License-Identifier: Apache-2.0
/**
 * Least squares with an L2 penalty, scikit-learn's `Ridge`: minimizes
 * Σᵢ sᵢ(yᵢ − xᵢᵀw − b)² + α‖w‖² (the intercept is not penalized). "auto" and "cholesky" (the
 * default) solve the normal equations (X̃ᵀSX̃ + αP)·w = X̃ᵀSy from one pass over X.
 */
import { gaussian } from "../glm/family.js";
import { type SolverName, SOLVERS } from "../solvers/index.js";
import { checkBool, checkChoice, checkInt, checkReal } from "../params.js";
import { GlmRegressor, type PenaltyStrengths } from "./glm-regressor.js";

export interface RidgeOptions {
  /** Penalty strength α ≥ 0 (default 1). */
  alpha?: number;
  fitIntercept?: boolean;
  /** "auto" / "cholesky" (= "newton", the default) or any GLM solver. */
  solver?: SolverName | "auto" | "cholesky";
  /** Iterative solvers: stop when max |∇| of the objective averaged over samples ≤ tol (default 1e-4). */
  tol?: number;
  /** Iterative solvers: iteration limit (default 1000). */
  maxIter?: number | null;
  randomState?: number | null;
}

export class Ridge extends GlmRegressor {
  protected readonly estimator = "Ridge";
  protected readonly family = gaussian;
  readonly alpha: number;
  readonly fitIntercept: boolean;
  readonly solver: SolverName;
  readonly tol: number;
  readonly maxIter: number;
  readonly randomState: number | null;

  constructor(options: RidgeOptions = {}) {
    super();
    const name = "Ridge";
    this.alpha = checkReal(name, "alpha", options.alpha ?? 1, { min: 0 });
    this.fitIntercept = checkBool(name, "fitIntercept", options.fitIntercept ?? true);
    const solver = checkChoice(name, "solver", options.solver ?? "auto", [...SOLVERS, "auto", "cholesky"] as const);
    this.solver = solver === "auto" || solver === "cholesky" ? "newton" : solver;
    this.tol = checkReal(name, "tol", options.tol ?? 1e-4, { min: 0 });
    this.maxIter = checkInt(name, "maxIter", options.maxIter ?? 1000, 1);
    this.randomState = options.randomState ?? null;
  }

  protected strengths(weightSum: number): PenaltyStrengths {
    return { l1: 0, l2: this.alpha / weightSum, name: "l2" };
  }
}
