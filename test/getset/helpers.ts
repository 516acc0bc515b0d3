// SPDX-License-Identifier: Apache-2.0
/** Helpers of the distributed indexing tests: fixture inputs, index forms, NumPy's errors. */
import assert from "node:assert/strict";
import { type IndexPart, parseIndex } from "../../src/array/index/index.js";
import { NDArray } from "../../src/array/ndarray.js";
import * as nt from "../../src/index.js";
import { type NumpyError, arange, expectedClass, isRegular, listToNDArray } from "../helpers/index-cases.js";
import { layoutsFor } from "../helpers/runtime.js";

export { type NumpyError, arange, expectedClass, isRegular, listToNDArray };

/** A BlockArray of `local` in layout `layout` of layoutsFor(its shape). */
export function distribute(local: NDArray, layout: number): nt.BlockArray {
  return nt.array(local, { blockShape: layoutsFor(local.shape)[layout]!.blockShape });
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
