// SPDX-License-Identifier: Apache-2.0
/**
 * numts indexing against NumPy's own answers (scripts/gen/index_fixtures.py): every fixture index
 * string is evaluated three ways (parsed parts; the parts with lists turned into NDArrays; lists
 * turned into opaque arrays, which only resolve) and must give NumPy's shape, values and errors.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { IndexError, ShapeError } from "../../src/errors.js";
import { NDArray } from "../../src/array/ndarray.js";
import {
  type IndexPart,
  type OpaqueArray,
  type ResolvedIndex,
  bindMaskCounts,
  getLocal,
  parseIndex,
  resolveIndex,
  setLocal,
} from "../../src/array/index/index.js";

interface NumpyError {
  type: "IndexError" | "ValueError" | "TypeError";
  message: string;
}
interface GetCase {
  shape: number[];
  index: string;
  result?: { shape: number[]; values: number[]; scalar: boolean };
  error?: NumpyError;
}
interface SetCase {
  shape: number[];
  index: string;
  valueShape: number[];
  result?: { values: number[] };
  error?: NumpyError;
}

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), "utf8")) as T;
const GET = load<GetCase[]>("index-get.json");
const SET = load<SetCase[]>("index-set.json");

const arange = (shape: readonly number[], sign = 1, offset = 0): NDArray => {
  const n = shape.reduce((a, b) => a * b, 1);
  return new NDArray(Float64Array.from({ length: n }, (_, i) => sign * (i + offset)), shape);
};

/** The numts class a NumPy exception maps to (NumPy's ValueError has no numts twin). */
function expectedClass(e: NumpyError): new (...args: never[]) => Error {
  if (e.type === "IndexError") return IndexError;
  if (e.type === "TypeError") return TypeError;
  const indexValueErrors = ["slice step cannot be zero", "setting an array element with a sequence. The requested"];
  return indexValueErrors.some((m) => e.message.startsWith(m)) ? IndexError : ShapeError;
}

function assertNumpyError(fn: () => unknown, e: NumpyError, label: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof expectedClass(e), `${label}: ${String(err)} should be a ${expectedClass(e).name}`);
    assert.equal((err as Error).message, e.message, label);
    return true;
  });
}

/** A list part as an NDArray (int32, or bool when every leaf is boolean), as NumPy's asarray. */
function listToNDArray(list: readonly unknown[]): NDArray {
  const shape: number[] = [];
  for (let level: unknown = list; Array.isArray(level); level = level[0]) shape.push(level.length);
  const leaves = (list as unknown[]).flat(Infinity) as (number | boolean)[];
  const isBool = leaves.length > 0 && leaves.every((v) => typeof v === "boolean");
  const data = isBool ? Uint8Array.from(leaves, Number) : Int32Array.from(leaves, Number);
  return new NDArray(data, shape, isBool ? "bool" : "int32");
}

/** Whether a nested list has an NDArray form: rectangular, at most 64 dimensions. */
function isRegular(list: readonly unknown[]): boolean {
  const shape: number[] = [];
  for (let level: unknown = list; Array.isArray(level); level = level[0]) shape.push(level.length);
  if (shape.length > 64) return false;
  const ok = (node: unknown, depth: number): boolean =>
    depth === shape.length
      ? !Array.isArray(node)
      : Array.isArray(node) && node.length === shape[depth] && node.every((child) => ok(child, depth + 1));
  return ok(list, 0);
}

describe("x[index] matches NumPy", () => {
  it(`${GET.length} fixture cases, parsed from the index string`, () => {
    for (const c of GET) {
      const x = arange(c.shape);
      const label = `x${JSON.stringify(c.shape)}[${c.index}]`;
      if (c.error) {
        assertNumpyError(() => getLocal(x, resolveIndex(c.index, c.shape)), c.error, label);
        continue;
      }
      const r = resolveIndex(c.index, c.shape);
      const got = getLocal(x, r);
      assert.deepEqual(got.shape, c.result!.shape, label);
      assert.deepEqual(Array.from(got.data), c.result!.values, label);
      assert.equal(r.scalar, c.result!.scalar, `${label} scalar`);
    }
  });

  it("the same cases with list parts given as NDArrays", () => {
    for (const c of GET) {
      const parts = parseIndex(c.index);
      if (parts.some((p) => Array.isArray(p) && !isRegular(p))) continue; // ragged or too deep lists have no NDArray form
      const asArrays: IndexPart[] = parts.map((p) => (Array.isArray(p) ? listToNDArray(p) : p));
      const x = arange(c.shape);
      const label = `x${JSON.stringify(c.shape)}[${c.index}] (NDArray parts)`;
      if (c.error) {
        assertNumpyError(() => getLocal(x, resolveIndex(asArrays, c.shape)), c.error, label);
        continue;
      }
      const got = getLocal(x, resolveIndex(asArrays, c.shape));
      assert.deepEqual(got.shape, c.result!.shape, label);
      assert.deepEqual(Array.from(got.data), c.result!.values, label);
    }
  });

  it("the same cases with list parts given as opaque arrays: NumPy's shapes once mask counts are bound", () => {
    let deferred = 0;
    for (const c of GET) {
      const parts = parseIndex(c.index);
      if (parts.some((p) => Array.isArray(p) && !isRegular(p))) continue;
      const counts: number[] = [];
      const opaque: IndexPart[] = parts.map((p) => {
        if (!Array.isArray(p)) return p;
        const a = listToNDArray(p);
        if (a.dtype === "bool") counts.push(Array.from(a.data).filter((v) => v !== 0).length);
        return { shape: a.shape, dtype: a.dtype } satisfies OpaqueArray;
      });
      const label = `x${JSON.stringify(c.shape)}[${c.index}] (opaque parts)`;
      let bound: ResolvedIndex | null = null;
      try {
        bound = bindMaskCounts(resolveIndex(opaque, c.shape), counts);
      } catch (err) {
        assert.ok(c.error, `${label} threw ${String(err)}`);
        // An unbound mask's length prints as `?` where NumPy prints its count.
        const message = (err as Error).message;
        const pattern = message.split("?").map((s) => s.replace(/[.*+()[\]\\^$|{}]/g, "\\$&")).join("\\d+");
        assert.match(c.error.message, new RegExp(`^${pattern}$`), label);
      }
      if (bound === null) continue;
      if (c.error) {
        // Only the values of opaque integer arrays are unknown here: their bounds are the runtime's.
        assert.match(c.error.message, /^index -?\d+ is out of bounds/, label);
        deferred++;
        continue;
      }
      assert.deepEqual(bound.shape, c.result!.shape, label);
    }
    assert.ok(deferred > 0);
  });
});

describe("x[index] = value matches NumPy", () => {
  it(`${SET.length} fixture cases`, () => {
    for (const c of SET) {
      const x = arange(c.shape);
      const value = arange(c.valueShape, -1, 1);
      const label = `x${JSON.stringify(c.shape)}[${c.index}] = value of shape ${JSON.stringify(c.valueShape)}`;
      if (c.error) {
        assertNumpyError(() => setLocal(x, resolveIndex(c.index, c.shape), value), c.error, label);
        continue;
      }
      setLocal(x, resolveIndex(c.index, c.shape), value);
      assert.deepEqual(Array.from(x.data), c.result!.values, label);
    }
  });
});
