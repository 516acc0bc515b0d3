// SPDX-License-Identifier: Apache-2.0
/** `nt.linalg.cholesky`: tiled right-looking Cholesky over the block grid (src/linalg/cholesky.ts). */
import { cholesky as planCholesky } from "../../linalg/cholesky.js";
import { transposeView } from "../../plan/views.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, wrap } from "../convert.js";
import { arrayOp } from "../op.js";
import { double, held, perMatrix, requireSquare, requireStacked2d, rounded } from "./args.js";

export interface CholeskyOptions {
  /** Return the upper factor U (A = Uᵀ·U, from A's upper triangle) instead of L. */
  upper?: boolean;
}

/** L (or U) of one matrix; U is the transpose of the lower factor of Aᵀ (which reads A's upper triangle). */
function factor(a: BlockArray, upper: boolean): BlockArray {
  const x = held(a);
  if (!upper) {
    const l = planCholesky(x);
    x.release();
    return wrap(l);
  }
  const xt = transposeView(x, [1, 0]);
  x.release();
  const l = planCholesky(xt);
  xt.release();
  const u = transposeView(l, [1, 0]);
  l.release();
  return wrap(u);
}

/**
 * The Cholesky factor of a symmetric positive-definite matrix (NumPy's `linalg.cholesky`): L
 * lower triangular with A = L·Lᵀ, or with `upper` U = Lᵀ. Only the lower (upper) triangle is
 * read. Tiled right-looking algorithm: potrf on each diagonal tile, trsm on the panel, gemm
 * updates on the trailing tiles, each where its tile lives.
 *
 * @example
 * const L = nt.linalg.cholesky(a);
 * @throws LinAlgError("Last 2 dimensions of the array must be square"); the result rejects with
 *   LinAlgError("Matrix is not positive definite") when a pivot is not positive. NaN propagates
 *   without an error, as in NumPy.
 */
export const cholesky = arrayOp(function cholesky(a: ArrayLike, options: CholeskyOptions = {}): BlockArray {
  const { x, dtype } = double(a, "cholesky: a");
  try {
    requireStacked2d(x);
    requireSquare(x);
    const n = x.shape[x.ndim - 1]!;
    return rounded(perMatrix(x, [[n, n]], [dtype], (m) => [n === 0 ? m.copy() : factor(m, options.upper === true)])[0]!, dtype);
  } finally {
    x.dispose();
  }
});
