// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";
import { expectArray } from "./expect.js";

interface Case {
  name: string;
  axis: number | number[] | null;
  keepdims: boolean;
  median: EncodedArray;
  nanmedian: EncodedArray;
  percentile_37_5: EncodedArray;
  quantile_list: EncodedArray;
  nanpercentile_list: EncodedArray;
  nanquantile_0_3: EncodedArray;
}

const Q = readFixture<{ inputs: Record<string, EncodedArray>; cases: Case[]; big: { median: number; percentiles: EncodedArray; nanmedian: number } }>("sorting/quantile.json");
const E = readFixture<Record<string, string>>("sorting/errors.json");

/** Round half to even (NumPy's rint). */
function rint(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}

describeRuntimes("median, percentile, quantile", () => {
  for (const [name, input] of Object.entries(Q.inputs)) {
    for (const layout of layoutsFor(input.shape)) {
      test(`${name}, ${layout.name}`, async () => {
        const x = nt.array(decodeArray(input), { blockShape: layout.blockShape });
        for (const c of Q.cases.filter((k) => k.name === name)) {
          const o = { axis: c.axis, keepdims: c.keepdims };
          const what = `axis ${JSON.stringify(c.axis)} keepdims ${c.keepdims}`;
          const m = nt.median(x, o);
          assert.deepEqual(m.shape, c.median.shape, `${what} median shape known at once`);
          await expectArray(m, c.median, `${what} median`);
          await expectArray(nt.nanmedian(x, o), c.nanmedian, `${what} nanmedian`);
          await expectArray(nt.percentile(x, 37.5, o), c.percentile_37_5, `${what} percentile 37.5`);
          await expectArray(nt.quantile(x, [0, 0.25, 0.5, 0.9, 1], o), c.quantile_list, `${what} quantile list`);
          await expectArray(nt.nanpercentile(x, [5, 50, 99], o), c.nanpercentile_list, `${what} nanpercentile list`);
          await expectArray(nt.nanquantile(x, 0.3, o), c.nanquantile_0_3, `${what} nanquantile 0.3`);
        }
      });
    }
  }

  test("a 20001-element array in 7 blocks: distributed selection, exact", async () => {
    const n = 20001;
    const data = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let h = (i + Math.imul(5, 0x9e3779b9)) >>> 0;
      h = (h ^ (h >>> 16)) >>> 0;
      h = Math.imul(h, 0x7feb352d) >>> 0;
      h = (h ^ (h >>> 15)) >>> 0;
      h = Math.imul(h, 0x846ca68b) >>> 0;
      h = (h ^ (h >>> 16)) >>> 0;
      data[i] = h / 4294967296 - 0.5;
    }
    // NumPy's big[::97] = round(big[::97], 1): ties for the selection to cope with.
    for (let i = 0; i < n; i += 97) data[i] = rint(data[i]! * 10) / 10;
    const x = nt.array(data, { blockShape: [Math.ceil(n / 7)] });
    assert.equal(await nt.median(x).item(), Q.big.median);
    assert.equal(await nt.nanmedian(x).item(), Q.big.nanmedian);
    await expectArray(nt.percentile(x, [0, 1, 33.3, 50, 99.9, 100]), Q.big.percentiles, "percentiles");
  });

  test("bad q, bad axis, boolean data and empty lanes raise NumPy's errors", async () => {
    const x = nt.zeros([2, 3]);
    assert.throws(() => nt.percentile(x, 101), { name: "RangeError", message: E.percentile_range });
    assert.throws(() => nt.percentile(x, [50, -1]), { name: "RangeError", message: E.percentile_range });
    assert.throws(() => nt.quantile(x, [0.5, -0.1]), { name: "RangeError", message: E.quantile_range });
    assert.throws(() => nt.quantile(x, NaN), { name: "RangeError", message: E.quantile_range });
    assert.throws(() => nt.median(x, { axis: 2 }), { name: "AxisError", message: E.median_axis });
    assert.throws(() => nt.quantile(x, 0.5, { axis: [0, 0] }), { name: "AxisError" });
    assert.throws(() => nt.quantile(nt.array([true, false]), 0.5), { name: "DtypeError", message: E.quantile_bool });
    const b = nt.array([true, false]);
    const empty = nt.zeros([0]);
    assert.throws(() => nt.quantile(empty, 0.5), { name: "IndexError", message: E.quantile_empty });
    await Promise.all([x.wait(), b.wait(), empty.wait()]);
  });
});
