// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";
import { expectArray } from "./expect.js";

const C = readFixture<Record<string, EncodedArray> & { allclose: boolean; allclose_nan: boolean; nz_all: number }>("sorting/closeness.json");

describeRuntimes("isclose, allclose, arrayEqual", () => {
  for (const layout of layoutsFor(C.a.shape)) {
    test(`isclose, ${layout.name}`, async () => {
      const a = nt.array(decodeArray(C.a), { blockShape: layout.blockShape });
      const b = nt.array(decodeArray(C.b), { blockShape: [4] });
      await expectArray(nt.isclose(a, b), C.isclose, "defaults");
      await expectArray(nt.isclose(a, b, { rtol: 1e-3, equalNan: true }), C.isclose_nan_rtol, "rtol, equalNan");
      await expectArray(nt.isclose(a, b, { atol: 0 }), C.isclose_atol0, "atol 0");
      await expectArray(nt.isclose(a, 1), C.isclose_scalar, "scalar b");
      assert.equal(await nt.allclose(a, b), C.allclose);
    });
  }

  test("allclose and arrayEqual return booleans like NumPy", async () => {
    assert.equal(await nt.allclose([1, NaN], [1, NaN]), false);
    assert.equal(await nt.allclose([1, NaN], [1, NaN], { equalNan: true }), C.allclose_nan);
    assert.equal(await nt.arrayEqual([1, 2], [1, 2, 3]), false);
    assert.equal(await nt.arrayEqual(nt.array([1, 2], { blockShape: [1] }), [1, 2]), true);
    assert.equal(await nt.arrayEqual([1, NaN], [1, NaN]), false);
    assert.equal(await nt.arrayEqual([1, NaN], [1, NaN], { equalNan: true }), true);
    assert.equal(await nt.arrayEqual([1, NaN], [NaN, 1], { equalNan: true }), false);
    assert.equal(await nt.arrayEqual(nt.arange(6, { blockShape: [4] }), nt.arange(6).add(0)), true);
  });
});

describeRuntimes("countNonzero", () => {
  for (const layout of layoutsFor(C.nz.shape)) {
    test(layout.name, async () => {
      const x = nt.array(decodeArray(C.nz), { blockShape: layout.blockShape });
      assert.equal(await nt.countNonzero(x).item(), C.nz_all);
      await expectArray(nt.countNonzero(x, { axis: 0 }), C.nz_axis0, "axis 0");
      await expectArray(nt.countNonzero(x, { axis: 1, keepdims: true }), C.nz_axis1_keep, "axis 1 keepdims");
    });
  }
});
