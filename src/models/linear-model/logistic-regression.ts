// SPDX-License-Identifier: Apache-2.0
/**
 * Logistic regression, scikit-learn's `LogisticRegression`: binary (one coefficient vector, the
 * positive class is classes[1]) or, with three or more classes, multinomial (one vector per
 * class). It minimizes
 *   C·Σᵢ sᵢ·ℓᵢ + r(w),  r = ½‖w‖² ("l2"), ‖w‖₁ ("l1"), (1−ρ)/2·‖w‖² + ρ‖w‖₁ ("elasticnet"), 0 (null),
 * with ℓ the log-loss, sᵢ the sample weight times the class weight, and the intercept never
 * penalized. Internally the objective is divided by C·Σs (the same minimizer; `tol` applies to
 * the gradient of that averaged form, as in scikit-learn's lbfgs).
 *
 * Solvers: "lbfgs" (default, as scikit-learn), "newton" (Newton–Cholesky with line search: one
 * Gram pass per iteration; the best choice for tall data), "irls", "gd", "sgd", and "proximal"
 * (proximal Newton) — the last three also for "l1" and "elasticnet".
 */
import * as nt from "../../index.js";
import { NDArray } from "../../array/ndarray.js";
import type { GlmData } from "../glm/data.js";
import { binomial, sigmoid } from "../glm/family.js";
import { type SolverName, SOLVERS } from "../solvers/index.js";
import { checkBool, checkChoice, checkInt, checkReal } from "../params.js";
import { Owned, checkFeatures, checkFinite, checkNonNegative, checkRows, checkSampleWeight, checkX } from "../validation.js";
import { fitGlm } from "./fit-glm.js";
import { type FitOptions, type Fitted, checkSolverPenalty, requireFitted } from "./fitted.js";
import { type ClassWeight, checkClassWeight, classWeights, encodeLabels, sampleClassWeights } from "./labels.js";
import { accuracy } from "./scores.js";
import { convergenceWarning } from "../warnings.js";

export type LogisticPenalty = "l2" | "l1" | "elasticnet" | null;

export interface LogisticRegressionOptions {
  /** Default "l2". */
  penalty?: LogisticPenalty;
  /** Inverse regularization strength (default 1). */
  C?: number;
  /** ρ ∈ [0, 1] for "elasticnet" (required there). */
  l1Ratio?: number | null;
  fitIntercept?: boolean;
  /** Stop when max |∇| of the averaged objective ≤ tol (default 1e-4). */
  tol?: number;
  /** Default 100. */
  maxIter?: number;
  /** Default "lbfgs". */
  solver?: SolverName;
  /** "balanced" or a weight per class label. */
  classWeight?: ClassWeight | null;
  /** Seed of the batch order of "sgd". */
  randomState?: number | null;
}

interface ClassifierState extends Fitted {
  readonly classes: NDArray;
}

const NAME = "LogisticRegression";

export class LogisticRegression {
  readonly penalty: LogisticPenalty;
  readonly C: number;
  readonly l1Ratio: number | null;
  readonly fitIntercept: boolean;
  readonly tol: number;
  readonly maxIter: number;
  readonly solver: SolverName;
  readonly classWeight: ClassWeight | null;
  readonly randomState: number | null;
  private state: ClassifierState | null = null;

  constructor(options: LogisticRegressionOptions = {}) {
    this.penalty = checkChoice(NAME, "penalty", options.penalty === undefined ? "l2" : options.penalty, ["l1", "l2", "elasticnet", null] as const);
    this.C = checkReal(NAME, "C", options.C ?? 1, { min: 0, minOpen: true });
    this.l1Ratio = options.l1Ratio === undefined || options.l1Ratio === null ? null : checkReal(NAME, "l1Ratio", options.l1Ratio, { min: 0, max: 1 });
    this.fitIntercept = checkBool(NAME, "fitIntercept", options.fitIntercept ?? true);
    this.tol = checkReal(NAME, "tol", options.tol ?? 1e-4, { min: 0 });
    this.maxIter = checkInt(NAME, "maxIter", options.maxIter ?? 100, 0);
    this.solver = checkChoice(NAME, "solver", options.solver ?? "lbfgs", SOLVERS);
    this.classWeight = checkClassWeight(options.classWeight ?? null);
    this.randomState = options.randomState ?? null;
    if (this.penalty === "elasticnet" && this.l1Ratio === null) throw new RangeError("l1Ratio must be specified when penalty is elasticnet.");
  }

