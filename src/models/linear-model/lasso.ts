// SPDX-License-Identifier: Apache-2.0
/**
 * Least squares with an L1 penalty, scikit-learn's `Lasso`: minimizes
 * 1/(2·Σs)·Σᵢ sᵢ(yᵢ − xᵢᵀw − b)² + α‖w‖₁ — an ElasticNet with l1Ratio = 1.
 */
import type { SolverName } from "../solvers/index.js";
import { ElasticNet } from "./elastic-net.js";

export interface LassoOptions {
  /** Penalty strength α ≥ 0 (default 1). */
  alpha?: number;
  fitIntercept?: boolean;
  /** Default "proximal" (coordinate descent on the Gram matrix). */
  solver?: SolverName;
  tol?: number;
  /** Default 1000. */
  maxIter?: number;
  randomState?: number | null;
}

export class Lasso extends ElasticNet {
  constructor(options: LassoOptions = {}) {
    super({ ...options, l1Ratio: 1 }, "Lasso");
  }
}
