// SPDX-License-Identifier: Apache-2.0
/**
 * numts indexing against NumPy's own answers (scripts/gen/index_fixtures.py): every fixture index
 * string is evaluated three ways (parsed parts; the parts with lists turned into NDArrays; lists
 * turned into opaque arrays, which only resolve) and must give NumPy's shape, values and errors.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
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
import { type GetCase, type NumpyError, type SetCase, arange, expectedClass, isRegular, listToNDArray } from "../helpers/index-cases.js";
import { readFixture } from "../helpers/fixtures.js";

const GET = readFixture<GetCase[]>("index-get.json");
const SET = readFixture<SetCase[]>("index-set.json");

function assertNumpyError(fn: () => unknown, e: NumpyError, label: string): void {
  assert.throws(fn, (err: unknown) => {
    assert.ok(err instanceof expectedClass(e), `${label}: ${String(err)} should be a ${expectedClass(e).name}`);
    assert.equal((err as Error).message, e.message, label);
    return true;
  });
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
