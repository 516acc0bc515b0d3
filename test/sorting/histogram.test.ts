// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";
import { expectArray } from "./expect.js";

const H = readFixture<Record<string, EncodedArray & EncodedArray[]>>("sorting/histogram.json");
const E = readFixture<Record<string, string>>("sorting/errors.json");
const local = (name: string) => decodeArray(H[name]!);

async function expectHistogram(got: [nt.BlockArray, nt.BlockArray], want: EncodedArray[], what: string, rtol = 0): Promise<void> {
  assert.deepEqual(got[0].shape, want[0]!.shape, `${what} counts shape known at once`);
  await expectArray(got[0], want[0]!, `${what} counts`, { rtol });
  await expectArray(got[1], want[1]!, `${what} edges`);
}

describeRuntimes("histogram", () => {
  for (const layout of layoutsFor(H.x!.shape)) {
    test(`float64 data, ${layout.name}`, async () => {
      const x = nt.array(local("x"), { blockShape: layout.blockShape });
      const w = nt.array(local("w"), { blockShape: [4, 2] });
      await expectHistogram(nt.histogram(x), H.auto_10!, "bins=10");
      await expectHistogram(nt.histogram(x, 5, { range: [-3, 4.5] }), H.range_5!, "range");
      await expectHistogram(nt.histogram(x, [-10, -2, 0, 0.25, 3, 10]), H.edges!, "edges");
      await expectHistogram(nt.histogram(x, [-10, -2, 0, 0.25, 3, 10], { density: true }), H.edges_density!, "edges density");
      await expectHistogram(nt.histogram(x, 4, { range: [-5, 5], density: true }), H.range_density!, "range density");
      // NumPy sums weights in chunks with bincount; the sums may differ in the last bit.
      await expectHistogram(nt.histogram(x, 4, { range: [-5, 5], weights: w }), H.weights!, "weights", 1e-15);
    });
    test(`float32 and int32 data, ${layout.name}`, async () => {
      const x32 = nt.array(local("x32"), { blockShape: layout.blockShape });
      await expectHistogram(nt.histogram(x32, 7), H.auto_7_f32!, "float32 bins=7 (float32 edges)");
      await expectHistogram(nt.histogram(x32, 3, { range: [-0.1, 0.7] }), H.range_3_f32!, "float32 range");
      const xi = nt.array(local("xi"));
      await expectHistogram(nt.histogram(xi, 6), H.auto_6_int!, "int32 bins=6");
    });
  }

  test("constant data widens the range by 0.5 each way", async () => {
    await expectHistogram(nt.histogram(nt.full([6], 3), 4), H.constant!, "constant");
  });

  test("bad bins and range raise NumPy's errors", async () => {
    const x = nt.array([1, 2]);
    assert.throws(() => nt.histogram(x, [1, 3, 2]), { name: "RangeError", message: E.histogram_monotonic });
    assert.throws(() => nt.histogram(x, 0), { name: "RangeError", message: E.histogram_bins_positive });
    assert.throws(() => nt.histogram(x, [[1, 2]]), { name: "RangeError", message: E.histogram_bins_2d });
    assert.throws(() => nt.histogram(x, 2.5), { name: "TypeError", message: "`bins` must be an integer, a string, or an array" });
    assert.throws(() => nt.histogram(x, 10, { range: [3, 1] }), { name: "RangeError", message: E.histogram_range_order });
    assert.throws(() => nt.histogram(x, 10, { range: [0, Infinity] }), { name: "RangeError", message: E.histogram_range_finite });
    assert.throws(() => nt.histogram(x, 10, { weights: [1, 2, 3] }), { name: "ShapeError", message: "weights should have the same shape as a." });
    await assert.rejects(nt.histogram(nt.array([1, NaN]))[0].toArray(), { name: "RangeError", message: E.histogram_autodetect_nan });
    await x.wait();
  });
});

describeRuntimes("bincount", () => {
  for (const layout of layoutsFor(H.bin_x!.shape)) {
    test(`counts and weights, ${layout.name}`, async () => {
      const x = nt.array(local("bin_x"), { blockShape: layout.blockShape });
      await expectArray(nt.bincount(x), H.bincount!, "bincount");
      await expectArray(nt.bincount(x, { weights: nt.array(local("bin_w"), { blockShape: [7] }) }), H.bincount_w!, "weights");
      await expectArray(nt.bincount(x, { minlength: 40 }), H.bincount_min!, "minlength");
    });
  }

  test("uint8 and bool input", async () => {
    await expectArray(nt.bincount(nt.array([3, 3, 0, 7], { dtype: "uint8" })), H.bincount_u8!, "uint8");
    assert.deepEqual(await nt.bincount(nt.array([true, false, true])).toNested(), [1, 2]);
  });

  test("bad input raises NumPy's errors", async () => {
    assert.throws(() => nt.bincount(nt.array([1.5, 2])), { name: "DtypeError", message: E.bincount_float });
    const m = nt.zeros([2, 2], { dtype: "int32" });
    assert.throws(() => nt.bincount(m), { name: "ShapeError", message: E.bincount_2d });
    await m.wait();
    assert.throws(() => nt.bincount(nt.array(3, { dtype: "int32" })), { name: "ShapeError", message: "object of too small depth for desired array" });
    assert.throws(() => nt.bincount(nt.array([1], { dtype: "int32" }), { minlength: -1 }), { name: "RangeError", message: E.bincount_minlength });
    assert.throws(() => nt.bincount(nt.array([1, 2], { dtype: "int32" }), { weights: [1] }), { name: "ShapeError", message: E.bincount_weights });
    await assert.rejects(nt.bincount(nt.array([1, -1], { dtype: "int32" })).toArray(), { name: "RangeError", message: E.bincount_negative });
  });
});
