// SPDX-License-Identifier: Apache-2.0
/** The `nt.linearModel` namespace: scikit-learn's linear models over distributed arrays. */
export { LogisticRegression } from "./logistic-regression.js";
export type { LogisticPenalty, LogisticRegressionOptions } from "./logistic-regression.js";
export { LinearRegression } from "./linear-regression.js";
export type { LinearRegressionOptions } from "./linear-regression.js";
export { Ridge } from "./ridge.js";
export type { RidgeOptions } from "./ridge.js";
export { Lasso } from "./lasso.js";
export type { LassoOptions } from "./lasso.js";
export { ElasticNet } from "./elastic-net.js";
export type { ElasticNetOptions } from "./elastic-net.js";
export { PoissonRegressor } from "./poisson-regressor.js";
export type { PoissonRegressorOptions } from "./poisson-regressor.js";
export type { ClassWeight } from "./labels.js";
export type { FitOptions } from "./fitted.js";
export type { SolverName } from "../solvers/index.js";
