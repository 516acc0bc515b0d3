// SPDX-License-Identifier: Apache-2.0
/**
 * NumPy's indexing fixtures as the local (array/) and distributed (getset/) indexing tests read
 * them: the case types, their inputs, and the numts error class of each NumPy exception.
 */
import { NDArray } from "../../src/array/ndarray.js";
import { IndexError, OverflowError, ShapeError } from "../../src/errors.js";

export interface NumpyError {
  type: string;
  message: string;
}

/** One `x[index]` case of index-get.json (scripts/gen/index_fixtures.py). */
export interface GetCase {
  shape: number[];
  index: string;
  result?: { shape: number[]; values: number[]; scalar: boolean };
  error?: NumpyError;
}
/** One `x[index] = value` case of index-set.json. */
export interface SetCase {
  shape: number[];
  index: string;
  valueShape: number[];
  result?: { values: number[] };
  error?: NumpyError;
}

/** `sign * (arange(size) + offset)` in `shape`, float64. */
export function arange(shape: readonly number[], sign = 1, offset = 0): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return new NDArray(Float64Array.from({ length: n }, (_, i) => sign * (i + offset)), shape);
}

/** The numts class a NumPy exception maps to (NumPy's ValueError has no numts twin). */
export function expectedClass(e: NumpyError): new (...args: never[]) => Error {
  if (e.type === "IndexError") return IndexError;
  if (e.type === "TypeError") return TypeError;
  if (e.type === "OverflowError") return OverflowError;
  const indexValueErrors = ["slice step cannot be zero", "setting an array element with a sequence. The requested"];
  return indexValueErrors.some((m) => e.message.startsWith(m)) ? IndexError : ShapeError;
}

/** A list part as an NDArray (int32, or bool when every leaf is boolean), as NumPy's asarray. */
export function listToNDArray(list: readonly unknown[]): NDArray {
  const shape: number[] = [];
  for (let level: unknown = list; Array.isArray(level); level = level[0]) shape.push(level.length);
  const leaves = (list as unknown[]).flat(Infinity) as (number | boolean)[];
  const isBool = leaves.length > 0 && leaves.every((v) => typeof v === "boolean");
  const data = isBool ? Uint8Array.from(leaves, Number) : Int32Array.from(leaves, Number);
  return new NDArray(data, shape, isBool ? "bool" : "int32");
}

/** Whether a nested list has an NDArray form: rectangular, at most 64 dimensions. */
export function isRegular(list: readonly unknown[]): boolean {
  const shape: number[] = [];
  for (let level: unknown = list; Array.isArray(level); level = level[0]) shape.push(level.length);
  if (shape.length > 64) return false;
  const ok = (node: unknown, depth: number): boolean =>
    depth === shape.length
      ? !Array.isArray(node)
      : Array.isArray(node) && node.length === shape[depth] && node.every((child) => ok(child, depth + 1));
  return ok(list, 0);
}
