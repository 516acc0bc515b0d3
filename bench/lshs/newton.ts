// SPDX-License-Identifier: Apache-2.0
/**
 * One Newton step of logistic regression on a row-blocked X (NumS §5.4), through the public API:
 * μ = sigmoid(Xβ), then H = Xᵀ·diag(μ(1 − μ))·X and g = Xᵀ(μ − y) in one `nt.linalg.gramAndProduct`
 * pass (one `gram` op per row block where it lives, partials tree-merged), and β − H⁻¹g by
 * `nt.linalg.solve` on the d×d block's node. Only β, and d- and d×d-sized partial results, cross
 * the network.
 */
import type { BlockArray } from "../../src/api/block-array.js";
import * as nt from "../../src/index.js";

/** β after one Newton step of unpenalized logistic regression (X n×d row-blocked, y in {0, 1}). */
export function newtonStep(x: BlockArray, y: BlockArray, beta: BlockArray): BlockArray {
  // Each array that gets blocks is disposed as soon as its consumers are planned, so memory is
  // freed at a deterministic point (not whenever the garbage collector finds a temporary) and
  // at most two n-long vectors are live at once besides X and y.
  using z = nt.matmul(x, beta);
  using mu = nt.reciprocal(nt.add(1, nt.exp(nt.negative(z))));
  using s = nt.multiply(mu, nt.subtract(1, mu));
  using residual = nt.subtract(mu, y);
  const [h, g] = nt.linalg.gramAndProduct(x, residual, { weights: s });
  using step = nt.linalg.solve(h, g, { assumeA: "pos" });
  h.dispose();
  g.dispose();
  return nt.subtract(beta, step);
}
