// SPDX-License-Identifier: Apache-2.0
/**
 * Least squares from its sufficient statistics: one `gramAndProduct` pass gives G = X̃ᵀWX̃ and
 * c = X̃ᵀWy (d'×d' and d'), one reduction gives Σwy², and then every solver runs on the driver:
 *   f(w) = (wᵀGw − 2cᵀw + Σwy²)/(2S) + (λ₂/2)‖P·w‖²,  ∇f = (Gw − c)/S + λ₂Pw,  ∇²f = G/S + λ₂P.
 * This is scikit-learn's precomputed-Gram path for Lasso/ElasticNet, and the normal equations of
 * LinearRegression and Ridge. (The value's cancellation error, ~ε·Σwy²/S, limits how finely a line
 * search can resolve w to ~√ε relative; the gradient, which solvers converge on, is exact.)
 */
import * as nt from "../../index.js";
import { dot, matVec } from "../solvers/dense.js";
import type { Penalty, Problem, Trial } from "../solvers/problem.js";
import { type GlmData, Layout, addL2, fetch, l2Value } from "./data.js";

export class QuadraticProblem implements Problem {
  readonly layout: Layout;

  private constructor(
    readonly penalty: Penalty,
    layout: Layout,
    private readonly gram: Float64Array,
    private readonly xty: Float64Array,
    private readonly yty: number,
    private readonly weightSum: number,
  ) {
    this.layout = layout;
  }

  /** Computes the sufficient statistics (one pass over X). */
  static async of(data: GlmData, penalty: Penalty): Promise<QuadraticProblem> {
    const { X, y, weights, fitIntercept } = data;
    using weighted = weights ? y.multiply(weights) : null; // y itself may be the caller's
    const wy = weighted ?? y;
    const [G, c] = nt.linalg.gramAndProduct(X, wy, { weights, appendOnes: fitIntercept });
    using wyy = wy.multiply(y);
    const [gram, xty, yty] = await Promise.all([fetch(G), fetch(c), fetch(nt.sum(wyy))]);
    return new QuadraticProblem(penalty, new Layout(X.shape[1]!, 1, fitIntercept), gram, xty, yty[0]!, data.weightSum);
  }

  get size(): number {
    return this.layout.size;
  }

  at(w: Float64Array): Trial {
    const gw = matVec(this.gram, w);
    const S = this.weightSum;
    const value = (dot(w, gw) - 2 * dot(this.xty, w) + this.yty) / (2 * S) + l2Value(this.penalty, w);
    const gradient = () => {
      const g = gw.map((v, i) => (v - this.xty[i]!) / S);
      addL2(this.penalty, w, g);
      return g;
    };
    const hessian = () => {
      const h = this.gram.map((v) => v / S);
      addL2(this.penalty, w, new Float64Array(w.length), h);
      return h;
    };
    return {
      w,
      value: () => Promise.resolve(value),
      gradient: () => Promise.resolve(gradient()),
      gradientHessian: () => Promise.resolve({ gradient: gradient(), hessian: hessian() }),
      dispose: () => undefined,
    };
  }
}
