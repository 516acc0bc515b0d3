// SPDX-License-Identifier: Apache-2.0
/**
 * The value of `x.set(index, value)` as an array of `x.dtype`, cast as NumPy's setitem casts.
 * JS numbers and lists convert element by element like Python objects do: integers must fit an
 * integer dtype (OverflowError, as NumPy 2), other numbers truncate toward zero, NaN and
 * infinities have no integer. Arrays (NDArray, typed arrays, BlockArray) cast unsafely, like
 * `astype`.
 */
import { type Dtype, dtypeKind } from "../../array/dtype.js";
import { formatInteger } from "../../array/index/slice.js";
import { NDArray, type Nested } from "../../array/ndarray.js";
import { nestedShape, toElement } from "../../array/nested.js";
import { integerRange } from "../../array/promotion.js";
import { allocTyped } from "../../array/dtype.js";
import { sizeOf } from "../../array/shape.js";
import { OverflowError } from "../../errors.js";
import type { ArrayData } from "../../plan/array-data.js";
import { elementwise } from "../../plan/elementwise.js";
import { upload } from "../../plan/transfer-local.js";
import { BlockArray } from "../block-array.js";
import { type ArrayLike, defaultGrid, toLocal } from "../convert.js";

/** A value ready to write: `data` has the target dtype; `release` drops what was created here. */
export interface SetValue {
  readonly data: ArrayData;
  release(): void;
}

/** One JS element stored into `dtype` as NumPy converts a Python object. */
export function pythonElement(v: number | boolean, dtype: Dtype): number {
  const kind = dtypeKind(dtype);
  if (typeof v === "boolean" || kind === "b" || kind === "f") return toElement(v, dtype);
  if (Number.isNaN(v)) throw new RangeError("cannot convert float NaN to integer");
  if (!Number.isFinite(v)) throw new OverflowError("cannot convert float infinity to integer");
  if (!Number.isInteger(v)) return Math.trunc(v) + 0;
  if (Math.abs(v) >= 2 ** 63) throw new OverflowError("Python int too large to convert to C long");
  const [lo, hi] = integerRange(dtype)!;
  if (v < lo || v > hi) throw new OverflowError(`Python integer ${formatInteger(v)} out of bounds for ${dtype}`);
  return v + 0;
}

/** A nested JS value as an NDArray of `dtype`, element by element (see `pythonElement`). */
export function fromPython(value: Nested, dtype: Dtype): NDArray {
  const shape = nestedShape(value);
  const data = allocTyped(dtype, sizeOf(shape));
  let i = 0;
  const fill = (v: Nested): void => {
    if (Array.isArray(v)) v.forEach(fill);
    else data[i++] = pythonElement(v, dtype);
  };
  fill(value);
  return new NDArray(data, shape, dtype);
}

/** `value` as an array of `dtype` (see the file comment). */
export function setValue(value: ArrayLike, dtype: Dtype, what: string): SetValue {
  if (value instanceof BlockArray) return cast(value.data, dtype, false);
  const isJs = typeof value === "number" || typeof value === "boolean" || Array.isArray(value);
  const local = isJs ? fromPython(value as Nested, dtype) : toLocal(value, what)!;
  return cast(upload(local, defaultGrid(local.shape, local.dtype)), dtype, true);
}

function cast(data: ArrayData, dtype: Dtype, owned: boolean): SetValue {
  if (data.dtype === dtype) return { data, release: () => (owned ? data.release() : undefined) };
  const out = elementwise("cast", [data], [data.dtype], dtype, data.shape, data.grid);
  if (owned) data.release();
  return { data: out, release: () => out.release() };
}
