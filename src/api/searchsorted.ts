// SPDX-License-Identifier: Apache-2.0
/** `searchsorted`: where values would be inserted into a sorted 1-D array to keep it sorted. */
import type { Dtype } from "../array/dtype.js";
import { resultType } from "../array/ufunc-resolve.js";
import { ShapeError } from "../errors.js";
import type { ArrayData } from "../plan/array-data.js";
import { elementwise } from "../plan/elementwise.js";
import { searchsortedData } from "../plan/sort/lookup.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, type Operand, releaseTemporaries, toData, toOperand, wrap } from "./convert.js";
import { describeOperand } from "./ufunc.js";
import { arrayOp } from "./op.js";

export interface SearchSortedOptions {
  side?: "left" | "right";
}

/** `x` in `dtype`: a new hold (a lazy cast, or x itself retained). */
export function inDtype(x: ArrayData, dtype: Dtype): ArrayData {
  return x.dtype === dtype ? x.retain() : elementwise("cast", [x], [x.dtype], dtype, x.shape, x.grid);
}

/**
 * `np.searchsorted(a, v, side="left")`: int32 indices i (NumPy: int64) such that inserting each
 * element of `v` before a[i] (left: the first such place, right: the last) keeps sorted 1-D `a`
 * sorted; NaN sorts last. Both are compared in their common dtype, as NumPy does. The result has
 * v's shape (0-d for a number). `a` is read by every block of `v` (it is broadcast).
 * @throws ShapeError when `a` is not 1-D ("object too deep for desired array")
 */
export const searchsorted = arrayOp(function searchsorted(a: ArrayLike, v: ArrayLike, options: SearchSortedOptions = {}): BlockArray {
  const side = options.side ?? "left";
  if (side !== "left" && side !== "right") throw new RangeError(`search side must be 'left' or 'right' (got '${String(side)}')`);
  const operands: Operand[] = [];
  const inputs = [a, v];
  try {
    operands.push(toOperand(a, "searchsorted: a"), toOperand(v, "searchsorted: v"));
    const aData = operands[0]!.kind === "array" ? operands[0]!.data : null;
    if (aData === null || aData.ndim === 0) throw new ShapeError("object of too small depth for desired array");
    if (aData.ndim > 1) throw new ShapeError("object too deep for desired array");
    const dtype = resultType(operands.map(describeOperand));
    const vData = operands[1]!.kind === "array" ? operands[1]!.data : toData(Number(operands[1]!.value), "searchsorted: v");
    const aCast = inDtype(aData, dtype);
    const vCast = inDtype(vData, dtype);
    try {
      return wrap(searchsortedData(aCast, vCast, side));
    } finally {
      aCast.release();
      vCast.release();
      if (operands[1]!.kind !== "array") vData.release();
    }
  } finally {
    releaseTemporaries(inputs, operands);
  }
});
