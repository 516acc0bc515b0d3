// SPDX-License-Identifier: Apache-2.0
/**
 * `take` with a distributed index (the matching gather: one task per node, whole rows copied when
 * the index is constant along the innermost run, one pass per source for 1-d gathers) against the
 * same take with the index known to the planner (the routed gather) and against plain JS, under
 * every runtime (3-node cluster included) and every source layout, with a ragged index layout.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NDArray } from "../../src/array/ndarray.js";
import * as nt from "../../src/index.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";
import { arange } from "./helpers.js";

/** Deterministic indices in [-n, n) (negative ones count from the end), int32. */
function indices(count: number, n: number): Int32Array {
  return Int32Array.from({ length: count }, (_, i) => ((i * 7919 + 3) % (2 * n)) - n);
}

const CASES: { shape: number[]; axis: number; count: number; transpose?: boolean }[] = [
  { shape: [37, 5], axis: 0, count: 50 }, // rows: one copy per row
  { shape: [37, 5], axis: 1, count: 11 },
  { shape: [101], axis: 0, count: 230 }, // 1-d
  { shape: [6, 9, 4], axis: 1, count: 13 },
  { shape: [9, 12], axis: 0, count: 20, transpose: true }, // a strided source view
];

describeRuntimes("take with a distributed index", () => {
  for (const c of CASES) {
    layoutsFor(c.shape).forEach((layout) => {
      test(`x${JSON.stringify(c.shape)}${c.transpose ? ".T" : ""} axis ${c.axis} (${layout.name})`, async () => {
        const base = nt.array(arange(c.shape), { blockShape: layout.blockShape });
        const x = c.transpose ? base.T : base;
        const n = x.shape[c.axis]!;
        const idx = indices(c.count, n);
        const local = new NDArray(idx, [idx.length], "int32");
        const dist = nt.array(local, { blockShape: [Math.max(1, Math.ceil(idx.length * 0.4))] });
        try {
          const got = await nt.take(x, dist, { axis: c.axis }).toArray();
          const known = await nt.take(x, local, { axis: c.axis }).toArray();
          assert.deepEqual([...got.shape], [...known.shape]);
          assert.deepEqual(Array.from(got.data), Array.from(known.data));
          // Plain JS: out[pre, i, post] = x[pre, idx[i], post].
          const xs = await x.toArray();
          const pre = x.shape.slice(0, c.axis).reduce((a, b) => a * b, 1);
          const post = x.shape.slice(c.axis + 1).reduce((a, b) => a * b, 1);
          const want: number[] = [];
          for (let p = 0; p < pre; p++) {
            for (const v of idx) for (let q = 0; q < post; q++) want.push(xs.data[(p * n + (v < 0 ? v + n : v)) * post + q] as number);
          }
          assert.deepEqual(Array.from(got.data), want);
        } finally {
          base.dispose();
          dist.dispose();
        }
      });
    });
  }

  test("an out-of-bounds distributed index still rejects with NumPy's message", async () => {
    const x = nt.array(arange([10, 3]), { blockShape: [4, 3] });
    const dist = nt.array(new NDArray(Int32Array.from([1, 10, 2]), [3], "int32"), { blockShape: [2] });
    try {
      await assert.rejects(nt.take(x, dist, { axis: 0 }).toArray(), /index 10 is out of bounds for axis 0 with size 10/);
    } finally {
      x.dispose();
      dist.dispose();
    }
  });
});
