// SPDX-License-Identifier: Apache-2.0
/** Building the linear models of the fixtures by name, and comparing coefficients norm-wise. */
import assert from "node:assert/strict";
import * as nt from "../../src/index.js";
import type { NDArray } from "../../src/array/ndarray.js";
import type { EncodedArray } from "../helpers/fixtures.js";

export interface GlmCase {
  name: string;
  estimator: "LogisticRegression" | "LinearRegression" | "Ridge" | "Lasso" | "ElasticNet" | "PoissonRegressor";
  options: Record<string, unknown>;
  X: EncodedArray;
  y: EncodedArray;
  sampleWeight?: EncodedArray;
  coef: EncodedArray;
  intercept: EncodedArray;
  classes?: EncodedArray;
  solvers: nt.linearModel.SolverName[];
  /** The reference model's answers on X: decision function and probabilities (classifiers), predictions, score. */
  predictions: { decision?: EncodedArray; proba?: EncodedArray; predict: EncodedArray; score: number };
}

export type Model =
  | nt.linearModel.LogisticRegression
  | nt.linearModel.LinearRegression
  | nt.linearModel.Ridge
  | nt.linearModel.Lasso
  | nt.linearModel.ElasticNet
  | nt.linearModel.PoissonRegressor;

export function makeModel(name: GlmCase["estimator"], options: Record<string, unknown>): Model {
  const lm = nt.linearModel;
  switch (name) {
    case "LogisticRegression":
      return new lm.LogisticRegression(options as nt.linearModel.LogisticRegressionOptions);
    case "LinearRegression":
      return new lm.LinearRegression(options as nt.linearModel.LinearRegressionOptions);
    case "Ridge":
      return new lm.Ridge(options as nt.linearModel.RidgeOptions);
    case "Lasso":
      return new lm.Lasso(options as nt.linearModel.LassoOptions);
    case "ElasticNet":
      return new lm.ElasticNet(options as nt.linearModel.ElasticNetOptions);
    case "PoissonRegressor":
      return new lm.PoissonRegressor(options as nt.linearModel.PoissonRegressorOptions);
  }
}

/** ‖actual − expected‖∞ ≤ rtol·‖expected‖∞ (a norm-wise relative error), shapes equal. */
export function assertNormwise(actual: ArrayLike<number>, expected: NDArray, rtol: number, what: string): void {
  const e = Array.from(expected.data as ArrayLike<number>);
  assert.equal(actual.length, e.length, `${what}: length`);
  const scale = Math.max(...e.map(Math.abs), 1e-300);
  let worst = 0;
  for (let i = 0; i < e.length; i++) worst = Math.max(worst, Math.abs(Number(actual[i]) - e[i]!));
  assert.ok(worst <= rtol * scale, `${what}: max error ${worst.toExponential(3)} > ${rtol} × ${scale.toExponential(3)}\n  got ${Array.from(actual).join(", ")}\n  expected ${e.join(", ")}`);
}
