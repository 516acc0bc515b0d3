// SPDX-License-Identifier: Apache-2.0
/**
 * What a user may write as an index, in its two equivalent forms: a NumPy index string, or the
 * parts NumPy's tuple would hold. A top-level JS array is always that tuple (`x.get([0, 2])` is
 * `x[0, 2]`); an integer-list index is one part inside it (`x.get([[0, 2]])` is `x[[0, 2]]`).
 */
import type { Dtype } from "../dtype.js";
import type { NDArray } from "../ndarray.js";
import { parseIndex } from "./parse.js";
import type { Slice } from "./slice.js";

/**
 * An array whose shape and dtype are known here but whose values are not (a distributed array):
 * an integer one is an advanced index checked when it runs; a bool one is a mask whose number of
 * `true` entries is unknown until it runs.
 */
export interface OpaqueArray {
  readonly shape: readonly number[];
  readonly dtype: Dtype;
}

/** A nested JS list of integers (an integer array index) or of booleans (a mask). */
export type IndexList = readonly (number | boolean | IndexList)[];

/** Typed arrays accepted as 1-D integer index arrays. */
export type IntegerTypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** The ellipsis part, as in `x.get(["...", 0])`. */
export const ELLIPSIS = "...";

/**
 * One entry of NumPy's index tuple: an integer, a {@link Slice}, `null` (newaxis), `"..."`, a
 * boolean (a 0-d mask: `true` adds an axis of length 1, `false` one of length 0), or an index
 * array: nested JS lists, an integer typed array, an {@link NDArray} or an {@link OpaqueArray}.
 */
export type IndexPart<O extends OpaqueArray = OpaqueArray> =
  | number
  | boolean
  | Slice
  | null
  | typeof ELLIPSIS
  | IndexList
  | IntegerTypedArray
  | NDArray
  | O;

/** The parts an index string can spell (what {@link parseIndex} returns). */
export type LiteralIndexPart = number | boolean | Slice | null | typeof ELLIPSIS | IndexList;

/** An index as the public API takes it: a string, one bare part, or the tuple of parts. */
export type Index<O extends OpaqueArray = OpaqueArray> = string | IndexPart<O> | readonly IndexPart<O>[];

/**
 * The tuple of parts an index stands for: strings are parsed, arrays are the tuple itself, and
 * anything else is a one-part tuple. Parts are not validated here (see `classifyPart`).
 *
 * @throws IndexError for a malformed index string.
 */
export function toIndexParts<O extends OpaqueArray>(index: Index<O>): IndexPart<O>[] {
  if (typeof index === "string") return parseIndex(index);
  if (Array.isArray(index)) return [...(index as readonly IndexPart<O>[])];
  return [index as IndexPart<O>];
}