  /**
   * Fits the model; resolves to the model itself. Shapes and options are checked at once (this
   * throws); values (NaN, infinity, negative weights, continuous or single-class labels) reject
   * the promise.
   */
  fit(X: nt.ArrayLike, y: nt.ArrayLike, options: FitOptions = {}): Promise<this> {
    const rho = this.penalty === "l1" ? 1 : this.penalty === "elasticnet" ? this.l1Ratio! : 0;
    checkSolverPenalty(this.solver, String(this.penalty), rho > 0);
    const owned = new Owned();
    try {
      const x = checkX(X, NAME, owned);
      const labels = checkRows(y, x, "y", owned);
      const sampleWeight = checkSampleWeight(options.sampleWeight, x, owned);
      if (this.l1Ratio !== null && this.penalty !== "elasticnet") {
        process.emitWarning(`l1Ratio parameter is only used when penalty is 'elasticnet'. Got (penalty=${this.penalty})`, { type: "UserWarning" });
      }
      return this.fitChecked(x, labels, sampleWeight, rho, owned).finally(() => owned[Symbol.dispose]());
    } catch (e) {
      owned[Symbol.dispose]();
      throw e;
    }
  }

  private async fitChecked(x: nt.BlockArray, labels: nt.BlockArray, sampleWeight: nt.BlockArray | null, rho: number, owned: Owned): Promise<this> {
    await Promise.all([
      checkFinite(x, "X", NAME),
      checkFinite(labels, "y", NAME),
      sampleWeight ? checkFinite(sampleWeight, "sampleWeight", NAME).then(() => checkNonNegative(sampleWeight, "sampleWeight")) : null,
    ]);
    const encoded = await encodeLabels(labels);
    owned.keep(encoded.target);
    const n = x.shape[0]!;
    const perClass = await classWeights(this.classWeight, encoded, n);
    let weights = sampleWeight;
    if (perClass) {
      const cw = owned.keep(sampleClassWeights(perClass, encoded));
      weights = sampleWeight ? owned.keep(sampleWeight.multiply(cw)) : cw;
    }
    const weightSum = weights ? Number(await nt.sum(weights).item()) : n;
    if (!(weightSum > 0)) throw new RangeError("Sample weights must contain at least one positive value.");
    const K = encoded.classes.size;
    const strength = this.penalty === null ? 0 : 1 / (this.C * weightSum);
    const data: GlmData = { X: x, y: encoded.target, weights, weightSum, fitIntercept: this.fitIntercept };
    const { w, layout, nIter } = await fitGlm(data, {
      estimator: NAME,
      family: K === 2 ? binomial : "multinomial",
      classes: K === 2 ? 1 : K,
      l1: strength * rho,
      l2: strength * (1 - rho),
      solver: this.solver,
      tol: this.tol,
      maxIter: this.maxIter,
      randomState: this.randomState ?? undefined,
    });
    const rows = layout.classes;
    const d = layout.features;
    const coef = new Float64Array(rows * d);
    const intercept = new Float64Array(rows);
    for (let k = 0; k < rows; k++) {
      coef.set(layout.coef(w, k), k * d);
      intercept[k] = layout.intercept(w, k);
    }
    this.state = {
      coef: new NDArray(coef, [rows, d], "float64"),
      intercept: new NDArray(intercept, [rows], "float64"),
      nIter,
      features: d,
      classes: encoded.classes,
    };
    if (this.penalty === null && (await separates(this.decisionFunction(x), encoded.target, weights))) {
      convergenceWarning(
        "LogisticRegression: the classes are perfectly separable, so without a penalty the log-likelihood has no maximum: the " +
          "coefficients grow without bound and the fit stopped where the solver did. Use penalty 'l2' for a finite solution.",
      );
    }
    return this;
  }

  /** Coefficients: (1, d) for two classes, (K, d) for K ≥ 3. */
  get coef(): NDArray {
    return requireFitted(this.state, NAME).coef;
  }

