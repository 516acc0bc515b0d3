// SPDX-License-Identifier: Apache-2.0
/**
 * Index arguments of `take`, `put`, `takeAlongAxis` and `compress`. numts's index arrays are int32
 * (it has no int64): known indices become int32 NDArrays, distributed ones keep any integer dtype
 * (bool ones are read as 0 and 1, as NumPy's `take` reads them). JS numbers and lists convert as
 * NumPy converts Python objects to its index type (truncating); float arrays are refused with
 * NumPy's casting message.
 */
import { type Dtype, dtypeKind } from "../../array/dtype.js";
import type { IndexList } from "../../array/index/parts.js";
import { NDArray, type Nested } from "../../array/ndarray.js";
import { nestedShape } from "../../array/nested.js";
import { sizeOf } from "../../array/shape.js";
import { IndexError } from "../../errors.js";
import { BlockArray } from "../block-array.js";
import { type ArrayLike, toLocal } from "../convert.js";
import { astype, clip } from "../selection.js";
import { remainder } from "../ufuncs.js";

/** NumPy's `mode` of take and put. */
export type ClipMode = "raise" | "wrap" | "clip";

/** The validated mode (default "raise"). */
export function parseMode(mode: unknown): ClipMode {
  if (mode === undefined || mode === "raise" || mode === "wrap" || mode === "clip") return mode ?? "raise";
  throw new RangeError(`clipmode must be one of 'clip', 'raise', or 'wrap' (got ${pythonRepr(mode)})`);
}

function pythonRepr(v: unknown): string {
  return typeof v === "string" ? `'${v}'` : String(v);
}

/** NumPy's refusal to read a float array as indices (`rule` is the casting rule it uses). */
export function castError(dtype: Dtype, rule: "same_kind" | "safe"): TypeError {
  return new TypeError(`Cannot cast array data from dtype('${dtype}') to dtype('int64') according to the rule '${rule}'`);
}

/** Indices known here (any integers, C order), or a distributed array of them. */
export type Indices = { readonly values: Float64Array; readonly shape: readonly number[] } | BlockArray;

/**
 * `indices` as known integers (local data) or an integer BlockArray (int32 unless int32 or
 * uint32 already; bool read as 0 and 1).
 *
 * @throws TypeError for float arrays, with NumPy's message for `rule`.
 */
export function toIndices(indices: ArrayLike, what: string, rule: "same_kind" | "safe"): Indices {
  if (indices instanceof BlockArray) {
    const dtype = indices.dtype;
    if (dtypeKind(dtype) === "f") throw castError(dtype, rule);
    return dtype === "int32" || dtype === "uint32" ? indices : astype(indices, "int32");
  }
  if (typeof indices === "number" || typeof indices === "boolean" || Array.isArray(indices)) {
    const shape = nestedShape(indices as Nested);
    const leaves = (Array.isArray(indices) ? (indices as unknown[]).flat(Infinity) : [indices]) as (number | boolean)[];
    return { values: Float64Array.from(leaves, (v) => Math.trunc(Number(v)) + 0), shape };
  }
  const local = toLocal(indices, what)!;
  if (dtypeKind(local.dtype) === "f") throw castError(local.dtype, rule);
  return { values: Float64Array.from(local.data), shape: local.shape };
}

/**
 * Indices moved into `[0, n)` by `mode` ("wrap": modulo, "clip": clamped, so negative indices
 * read the first element), or unchanged for "raise" (bounds are checked when they are used).
 *
 * @throws IndexError when wrapping or clipping into an empty axis.
 */
export function applyMode(indices: Indices, n: number, mode: ClipMode): Indices {
  if (mode === "raise") return indices;
  if (n === 0 && sizeOf(indices.shape) > 0) throw new IndexError("cannot do a non-empty take from an empty axes.");
  if (indices instanceof BlockArray) return mode === "wrap" ? remainder(indices, n) : clip(indices, 0, n - 1);
  const values = indices.values.map((v) => (mode === "wrap" ? (((v % n) + n) % n) + 0 : Math.min(Math.max(v, 0), n - 1)));
  return { values, shape: indices.shape };
}

/** An index part for known indices: an int32 NDArray, or (for values beyond int32) a JS list. */
export function indexPart(indices: Indices): NDArray | BlockArray | IndexList {
  if (indices instanceof BlockArray) return indices;
  const { values, shape } = indices;
  if (values.every((v) => Math.abs(v) < 2 ** 31)) return new NDArray(Int32Array.from(values), shape, "int32");
  const nest = (depth: number, offset: number): IndexList | number => {
    if (depth === shape.length) return values[offset]!;
    const step = sizeOf(shape.slice(depth + 1));
    return Array.from({ length: shape[depth]! }, (_, i) => nest(depth + 1, offset + i * step)) as IndexList;
  };
  return nest(0, 0) as IndexList;
}
