// SPDX-License-Identifier: Apache-2.0
/**
 * The regressors' shared `fit`/`predict`/`score`: LinearRegression, Ridge, Lasso, ElasticNet and
 * PoissonRegressor differ only in their family, their penalty and their default solver. Fitted
 * attributes follow scikit-learn without the trailing underscore: `coef` (d), `intercept`,
 * `nIter`.
 */
import * as nt from "../../index.js";
import { NDArray } from "../../array/ndarray.js";
import type { GlmData } from "../glm/data.js";
import type { Family } from "../glm/family.js";
import type { SolverName } from "../solvers/index.js";
import { Owned, checkFeatures, checkFinite, checkNonNegative, checkRows, checkSampleWeight, checkX } from "../validation.js";
import { fitGlm } from "./fit-glm.js";
import { type FitOptions, type Fitted, checkSolverPenalty, requireFitted } from "./fitted.js";
import { d2PoissonScore, r2Score } from "./scores.js";

/** Penalty strengths of the averaged objective, given S = Σ sample weights. */
export interface PenaltyStrengths {
  readonly l1: number;
  readonly l2: number;
  /** The penalty's scikit-learn name, for messages. */
  readonly name: string;
}

export abstract class GlmRegressor {
  protected state: Fitted | null = null;
  protected abstract readonly estimator: string;
  protected abstract readonly family: Family;
  abstract readonly fitIntercept: boolean;
  abstract readonly solver: SolverName;
  abstract readonly tol: number;
  abstract readonly maxIter: number;
  abstract readonly randomState: number | null;

  protected abstract strengths(weightSum: number): PenaltyStrengths;

  /** Rejects targets outside the family's range (Poisson: y ≥ 0). */
  protected checkTarget(_y: nt.BlockArray): Promise<void> {
    return Promise.resolve();
  }

  /**
   * Fits the model; resolves to the model itself. Shapes and options are checked at once (this
   * throws); values (NaN, infinity, negative weights or targets) reject the promise.
   */
  fit(X: nt.ArrayLike, y: nt.ArrayLike, options: FitOptions = {}): Promise<this> {
    const owned = new Owned();
    try {
      const x = checkX(X, this.estimator, owned);
      const target = checkRows(y, x, "y", owned, "float64");
      const weights = checkSampleWeight(options.sampleWeight, x, owned);
      const { name, l1 } = this.strengths(1);
      checkSolverPenalty(this.solver, name, l1 > 0);
      return this.fitChecked(x, target, weights).finally(() => owned[Symbol.dispose]());
    } catch (e) {
      owned[Symbol.dispose]();
      throw e;
    }
  }

  private async fitChecked(x: nt.BlockArray, target: nt.BlockArray, weights: nt.BlockArray | null): Promise<this> {
    await Promise.all([
      checkFinite(x, "X", this.estimator),
      checkFinite(target, "y", this.estimator),
      weights ? checkFinite(weights, "sampleWeight", this.estimator).then(() => checkNonNegative(weights, "sampleWeight")) : null,
      this.checkTarget(target),
    ]);
    const weightSum = weights ? Number(await nt.sum(weights).item()) : x.shape[0]!;
    if (!(weightSum > 0)) throw new RangeError("Sample weights must contain at least one positive value.");
    const strengths = this.strengths(weightSum);
    const data: GlmData = { X: x, y: target, weights, weightSum, fitIntercept: this.fitIntercept };
    const { w, layout, nIter } = await fitGlm(data, {
      estimator: this.estimator,
      family: this.family,
      classes: 1,
      l1: strengths.l1,
      l2: strengths.l2,
      solver: this.solver,
      tol: this.tol,
      maxIter: this.maxIter,
      randomState: this.randomState ?? undefined,
    });
    const d = layout.features;
    this.state = { coef: new NDArray(Float64Array.from(layout.coef(w)), [d], "float64"), intercept: layout.intercept(w), nIter, features: d };
    return this;
  }

  /** Estimated coefficients (length d). */
  get coef(): NDArray {
    return requireFitted(this.state, this.estimator).coef;
  }

  /** The intercept (0 when `fitIntercept` is false). */
  get intercept(): number {
    return requireFitted(this.state, this.estimator).intercept as number;
  }

  /** Iterations the solver ran. */
  get nIter(): number {
    return requireFitted(this.state, this.estimator).nIter;
  }

  /** The linear predictor X·coef + intercept. */
  protected linear(X: nt.ArrayLike): nt.BlockArray {
    const state = requireFitted(this.state, this.estimator);
    using owned = new Owned();
    const x = checkX(X, this.estimator, owned);
    checkFeatures(x, state.features, this.estimator);
    using coef = nt.array(state.coef);
    using eta = x.matmul(coef);
    return eta.add(state.intercept as number);
  }

  /** Predictions E[y | X] (n). */
  predict(X: nt.ArrayLike): nt.BlockArray {
    const eta = this.linear(X);
    const mu = this.family.mean(eta);
    if (mu !== eta) eta.dispose();
    return mu;
  }

  /** R² (least squares) or D² (Poisson) of the predictions on (X, y). */
  async score(X: nt.ArrayLike, y: nt.ArrayLike, options: FitOptions = {}): Promise<number> {
    using owned = new Owned();
    const x = checkX(X, this.estimator, owned);
    const target = checkRows(y, x, "y", owned, "float64");
    const weights = checkSampleWeight(options.sampleWeight, x, owned);
    using pred = this.predict(x);
    return await (this.family.name === "poisson" ? d2PoissonScore(target, pred, weights) : r2Score(target, pred, weights));
  }
}
