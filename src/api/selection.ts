// SPDX-License-Identifier: Apache-2.0
/** Elementwise functions that are not plain ufunc calls: where, clip, round, astype, copy. */
import { type Dtype, parseDtype } from "../array/dtype.js";
import { resolveUfunc, resultType } from "../array/ufunc-resolve.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, type Operand, releaseTemporaries, toData, toOperand, wrap } from "./convert.js";
import { applyLoop, describeOperand } from "./ufunc.js";
import { multiply, divide, maximum, minimum, rint, trunc } from "./ufuncs.js";
import { elementwise } from "../plan/elementwise.js";
import { arrayOp } from "./op.js";
import { ShapeError } from "../errors.js";
import { nonzero } from "./indexing/nonzero.js";

function withOperands<T>(inputs: readonly ArrayLike[], what: string, fn: (ops: Operand[]) => T): T {
  const operands: Operand[] = [];
  try {
    inputs.forEach((x, i) => operands.push(toOperand(x, `${what}: argument ${i + 1}`)));
    return fn(operands);
  } finally {
    releaseTemporaries(inputs, operands);
  }
}

const where3 = arrayOp(function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): BlockArray {
  return withOperands([condition, x, y], "where", (ops) => {
    const dtype = resultType([describeOperand(ops[1]!), describeOperand(ops[2]!)]);
    return applyLoop("where", ops, ["bool", dtype, dtype], dtype);
  });
});

/**
 * `np.where(condition, x, y)`: elements of x where condition is true, else of y, broadcast
 * together; the result dtype is `result_type(x, y)`. With only `condition`, `np.nonzero(condition)`:
 * one deferred int32 array of coordinates per axis.
 *
 * @throws ShapeError when only one of x and y is given (NumPy's ValueError).
 */
export function where(condition: ArrayLike): BlockArray[];
export function where(condition: ArrayLike, x: ArrayLike, y: ArrayLike): BlockArray;
export function where(condition: ArrayLike, x?: ArrayLike, y?: ArrayLike): BlockArray | BlockArray[] {
  if (x === undefined && y === undefined) return nonzero(condition);
  if (x === undefined || y === undefined) throw new ShapeError("either both or neither of x and y should be given");
  return where3(condition, x, y);
}

/**
 * `np.clip(a, aMin, aMax)`: limits values to [aMin, aMax]; either bound may be null. NaN in `a`
 * or a bound propagates (NumPy 2).
 */
export const clip = arrayOp(function clip(a: ArrayLike, aMin: ArrayLike | null, aMax: ArrayLike | null): BlockArray {
  if (aMin === null && aMax === null) throw new TypeError("clip: at least one of aMin or aMax must be given");
  if (aMin === null) return minimum(a, aMax!);
  if (aMax === null) return maximum(a, aMin);
  return withOperands([a, aMin, aMax], "clip", (ops) => {
    const loop = resolveUfunc("clip", ops.map(describeOperand));
    return applyLoop("clip", ops, loop.inputs, loop.output);
  });
});

/** `np.round(a, decimals)`: round half to even at `decimals` places (NumPy's scale-rint-unscale). */
export const round = arrayOp(function round(a: ArrayLike, options: { decimals?: number } = {}): BlockArray {
  const decimals = options.decimals ?? 0;
  if (!Number.isInteger(decimals)) throw new TypeError(`round: decimals must be an integer, got ${decimals}`);
  if (decimals === 0) return rint(a);
  if (decimals > 0) {
    const f = 10 ** decimals;
    return divide(rint(multiply(a, f)), f);
  }
  const f = 10 ** -decimals;
  return multiply(rint(divide(a, f)), f);
});
export const around = round;

/** `np.fix`: round toward zero. */
export const fix = trunc;

/** `a.astype(dtype)`: a copy cast to `dtype` (NumPy's unsafe casting). */
export const astype = arrayOp(function astype(a: ArrayLike, dtype: Dtype | string): BlockArray {
  const dt = parseDtype(dtype, "astype: dtype");
  const x = toData(a, "astype: a");
  try {
    return wrap(elementwise("cast", [x], [x.dtype], dt, x.shape, x.grid));
  } finally {
    releaseTemporaries([a], [x]);
  }
});

/** `np.copy(a)`: a new array with the same values and layout. */
export const copy = arrayOp(function copy(a: ArrayLike): BlockArray {
  const x = toData(a, "copy: a");
  try {
    return wrap(elementwise("copy", [x], [x.dtype], x.dtype, x.shape, x.grid));
  } finally {
    releaseTemporaries([a], [x]);
  }
});
