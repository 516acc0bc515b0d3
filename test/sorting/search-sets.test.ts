// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";
import { expectArray } from "./expect.js";

const S = readFixture<Record<string, EncodedArray>>("sorting/search.json");
const U = readFixture<{
  unique: { name: string; x: EncodedArray; values: EncodedArray; index: EncodedArray; inverse: EncodedArray; counts: EncodedArray }[];
  sets: { name: string; a: EncodedArray; b: EncodedArray; intersect1d: EncodedArray; union1d: EncodedArray; setdiff1d: EncodedArray }[];
}>("sorting/sets.json");
const E = readFixture<Record<string, string>>("sorting/errors.json");
const local = (e: EncodedArray) => decodeArray(e);

describeRuntimes("searchsorted", () => {
  for (const la of layoutsFor(S.a!.shape)) {
    for (const lv of layoutsFor(S.v!.shape)) {
      test(`a ${la.name}, v ${lv.name}`, async () => {
        const a = nt.array(local(S.a!), { blockShape: la.blockShape });
        const v = nt.array(local(S.v!), { blockShape: lv.blockShape });
        await expectArray(nt.searchsorted(a, v), S.left!, "left");
        await expectArray(nt.searchsorted(a, v, { side: "right" }), S.right!, "right");
      });
    }
  }

  test("integer a with number and array v (compared in their common dtype)", async () => {
    const a = nt.array(local(S.ai!), { blockShape: [4] });
    await expectArray(nt.searchsorted(a, 2.5), S.ai_left_2_5!, "2.5");
    await expectArray(nt.searchsorted(a, 3, { side: "right" }), S.ai_right_3!, "3 right");
    await expectArray(nt.searchsorted(a, local(S.ai_v!)), S.ai_v_left!, "int32 v");
  });

  test("as a BlockArray method", async () => {
    const a = nt.array(local(S.a!), { blockShape: [5] });
    await expectArray(a.searchsorted(nt.array(local(S.v!)), { side: "right" }), S.right!, "method");
  });

  test("a must be 1-D; side must be left or right", async () => {
    const [m, s] = [nt.zeros([2, 2]), nt.array(1)];
    assert.throws(() => nt.searchsorted(m, 1), { name: "ShapeError", message: E.searchsorted_2d });
    assert.throws(() => nt.searchsorted(s, 1), { name: "ShapeError", message: E.searchsorted_0d });
    assert.throws(() => nt.searchsorted([1, 2], 1, { side: "middle" as "left" }), { name: "RangeError", message: E.searchsorted_side });
    await Promise.all([m.wait(), s.wait()]);
  });
});

describeRuntimes("isin", () => {
  for (const lx of layoutsFor(S.isin_x!.shape)) {
    for (const lt of layoutsFor(S.isin_t!.shape)) {
      test(`element ${lx.name}, test ${lt.name}`, async () => {
        const x = nt.array(local(S.isin_x!), { blockShape: lx.blockShape });
        const t = nt.array(local(S.isin_t!), { blockShape: lt.blockShape });
        await expectArray(nt.isin(x, t), S.isin!, "isin");
        await expectArray(nt.isin(x, t, { invert: true }), S.isin_invert!, "invert");
      });
    }
  }
});

describeRuntimes("unique", () => {
  for (const c of U.unique) {
    for (const layout of layoutsFor(c.x.shape)) {
      test(`${c.name}, ${layout.name}`, async () => {
        const x = nt.array(local(c.x), { blockShape: layout.blockShape });
        await expectArray(nt.unique(x), c.values, "values only");
        const [values, index, inverse, counts] = nt.unique(x, { returnIndex: true, returnInverse: true, returnCounts: true }) as nt.BlockArray[];
        assert.deepEqual(inverse!.shape, c.x.shape, "the inverse's shape is known at once");
        await expectArray(values!, c.values, "values");
        await expectArray(index!, c.index, "index");
        await expectArray(inverse!, c.inverse, "inverse");
        await expectArray(counts!, c.counts, "counts");
        const [v2, c2] = nt.unique(x, { returnCounts: true }) as nt.BlockArray[];
        await expectArray(v2!, c.values, "values with counts");
        await expectArray(c2!, c.counts, "counts alone");
      });
    }
  }

  test("unique supports NumPy's flattened form only (axis null, equalNan true)", () => {
    const x = nt.array([1, 2]);
    assert.throws(() => nt.unique(x, { axis: 0 as unknown as null }), { name: "TypeError", message: /only axis null/ });
    assert.throws(() => nt.unique(x, { equalNan: false as unknown as true }), { name: "TypeError", message: /only equalNan true/ });
  });

  test("unique of a deferred array and of an empty array", async () => {
    const first = nt.unique(nt.array([3, 1, 3, 2], { blockShape: [2] }));
    await expectArray(nt.unique(first.multiply(2)), { dtype: "float64", shape: [3], data: Buffer.from(new Float64Array([2, 4, 6]).buffer).toString("base64") });
    assert.deepEqual(await nt.unique(nt.zeros([0])).toNested(), []);
  });
});

describeRuntimes("intersect1d, union1d, setdiff1d", () => {
  for (const c of U.sets) {
    for (const la of layoutsFor(c.a.shape)) {
      test(`${c.name}, a ${la.name}`, async () => {
        const a = nt.array(local(c.a), { blockShape: la.blockShape });
        const b = nt.array(local(c.b), { blockShape: [Math.max(1, Math.ceil(c.b.shape[0]! / 2))] });
        await expectArray(nt.intersect1d(a, b), c.intersect1d, "intersect1d");
        await expectArray(nt.union1d(a, b), c.union1d, "union1d");
        await expectArray(nt.setdiff1d(a, b), c.setdiff1d, "setdiff1d");
      });
    }
  }
});
