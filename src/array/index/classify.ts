// SPDX-License-Identifier: Apache-2.0
/**
 * Sorting one index part into what NumPy's `prepare_index` sees: an integer, a slice, newaxis,
 * ellipsis, a 0-d boolean, a concrete integer or boolean array, or an opaque one. JS lists go
 * through the rules of `np.asarray`: all-boolean lists are masks, lists with any number are integer
 * arrays (booleans count as 0 and 1), `[]` is an empty integer array, ragged lists are rejected.
 */
import { IndexError } from "../../errors.js";
import { dtypeKind, isDtype } from "../dtype.js";
import { NDArray } from "../ndarray.js";
import { formatShape } from "../shape.js";
import { INVALID_INDEX_MESSAGE } from "./parse.js";
import { ELLIPSIS, type IndexList, type IndexPart, type OpaqueArray } from "./parts.js";
import { Slice } from "./slice.js";

/** One index part, checked and sorted. Array values are C order; masks hold 0/non-0. */
export type ClassifiedPart<O extends OpaqueArray = OpaqueArray> =
  | { readonly kind: "int"; readonly value: number }
  | { readonly kind: "slice"; readonly slice: Slice }
  | { readonly kind: "newaxis" }
  | { readonly kind: "ellipsis" }
  | { readonly kind: "bool"; readonly value: boolean }
  | { readonly kind: "intArray"; readonly shape: readonly number[]; readonly values: ArrayLike<number> }
  | { readonly kind: "boolArray"; readonly shape: readonly number[]; readonly values: ArrayLike<number> }
  | { readonly kind: "opaqueInt"; readonly shape: readonly number[]; readonly source: O }
  | { readonly kind: "opaqueBool"; readonly shape: readonly number[]; readonly source: O };

const NOT_INTEGER_ARRAY = "arrays used as indices must be of integer (or boolean) type";
const MAX_DIMS = 64;

/**
 * Checks and sorts one part.
 *
 * @throws IndexError with NumPy's message for anything that is not an index, float arrays and
 *   ragged lists.
 */
export function classifyPart<O extends OpaqueArray>(part: IndexPart<O>): ClassifiedPart<O> {
  if (part === null) return { kind: "newaxis" };
  if (part === ELLIPSIS) return { kind: "ellipsis" };
  if (typeof part === "number") {
    if (!Number.isInteger(part)) throw new IndexError(INVALID_INDEX_MESSAGE);
    return { kind: "int", value: part + 0 };
  }
  if (typeof part === "boolean") return { kind: "bool", value: part };
  if (part instanceof Slice) return { kind: "slice", slice: part };
  if (Array.isArray(part)) return classifyList(part as IndexList);
  if (part instanceof NDArray) return classifyNDArray(part);
  if (ArrayBuffer.isView(part)) return classifyTyped(part);
  if (isOpaqueArray(part)) return classifyOpaque(part);
  if (typeof part === "string") {
    throw new IndexError(`${INVALID_INDEX_MESSAGE} (a string part must be "..."; pass a whole index as one string: "1:, 0")`);
  }
  throw new IndexError(INVALID_INDEX_MESSAGE);
}

/** Whether `value` looks like an {@link OpaqueArray}: a shape and a numts dtype. */
export function isOpaqueArray(value: unknown): value is OpaqueArray {
  if (typeof value !== "object" || value === null || value instanceof NDArray) return false;
  const { shape, dtype } = value as { shape?: unknown; dtype?: unknown };
  return Array.isArray(shape) && shape.every((d) => Number.isInteger(d) && d >= 0) && isDtype(dtype);
}

function classifyNDArray<O extends OpaqueArray>(a: NDArray): ClassifiedPart<O> {
  const kind = dtypeKind(a.dtype);
  if (kind === "f") throw new IndexError(NOT_INTEGER_ARRAY);
  if (kind === "b") return a.ndim === 0 ? { kind: "bool", value: a.data[0] !== 0 } : { kind: "boolArray", shape: a.shape, values: a.data };
  // NumPy treats a 0-d integer array as an integer.
  return a.ndim === 0 ? { kind: "int", value: a.data[0]! } : { kind: "intArray", shape: a.shape, values: a.data };
}

function classifyTyped<O extends OpaqueArray>(a: ArrayBufferView): ClassifiedPart<O> {
  const integer =
    a instanceof Int8Array || a instanceof Uint8Array || a instanceof Int16Array ||
    a instanceof Uint16Array || a instanceof Int32Array || a instanceof Uint32Array;
  if (!integer) throw new IndexError(NOT_INTEGER_ARRAY);
  return { kind: "intArray", shape: [a.length], values: a };
}

function classifyOpaque<O extends OpaqueArray>(a: O): ClassifiedPart<O> {
  const kind = dtypeKind(a.dtype);
  if (kind === "f") throw new IndexError(NOT_INTEGER_ARRAY);
  return { kind: kind === "b" ? "opaqueBool" : "opaqueInt", shape: [...a.shape], source: a };
}

/** `np.asarray(list)` for index lists: the shape, the C-order leaves, and whether all are booleans. */
function classifyList<O extends OpaqueArray>(list: IndexList): ClassifiedPart<O> {
  const shape: number[] = [];
  for (let level: unknown = list; Array.isArray(level); level = level[0]) {
    if (shape.length === MAX_DIMS) {
      throw new IndexError(
        `setting an array element with a sequence. The requested array would exceed the maximum number of dimension of ${MAX_DIMS}.`,
      );
    }
    shape.push(level.length);
  }
  // NumPy reports the shallowest depth at which the nesting stops being regular.
  let ragged = Infinity;
  const leaves: (number | boolean)[] = [];
  const walk = (node: unknown, depth: number): void => {
    if (depth >= ragged) return;
    const isList = Array.isArray(node);
    if (depth < shape.length ? !isList || node.length !== shape[depth] : isList) {
      ragged = depth;
      return;
    }
    if (isList) for (const child of node) walk(child, depth + 1);
    else leaves.push(node as number | boolean);
  };
  walk(list, 0);
  if (ragged !== Infinity) {
    throw new IndexError(
      `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${ragged} dimensions. ` +
        `The detected shape was ${formatShape(shape.slice(0, ragged))} + inhomogeneous part.`,
    );
  }
  let allBool = leaves.length > 0;
  for (const v of leaves) {
    if (typeof v === "boolean") continue;
    if (typeof v !== "number" || !Number.isInteger(v)) throw new IndexError(INVALID_INDEX_MESSAGE);
    allBool = false;
  }
  const values = Float64Array.from(leaves, (v) => Number(v));
  return { kind: allBool ? "boolArray" : "intArray", shape, values };
}
