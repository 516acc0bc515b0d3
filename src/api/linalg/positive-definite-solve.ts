// SPDX-License-Identifier: Apache-2.0
/**
 * Internal (not in `nt.linalg`): the solve of a small symmetric positive-definite system on one
 * node, for the models' Newton steps until the distributed `nt.linalg.solve` lands.
 */
import { ShapeError } from "../../errors.js";
import { positiveDefiniteSolve as plan } from "../../linalg/positive-definite-solve.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "../convert.js";

/**
 * x with A·x = b, A (n×n) symmetric positive definite (only its lower triangle is read), b (n).
 * The result rejects with LinAlgError("Matrix is not positive definite") otherwise.
 */
export function positiveDefiniteSolve(a: ArrayLike, b: ArrayLike): BlockArray {
  const ad = toData(a, "positiveDefiniteSolve: a");
  const bd = toData(b, "positiveDefiniteSolve: b");
  try {
    const n = ad.shape[0]!;
    if (ad.ndim !== 2 || ad.shape[1] !== n || bd.ndim !== 1 || bd.shape[0] !== n) {
      throw new ShapeError(`positiveDefiniteSolve: expected a square a and a matching b, got (${ad.shape.join(",")}) and (${bd.shape.join(",")})`);
    }
    return wrap(plan(ad, bd));
  } finally {
    if (isTemporary(a)) ad.release();
    if (isTemporary(b)) bd.release();
  }
}
