// SPDX-License-Identifier: Apache-2.0
/**
 * Comparisons of whole arrays: `isclose` (elementwise; it is a chain of ufuncs, so it fuses into
 * one pass), `allclose` and `arrayEqual` (promises of booleans, as NumPy returns Python bools),
 * and `countNonzero`.
 */
import type { AxisArg } from "../array/axis.js";
import { resultType } from "../array/ufunc-resolve.js";
import { BlockArray } from "./block-array.js";
import type { ArrayLike } from "./convert.js";
import { asarray } from "./creation.js";
import { asyncOp, arrayOp } from "./op.js";
import { all, sum } from "./reductions.js";
import { astype } from "./selection.js";
import { absolute, add, bitwiseAnd, bitwiseOr, equal, isfinite, isnan, lessEqual, multiply, notEqual, subtract } from "./ufuncs.js";

export interface IscloseOptions {
  rtol?: number;
  atol?: number;
  equalNan?: boolean;
}

/** Disposes every intermediate of `body` except its result. */
function scoped(body: (keep: (x: BlockArray) => BlockArray) => BlockArray): BlockArray {
  const temps: BlockArray[] = [];
  try {
    return body((x) => (temps.push(x), x));
  } finally {
    for (const t of temps) t.dispose();
  }
}

/**
 * `np.isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)`: elementwise
 * `|a - b| <= atol + rtol * |b|` for finite b, or a == b (infinities); with `equalNan` NaNs match.
 * b is taken as float (NumPy casts it with result_type(b, 1.0)). Not symmetric, like NumPy's.
 */
export const isclose = arrayOp(function isclose(a: ArrayLike, b: ArrayLike, options: IscloseOptions = {}): BlockArray {
  const rtol = options.rtol ?? 1e-5;
  const atol = options.atol ?? 1e-8;
  for (const [name, v] of [["rtol", rtol], ["atol", atol]] as const) {
    if (typeof v !== "number") throw new TypeError(`isclose: ${name} must be a number`);
  }
  return scoped((t) => {
    // NumPy: y = asanyarray(y, dtype=result_type(y, 1.0)), or float(y) for a Python scalar.
    let y: ArrayLike;
    if (typeof b === "number" || typeof b === "boolean") {
      y = Number(b);
    } else {
      const arr = b instanceof BlockArray ? b : t(asarray(b));
      const dt = resultType([{ dtype: arr.dtype }, { weak: "float", value: 1.5 }]);
      y = dt === arr.dtype ? arr : t(astype(arr, dt));
    }
    const close = t(lessEqual(t(absolute(t(subtract(a, y)))), t(add(atol, t(multiply(rtol, t(absolute(y))))))));
    let result = bitwiseOr(t(bitwiseAnd(close, t(isfinite(y)))), t(equal(a, y)));
    if (options.equalNan) {
      t(result);
      result = bitwiseOr(result, t(bitwiseAnd(t(isnan(a)), t(isnan(y)))));
    }
    return result;
  });
});

/** `np.allclose(a, b, ...)`: whether `isclose` holds everywhere (a promise of a boolean). */
export const allclose = asyncOp(async function allclose(a: ArrayLike, b: ArrayLike, options: IscloseOptions = {}): Promise<boolean> {
  const c = isclose(a, b, options);
  const r = all(c);
  c.dispose();
  try {
    return Boolean(await r.item());
  } finally {
    r.dispose();
  }
});

export interface ArrayEqualOptions {
  equalNan?: boolean;
}

/**
 * `np.array_equal(a1, a2, equal_nan=False)`: same shape and equal elements (a promise of a
 * boolean); with `equalNan`, NaNs in the same places count as equal.
 */
export const arrayEqual = asyncOp(async function arrayEqual(a1: ArrayLike, a2: ArrayLike, options: ArrayEqualOptions = {}): Promise<boolean> {
  const x = a1 instanceof BlockArray ? a1 : toArray(a1);
  const y = a2 instanceof BlockArray ? a2 : toArray(a2);
  if (!x || !y) return false;
  const owned = [x !== a1 ? x : null, y !== a2 ? y : null].filter((v): v is BlockArray => v !== null);
  try {
    if (x.ndim !== y.ndim || x.shape.some((n, i) => n !== y.shape[i])) return false;
    if (options.equalNan && x === y) return true;
    const r = scoped((t) => {
      const eq = equal(x, y);
      if (!options.equalNan) return all(t(eq));
      return all(t(bitwiseOr(t(eq), t(bitwiseAnd(t(isnan(x)), t(isnan(y)))))));
    });
    try {
      return Boolean(await r.item());
    } finally {
      r.dispose();
    }
  } finally {
    for (const o of owned) o.dispose();
  }
});

/** A BlockArray for array-like input, or null when it cannot be one (NumPy then returns False). */
function toArray(a: ArrayLike): BlockArray | null {
  try {
    return asarray(a);
  } catch {
    return null;
  }
}

export interface CountNonzeroOptions {
  axis?: AxisArg;
  keepdims?: boolean;
}

/** `np.count_nonzero(a, axis=None)`: the number of non-zero elements (int32; NumPy: int64). */
export const countNonzero = arrayOp(function countNonzero(a: ArrayLike, options: CountNonzeroOptions = {}): BlockArray {
  return scoped((t) => astype(t(sum(t(notEqual(a, 0)), { axis: options.axis, keepdims: options.keepdims })), "int32"));
});
