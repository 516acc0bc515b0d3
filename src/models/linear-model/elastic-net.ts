// SPDX-License-Identifier: Apache-2.0
/**
 * Least squares with a combined L1 and L2 penalty, scikit-learn's `ElasticNet`: minimizes
 *   1/(2·Σs)·Σᵢ sᵢ(yᵢ − xᵢᵀw − b)² + α·ρ·‖w‖₁ + α·(1 − ρ)/2·‖w‖²   (ρ = l1Ratio).
 * The default solver "proximal" computes the Gram matrix and X̃ᵀSy in one pass over X and runs
 * coordinate descent on them locally — scikit-learn's coordinate descent with a precomputed Gram
 * matrix. "gd" (FISTA) and "sgd" (proximal SVRG) also handle the L1 term.
 */
import { gaussian } from "../glm/family.js";
import { type SolverName, SOLVERS } from "../solvers/index.js";
import { checkBool, checkChoice, checkInt, checkReal } from "../params.js";
import { GlmRegressor, type PenaltyStrengths } from "./glm-regressor.js";

export interface ElasticNetOptions {
  /** Penalty strength α ≥ 0 (default 1). */
  alpha?: number;
  /** ρ ∈ [0, 1]: the L1 share of the penalty (default 0.5). */
  l1Ratio?: number;
  fitIntercept?: boolean;
  /** Default "proximal". */
  solver?: SolverName;
  /** Stop when the objective's optimality residual (averaged over samples) ≤ tol (default 1e-4). */
  tol?: number;
  /** Default 1000. */
  maxIter?: number;
  randomState?: number | null;
}

export class ElasticNet extends GlmRegressor {
  protected readonly estimator: string = "ElasticNet";
  protected readonly family = gaussian;
  readonly alpha: number;
  readonly l1Ratio: number;
  readonly fitIntercept: boolean;
  readonly solver: SolverName;
  readonly tol: number;
  readonly maxIter: number;
  readonly randomState: number | null;

  constructor(options: ElasticNetOptions = {}, name = "ElasticNet") {
    super();
    this.estimator = name;
    this.alpha = checkReal(name, "alpha", options.alpha ?? 1, { min: 0 });
    this.l1Ratio = checkReal(name, "l1Ratio", options.l1Ratio ?? 0.5, { min: 0, max: 1 });
    this.fitIntercept = checkBool(name, "fitIntercept", options.fitIntercept ?? true);
    this.solver = checkChoice(name, "solver", options.solver ?? "proximal", SOLVERS);
    this.tol = checkReal(name, "tol", options.tol ?? 1e-4, { min: 0 });
    this.maxIter = checkInt(name, "maxIter", options.maxIter ?? 1000, 1);
    this.randomState = options.randomState ?? null;
  }

  protected strengths(): PenaltyStrengths {
    const l1 = this.alpha * this.l1Ratio;
    return { l1, l2: this.alpha * (1 - this.l1Ratio), name: l1 > 0 ? (this.l1Ratio === 1 ? "l1" : "elasticnet") : "l2" };
  }
}
