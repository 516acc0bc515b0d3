// SPDX-License-Identifier: Apache-2.0
/**
 * Ordinary least squares, scikit-learn's `LinearRegression`: minimizes Σᵢ sᵢ(yᵢ − xᵢᵀw − b)².
 * The default solver "newton" solves the normal equations from one pass over X (the Gram matrix
 * with its intercept row and X̃ᵀy, Cholesky on one node). A rank-deficient X falls back to L-BFGS
 * with a warning: a least-squares solution, not necessarily scikit-learn's minimum-norm one.
 */
import { gaussian } from "../glm/family.js";
import { type SolverName, SOLVERS } from "../solvers/index.js";
import { checkBool, checkChoice, checkInt, checkReal } from "../params.js";
import { GlmRegressor, type PenaltyStrengths } from "./glm-regressor.js";

export interface LinearRegressionOptions {
  /** Fit an intercept (default true). */
  fitIntercept?: boolean;
  /** Default "newton" (the normal equations); any of the GLM solvers. */
  solver?: SolverName;
  /** Iterative solvers: stop when max |∇| of the objective averaged over samples ≤ tol (default 1e-4). */
  tol?: number;
  /** Iterative solvers: iteration limit (default 1000). */
  maxIter?: number;
  /** Seed of the batch order of "sgd". */
  randomState?: number | null;
}

export class LinearRegression extends GlmRegressor {
  protected readonly estimator = "LinearRegression";
  protected readonly family = gaussian;
  readonly fitIntercept: boolean;
  readonly solver: SolverName;
  readonly tol: number;
  readonly maxIter: number;
  readonly randomState: number | null;

  constructor(options: LinearRegressionOptions = {}) {
    super();
    const name = "LinearRegression";
    this.fitIntercept = checkBool(name, "fitIntercept", options.fitIntercept ?? true);
    this.solver = checkChoice(name, "solver", options.solver ?? "newton", SOLVERS);
    this.tol = checkReal(name, "tol", options.tol ?? 1e-4, { min: 0 });
    this.maxIter = checkInt(name, "maxIter", options.maxIter ?? 1000, 1);
    this.randomState = options.randomState ?? null;
  }

  protected strengths(): PenaltyStrengths {
    return { l1: 0, l2: 0, name: "None" };
  }
}