  /** Intercepts: (1,) or (K,) (zeros when `fitIntercept` is false). */
  get intercept(): NDArray {
    return requireFitted(this.state, NAME).intercept as NDArray;
  }

  /** The class labels, sorted (the column order of predictProba). */
  get classes(): NDArray {
    return requireFitted(this.state, NAME).classes;
  }

  /** Iterations the solver ran. */
  get nIter(): number {
    return requireFitted(this.state, NAME).nIter;
  }

  /** Confidence scores: the linear predictor, (n) for two classes, (n, K) otherwise. */
  decisionFunction(X: nt.ArrayLike): nt.BlockArray {
    const state = requireFitted(this.state, NAME);
    using owned = new Owned();
    const x = checkX(X, NAME, owned);
    checkFeatures(x, state.features, NAME);
    const rows = state.coef.shape[0]!;
    using coefT = nt.array(state.coef).transpose();
    const intercept = state.intercept as NDArray;
    using b = nt.array(intercept);
    using eta = x.matmul(rows === 1 ? coefT.reshape([state.features]) : coefT);
    return rows === 1 ? eta.add(intercept.valueAt(0) as number) : eta.add(b);
  }

  /** Class probabilities (n, K), columns in `classes` order. */
  predictProba(X: nt.ArrayLike): nt.BlockArray {
    using eta = this.decisionFunction(X);
    if (eta.ndim === 1) {
      using p = sigmoid(eta);
      return nt.stack([nt.subtract(1, p), p], { axis: 1 });
    }
    using m = nt.max(eta, { axis: 1, keepdims: true });
    using e = nt.exp(eta.subtract(m));
    return e.divide(nt.sum(e, { axis: 1, keepdims: true }));
  }

  /** Log of predictProba. */
  predictLogProba(X: nt.ArrayLike): nt.BlockArray {
    using p = this.predictProba(X);
    return nt.log(p);
  }

  /** The most probable class of each sample (ties go to the first class). */
  predict(X: nt.ArrayLike): nt.BlockArray {
    const classes = this.classes;
    using eta = this.decisionFunction(X);
    if (eta.ndim === 1) {
      using positive = nt.greater(eta, 0);
      return classes.dtype === "bool" ? positive.copy() : nt.where(positive, classes.valueAt(1) as number, classes.valueAt(0) as number).astype(classes.dtype);
    }
    using index = nt.argmax(eta, { axis: 1 });
    return labelsAt(index, classes);
  }

  /** Mean accuracy on (X, y), weighted by `sampleWeight`. */
  async score(X: nt.ArrayLike, y: nt.ArrayLike, options: FitOptions = {}): Promise<number> {
    using owned = new Owned();
    const x = checkX(X, NAME, owned);
    const labels = checkRows(y, x, "y", owned);
    const weights = checkSampleWeight(options.sampleWeight, x, owned);
    using pred = this.predict(x);
    return await accuracy(labels, pred, weights);
  }
}

/**
 * Whether every sample of positive weight lies strictly on its class's side: then scaling w up
 * lowers the loss forever (the unpenalized problem has no minimizer). One pass over η.
 */
async function separates(eta: nt.BlockArray, target: nt.BlockArray, weights: nt.BlockArray | null): Promise<boolean> {
  using scores = eta;
  let margin: nt.BlockArray;
  if (scores.ndim === 1) {
    margin = target.multiply(2).subtract(1).multiply(scores);
  } else {
    // η of the true class minus the largest other η.
    using own = nt.sum(target.multiply(scores), { axis: 1 });
    using others = nt.max(nt.where(nt.greater(target, 0), -Infinity, scores), { axis: 1 });
    margin = own.subtract(others);
  }
  using m = margin;
  using counted = weights ? nt.where(nt.greater(weights, 0), m, Infinity) : m;
  return Number(await nt.min(counted).item()) > 0;
}

/** classes[index] elementwise: the index's one-hot rows times the labels. */
function labelsAt(index: nt.BlockArray, classes: NDArray): nt.BlockArray {
  const K = classes.size;
  using ks = nt.arange(K).reshape([1, K]);
  using col = index.reshape([index.shape[0]!, 1]);
  using onehot = nt.equal(col, ks).astype("float64");
  using values = nt.array(classes).astype("float64");
  using picked = onehot.matmul(values);
  return picked.astype(classes.dtype);
}
