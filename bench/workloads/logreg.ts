// SPDX-License-Identifier: Apache-2.0
/**
 * Logistic regression by Newton's method (peer_bench.py's `logreg`: 10 plain Newton steps on
 * X 1e6×100 from β = 0, no penalty, no intercept), written as a user would: the library's
 * LogisticRegression with solver "newton". Per step one fused pass over X (per row block and
 * 256-row panel: η, the loss, the weighted syrk for the Hessian and the gradient; the glmGram
 * kernel); the 100×100 solve on one node.
 * `check` = Σ|coef|.
 */
import * as nt from "../../src/index.js";
import { normalish } from "../inputs.js";
import type { Workload } from "../workload.js";

export const logreg: Workload = {
  name: "logreg",
  defaults: { rows: 1_000_000, cols: 100, iters: 10, block_rows: 125_000 },
  async setup(p) {
    const X = normalish([p.rows!, p.cols!], 1, [p.block_rows!, p.cols!]);
    const w = normalish([p.cols!], 2);
    const noise = normalish([p.rows!], 3, [p.block_rows!]);
    const y = X.matmul(w).add(noise).greater(0).astype("float64");
    await Promise.all([X.wait(), y.wait()]);
    // tol 0 runs exactly `iters` steps, like the reference loop; its ConvergenceWarning is expected.
    process.on("warning", () => undefined);
    return async () => {
      const model = new nt.linearModel.LogisticRegression({ solver: "newton", maxIter: p.iters!, tol: 0, penalty: null, fitIntercept: false });
      await model.fit(X, y);
      return (model.coef.data as Float64Array).reduce((s, v) => s + Math.abs(v), 0);
    };
  },
};
