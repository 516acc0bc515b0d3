// SPDX-License-Identifier: Apache-2.0
/** Helpers of the distributed indexing tests: fixture inputs, index forms, NumPy's errors. */
import assert from "node:assert/strict";
import { type IndexPart, parseIndex } from "../../src/array/index/index.js";
import { NDArray } from "../../src/array/ndarray.js";
import { IndexError, OverflowError, ShapeError } from "../../src/errors.js";
import * as nt from "../../src/index.js";
import { layoutsFor } from "../helpers/runtime.js";

export interface NumpyError {
  type: string;
  message: string;
}

/** `sign * (arange(size) + offset)` in `shape`, float64. */
export function arange(shape: readonly number[], sign = 1, offset = 0): NDArray {
  const n = shape.reduce((a, b) => a * b, 1);
  return new NDArray(Float64Array.from({ length: n }, (_, i) => sign * (i + offset)), shape);
}

/** A BlockArray of `local` in layout `layout` of layoutsFor(its shape). */
export function distribute(local: NDArray, layout: number): nt.BlockArray {
  return nt.array(local, { blockShape: layoutsFor(local.shape)[layout]!.blockShape });
}

/** The numts class a NumPy exception maps to (NumPy's ValueError has no numts twin). */
export function expectedClass(e: NumpyError): new (...args: never[]) => Error {
  if (e.type === "IndexError") return IndexError;
  if (e.type === "TypeError") return TypeError;
  if (e.type === "OverflowError") return OverflowError;
  const indexValueErrors = ["slice step cannot be zero", "setting an array element with a sequence. The requested"];
  return indexValueErrors.some((m) => e.message.startsWith(m)) ? IndexError : ShapeError;
}

/** Whether `err` is NumPy's error: its class, and its message (a `?` stands for an unknown count). */
export function matchesNumpy(err: unknown, e: NumpyError, label: string): void {
  assert.ok(err instanceof expectedClass(e), `${label}: ${String(err)} should be a ${expectedClass(e).name}`);
  const message = (err as Error).message;
  if (message.includes("?")) {
    const pattern = message.split("?").map((s) => s.replace(/[.*+()[\]\\^$|{}]/g, "\\$&")).join("\\d+");
    assert.match(e.message, new RegExp(`^${pattern}$`), label);
  } else {
    assert.equal(message, e.message, label);
  }
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

/**
 * How a fixture's index is given: its string, lists as NDArrays, lists as BlockArrays, or lists
 * alternating between BlockArrays and NDArrays (distributed and known index arrays together).
 */
export type IndexForm = "string" | "ndarray" | "blockarray" | "mixed";

/**
 * The fixture index in `form` (null when the form cannot express it), and the BlockArrays made
 * for it (laid out with `layout`, so index blocks differ from x's).
 */
export function indexIn(index: string, form: IndexForm, layout: number): { index: string | IndexPart<nt.BlockArray>[]; made: nt.BlockArray[] } | null {
  if (form === "string") return { index, made: [] };
  let parts: IndexPart[];
  try {
    parts = parseIndex(index);
  } catch {
    return null;
  }
  if (parts.some((p) => Array.isArray(p) && !isRegular(p))) return null;
  // Mixing needs two index arrays; with fewer it is the "blockarray" form.
  if (form === "mixed" && parts.filter((p) => Array.isArray(p)).length < 2) return null;
  const made: nt.BlockArray[] = [];
  let lists = 0;
  const out = parts.map((p): IndexPart<nt.BlockArray> => {
    if (!Array.isArray(p)) return p as IndexPart<nt.BlockArray>;
    const local = listToNDArray(p);
    if (form === "ndarray" || (form === "mixed" && lists++ % 2 === 1)) return local;
    const b = nt.array(local, { blockShape: layoutsFor(local.shape)[(layout + 2) % 3]!.blockShape });
    made.push(b);
    return b;
  });
  return { index: out, made };
}

/** Runs `fn`, which must fail (throwing, or rejecting) with NumPy's error. */
export async function expectNumpyError(fn: () => unknown, e: NumpyError, label: string): Promise<void> {
  let err: unknown = null;
  try {
    await fn();
  } catch (caught) {
    err = caught;
  }
  assert.ok(err !== null, `${label}: expected ${e.type}: ${e.message}`);
  matchesNumpy(err, e, label);
}

/** Runs `tasks` with at most `limit` in flight (keeps many small distributed cases moving). */
export async function inBatches<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}
