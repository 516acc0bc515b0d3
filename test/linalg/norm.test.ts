// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { assertArray } from "../helpers/assert.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { decode, distributed, fixture } from "./helpers.js";

interface NormCase {
  x: "x3" | "v";
  ord: number | string | null;
  axis: number | number[] | null;
  keepdims: boolean;
  out: EncodedArray;
}

const fx = fixture<{ x3: EncodedArray; v: EncodedArray; cases: NormCase[] }>("norm.json");

describeRuntimes("linalg.norm: every order, axis and keepdims", () => {
  for (const blocks of [null, [2, 3, 4]]) {
    test(`against NumPy (${blocks ? "blocks 2×3×4" : "one block"})`, async () => {
      const arrays = { x3: distributed(fx.x3, blocks ?? undefined), v: distributed(fx.v, blocks ? [4] : undefined) };
      for (const c of fx.cases) {
        const ord = c.ord === "inf" ? Infinity : c.ord === "-inf" ? -Infinity : (c.ord as nt.linalg.NormOrder);
        const got = nt.linalg.norm(arrays[c.x], { ord, axis: c.axis, keepdims: c.keepdims });
        assertArray(await got.toArray(), decode(c.out), { rtol: 1e-11, atol: 1e-12 }, `norm(${c.x}, ord=${String(c.ord)}, axis=${JSON.stringify(c.axis)}, keepdims=${c.keepdims})`);
        got.dispose();
      }
      arrays.x3.dispose();
      arrays.v.dispose();
    });
  }

  test("ord positionally, float32 stays float32, integers compute in float64", async () => {
    const a = nt.array([[3, 4], [0, 0]], { dtype: "int32" });
    const n = nt.linalg.norm(a, 1);
    assert.equal(n.dtype, "float64");
    assert.equal(await n.item(), 4);
    const f = nt.linalg.norm(nt.array([3, 4], { dtype: "float32" }));
    assert.equal(f.dtype, "float32");
    assert.equal(await f.item(), 5);
  });
});
