// SPDX-License-Identifier: Apache-2.0
/** `nt.linalg.matrixPower`: repeated squaring with distributed matmuls, in NumPy's order. */
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "../convert.js";
import { eye } from "../creation.js";
import { broadcastTo } from "../dims.js";
import { matmul } from "../matmul.js";
import { arrayOp } from "../op.js";
import { requireSquare, requireStacked2d } from "./args.js";
import { inv } from "./solve.js";

/**
 * A square matrix raised to the integer power n (NumPy's `linalg.matrix_power`): the identity for
 * n = 0 (in a's dtype), the inverse's power for n < 0, and otherwise NumPy's products: a·a,
 * (a·a)·a, then the binary decomposition of n (squares multiplied into the result in NumPy's
 * order, so values round as NumPy's).
 * Stacks raise each matrix.
 *
 * @example
 * const a8 = nt.linalg.matrixPower(a, 8); // three squarings
 * @throws TypeError("exponent must be an integer"); LinAlgError for non-square input; the result
 *   of a negative power rejects with LinAlgError("Singular matrix") for a singular matrix
 */
export const matrixPower = arrayOp(function matrixPower(a: ArrayLike, n: number): BlockArray {
  if (typeof n !== "number" || !Number.isInteger(n)) throw new TypeError("exponent must be an integer");
  const data = toData(a, "matrixPower: a");
  let x: BlockArray = wrap(isTemporary(a) ? data : data.retain());
  try {
    requireStacked2d(x);
    requireSquare(x);
    const size = x.shape[x.ndim - 1]!;
    if (n === 0) {
      const identity = eye(size, { dtype: x.dtype });
      const out = broadcastTo(identity, x.shape).copy();
      identity.dispose();
      return out;
    }
    if (n < 0) {
      const inverse = inv(x);
      x.dispose();
      x = inverse;
      n = -n;
    }
    if (n === 1) return x.copy();
    if (n === 2) return matmul(x, x);
    if (n === 3) {
      const square = matmul(x, x);
      const cube = matmul(square, x);
      square.dispose();
      return cube;
    }
    // NumPy's loop: z runs through a, a², a⁴, …; result collects the powers of n's set bits.
    let z: BlockArray | null = null;
    let result: BlockArray | null = null;
    while (n > 0) {
      const next: BlockArray = z === null ? x.copy() : matmul(z, z);
      z?.dispose();
      z = next;
      const bit = n % 2;
      n = Math.floor(n / 2);
      if (bit) {
        const r: BlockArray = result === null ? z.copy() : matmul(result, z);
        result?.dispose();
        result = r;
      }
    }
    z?.dispose();
    return result!;
  } finally {
    x.dispose();
  }
});
