// SPDX-License-Identifier: Apache-2.0
/**
 * Internal (not in `nt.linalg`): one pass of a canonical-link GLM's Newton step over the row
 * blocks of X — the Hessian's data term, the gradient's and the loss at β, reading X once
 * (linalg/gram.ts `glmPass`). The models' Newton-type solvers call it at every trial point.
 */
import { ShapeError } from "../../errors.js";
import type { GlmGramAttrs } from "../../kernels/manifest.js";
import { glmPass as plan } from "../../linalg/gram.js";
import type { ArrayData } from "../../plan/array-data.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "../convert.js";

export interface GlmPassOptions {
  readonly family: GlmGramAttrs["family"];
  /** Sample weights ω (n), or null for ones. */
  readonly weights: BlockArray | null;
  /** Read X as [X, 1]: β's last entry is the intercept. */
  readonly appendOnes: boolean;
}

/**
 * [X̃ᵀ·diag(ω·v(η))·X̃ (d'×d'), X̃ᵀ·(ω·(μ − y)) (d'), Σω·ℓ(y, η) (shape (1))] at η = X̃·β, for X
 * (n×d, float64, row blocks spanning all columns), y (n) and β (d').
 */
export function glmPass(X: BlockArray, y: BlockArray, beta: ArrayLike, options: GlmPassOptions): [BlockArray, BlockArray, BlockArray] {
  const operands: [ArrayLike, string][] = [[X, "X"], [y, "y"], [beta, "beta"]];
  if (options.weights) operands.push([options.weights, "weights"]);
  const datas: ArrayData[] = [];
  try {
    for (const [a, what] of operands) datas.push(toData(a, `glmPass: ${what}`));
    const [x, yd, b, w] = datas as [ArrayData, ArrayData, ArrayData, ArrayData | undefined];
    const [n, d] = x.shape as [number, number];
    const order = d + (options.appendOnes ? 1 : 0);
    if (x.ndim !== 2 || yd.ndim !== 1 || yd.shape[0] !== n || b.ndim !== 1 || b.shape[0] !== order || (w && (w.ndim !== 1 || w.shape[0] !== n))) {
      throw new ShapeError(`glmPass: expected X (n, d), y and weights (n,), beta (${order},); got ${datas.map((a) => `(${a.shape.join(",")})`).join(" ")}`);
    }
    const [c, p, l] = plan(x, { y: yd, weights: w ?? null, beta: b, family: options.family, appendOnes: options.appendOnes }).map(wrap);
    return [c!, p!, l!];
  } finally {
    datas.forEach((d, i) => isTemporary(operands[i]![0]) && d.release());
  }
}
