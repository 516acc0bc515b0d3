// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";

const F = readFixture<Record<string, EncodedArray>>("core/cumulative.json");
const local = (name: string) => decodeArray(F[name]!);

describeRuntimes("cumulative sums and products", () => {
  for (const layout of layoutsFor([7, 5])) {
    test(`along every axis, ${layout.name}`, async () => {
      const a = nt.array(local("a"), { blockShape: layout.blockShape });
      const aNan = nt.array(local("a_nan"), { blockShape: layout.blockShape });
      const i = nt.array(local("i"), { blockShape: layout.blockShape });
      const tol = { rtol: 1e-13, atol: 1e-13 };
      for (const axis of [0, 1, -1]) {
        assertArray(await nt.cumsum(a, { axis }).toArray(), local(`cumsum_${axis}`), tol, `cumsum ${axis}`);
        assertArray(await a.divide(2).cumprod({ axis }).toArray(), local(`cumprod_${axis}`), tol, `cumprod ${axis}`);
        assertArray(await nt.nancumsum(aNan, { axis }).toArray(), local(`nancumsum_${axis}`), tol, `nancumsum ${axis}`);
        assertArray(await nt.nancumprod(aNan.divide(2), { axis }).toArray(), local(`nancumprod_${axis}`), tol, `nancumprod ${axis}`);
        assertArray(await nt.cumsum(aNan, { axis }).toArray(), local(`cumsum_nan_${axis}`), tol, `cumsum NaN ${axis}`);
        assertArray(await nt.cumsum(i, { axis }).toArray(), local(`cumsum_int_${axis}`), {}, `cumsum int ${axis}`);
      }
    });
  }

  test("axis null scans the flattened array", async () => {
    const a = local("a");
    const column = Float64Array.from({ length: 7 }, (_, r) => Number(a.data[r * 5]));
    const got = await nt.cumsum(nt.array(column, { blockShape: [3] })).toArray();
    assertArray(got, local("cumsum_flat_1d"), { rtol: 1e-13, atol: 1e-13 });
  });

  test("axis null on an n-d array scans it in C order", async () => {
    const a = nt.array(local("a"), { blockShape: [3, 2] });
    const flat = await nt.cumsum(a).toArray();
    const expected = await nt.cumsum(nt.array(local("a")).ravel(), { axis: 0 }).toArray();
    assertArray(flat, expected, { rtol: 1e-13, atol: 1e-13 });
    assert.deepEqual(flat.shape, [35]);
    assert.deepEqual(await nt.cumsum(nt.array(5)).toNested(), [5]);
  });

  test("bad axes raise AxisError", () => {
    assert.throws(() => nt.cumsum(nt.zeros([2, 2]), { axis: 2 }), { name: "AxisError" });
  });
});
