// SPDX-License-Identifier: Apache-2.0
/**
 * What the contraction functions (matmul, dot, tensordot, einsum, ...) share: operands converted
 * like NumPy's `asarray` (a JS number is a 0-d float64 array, a boolean a 0-d bool array — not a
 * weak scalar, as in NumPy's dot and einsum), NumPy's `result_type` of arrays, the shape strings
 * of NumPy's messages, and running `plan/contract` on operands cast to the result dtype.
 */
import type { Dtype } from "../array/dtype.js";
import { promoteTypes } from "../array/promotion.js";
import { resolveUfunc } from "../array/ufunc-resolve.js";
export { remappedText, tupleText as shapeText } from "../array/shape-text.js";
import type { ArrayData } from "../plan/array-data.js";
import { contract } from "../plan/contract.js";
import { elementwise } from "../plan/elementwise.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "./convert.js";

/** Converts the inputs, runs `body` on them, and releases the arrays converted from local data. */
export function withArrays<T>(fn: string, inputs: readonly ArrayLike[], body: (xs: ArrayData[]) => T): T {
  const xs: ArrayData[] = [];
  try {
    inputs.forEach((x, i) => xs.push(toData(x, `${fn}: argument ${i + 1}`)));
    return body(xs);
  } finally {
    xs.forEach((x, i) => isTemporary(inputs[i]!) && x.release());
  }
}

/** NumPy's `result_type` of arrays. */
export function resultType(xs: readonly ArrayData[]): Dtype {
  return xs.map((x) => x.dtype).reduce((a, b) => promoteTypes(a, b));
}

/** `x` in `dtype` (a lazy cast, or x itself with a new hold). */
export function castTo(x: ArrayData, dtype: Dtype): ArrayData {
  return x.dtype === dtype ? x.retain() : elementwise("cast", [x], [x.dtype], dtype, x.shape, x.grid);
}

/**
 * The contraction of `xs` (labels per axis, see plan/contract.ts) into `output`, computed in
 * `dtype`.
 */
export function contractArrays(xs: readonly ArrayData[], labels: readonly (readonly number[])[], output: readonly number[], dtype: Dtype): BlockArray {
  const cast = xs.map((x) => castTo(x, dtype));
  try {
    return wrap(contract(cast.map((data, i) => ({ data, labels: labels[i]! })), output, dtype));
  } finally {
    for (const c of cast) c.release();
  }
}

/** `a * b` for a 0-d operand (NumPy's dot and inner): multiply's loop for the two arrays' dtypes. */
export function multiplyArrays(a: ArrayData, b: ArrayData): BlockArray {
  const loop = resolveUfunc("multiply", [{ dtype: a.dtype }, { dtype: b.dtype }]);
  const shape = a.ndim >= b.ndim ? a.shape : b.shape;
  return wrap(elementwise("multiply", [a, b], loop.inputs, loop.output, shape));
}
