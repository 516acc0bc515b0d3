// SPDX-License-Identifier: Apache-2.0
/**
 * Poisson regression with a log link, scikit-learn's `PoissonRegressor`: minimizes
 *   1/(2·Σs)·Σᵢ sᵢ·dev(yᵢ, μᵢ) + α/2·‖w‖²,  μ = exp(X·w + b),  dev = 2(y·log(y/μ) − y + μ),
 * i.e. the mean Poisson half deviance plus an L2 penalty. Targets must be non-negative counts or
 * rates; `predict` returns μ and `score` D² (the fraction of deviance explained).
 */
import * as nt from "../../index.js";
import { poisson } from "../glm/family.js";
import { type SolverName, SOLVERS } from "../solvers/index.js";
import { checkBool, checkChoice, checkInt, checkReal } from "../params.js";
import { GlmRegressor, type PenaltyStrengths } from "./glm-regressor.js";

export interface PoissonRegressorOptions {
  /** L2 penalty strength α ≥ 0 (default 1). */
  alpha?: number;
  fitIntercept?: boolean;
  /** Default "lbfgs" (as scikit-learn); "newton" reads X twice per iteration and needs fewer. */
  solver?: SolverName;
  /** Stop when max |∇| of the objective ≤ tol (default 1e-4). */
  tol?: number;
  /** Default 100. */
  maxIter?: number;
  randomState?: number | null;
}

export class PoissonRegressor extends GlmRegressor {
  protected readonly estimator = "PoissonRegressor";
  protected readonly family = poisson;
  readonly alpha: number;
  readonly fitIntercept: boolean;
  readonly solver: SolverName;
  readonly tol: number;
  readonly maxIter: number;
  readonly randomState: number | null;

  constructor(options: PoissonRegressorOptions = {}) {
    super();
    const name = "PoissonRegressor";
    this.alpha = checkReal(name, "alpha", options.alpha ?? 1, { min: 0 });
    this.fitIntercept = checkBool(name, "fitIntercept", options.fitIntercept ?? true);
    this.solver = checkChoice(name, "solver", options.solver ?? "lbfgs", SOLVERS);
    this.tol = checkReal(name, "tol", options.tol ?? 1e-4, { min: 0 });
    this.maxIter = checkInt(name, "maxIter", options.maxIter ?? 100, 1);
    this.randomState = options.randomState ?? null;
  }

  protected strengths(): PenaltyStrengths {
    return { l1: 0, l2: this.alpha, name: "l2" };
  }

  protected override async checkTarget(y: nt.BlockArray): Promise<void> {
    if (Number(await nt.min(y).item()) < 0) throw new RangeError("Some value(s) of y are out of the valid range of the loss 'HalfPoissonLoss'.");
  }
}
