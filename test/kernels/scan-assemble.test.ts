// SPDX-License-Identifier: Apache-2.0
/**
 * scan (cumsum/cumprod and nan variants) against NumPy (fixture from scripts/gen/kernel_reduce.py),
 * including a carry that splits the scan into two blocks; assemble with contiguous and strided
 * regions and a fill.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { ScanAttrs } from "../../src/kernels/manifest.js";
import type { View } from "../../src/kernels/view.js";
import { alloc, BACKENDS, contiguousView, decode, firstMismatch, loadFixture } from "./harness.js";

interface ScanCase {
  op: ScanAttrs["op"];
  dtype: Dtype;
  out: Dtype;
  shape: number[];
  axis: number;
  data: string;
  expected: string;
}

const { cases } = loadFixture<{ cases: ScanCase[] }>("scan.json");

for (const backend of BACKENDS) {
  describe(`scan [${backend.name}]`, { skip: backend.skip }, () => {
    for (const c of cases) {
      test(`${c.op} ${c.dtype}${JSON.stringify(c.shape)} axis ${c.axis} -> ${c.out}`, () => {
        const t = backend.table!;
        const x = contiguousView(c.dtype, decode(c.dtype, c.data), c.shape);
        const want = decode(c.out, c.expected);
        const out = contiguousView(c.out, alloc(c.out, want.length), c.shape);
        t.scan([x], [out], { op: c.op, axis: c.axis, hasCarry: false });
        // float32 cumulative sums accumulate in float32 on both sides, in the same order.
        let i = firstMismatch(c.out, out.data, want);
        assert.equal(i, -1, `whole: at ${i} got ${out.data[i]} want ${want[i]}`);
        // The same scan in two blocks along the axis, the second carrying the first's last slab.
        const len = c.shape[c.axis]!;
        if (len < 2) return;
        const cut = len >> 1;
        const part = (lo: number, hi: number, v: View): View => {
          const shape = [...v.shape];
          shape[c.axis] = hi - lo;
          return { ...v, offset: v.offset + lo * v.strides[c.axis]!, shape };
        };
        const second = contiguousView(c.out, alloc(c.out, want.length), c.shape);
        const tail = part(cut, len, second);
        const tailOut = contiguousView(c.out, alloc(c.out, tail.shape.reduce((a, b) => a * b, 1)), tail.shape);
        t.scan([part(cut, len, x), part(cut - 1, cut, out)], [tailOut], { op: c.op, axis: c.axis, hasCarry: true });
        const full = part(cut, len, contiguousView(c.out, want, c.shape));
        const expectTail = alloc(c.out, tailOut.data.length);
        t.assemble([full], [contiguousView(c.out, expectTail, tail.shape)], { starts: [c.shape.map(() => 0)], fill: 0 });
        i = firstMismatch(c.out, tailOut.data, expectTail);
        assert.equal(i, -1, `carried: at ${i} got ${tailOut.data[i]} want ${expectTail[i]}`);
      });
    }
  });

  describe(`assemble [${backend.name}]`, { skip: backend.skip }, () => {
    test("regions from contiguous, transposed and reversed views, rest filled", () => {
      const t = backend.table!;
      const a = contiguousView("float64", Float64Array.from({ length: 6 }, (_, i) => i + 1), [2, 3]);
      const bT: View = { dtype: "float64", data: Float64Array.from({ length: 6 }, (_, i) => 10 + i), offset: 0, shape: [3, 2], strides: [1, 3] };
      const cR: View = { dtype: "float64", data: Float64Array.from([100, 200, 300]), offset: 2, shape: [1, 3], strides: [3, -1] };
      const out = contiguousView("float64", alloc("float64", 5 * 4), [5, 4]);
      t.assemble([a, bT, cR], [out], { starts: [[0, 0], [2, 1], [4, 0]], fill: -1 });
      assert.deepEqual(Array.from(out.data), [1, 2, 3, -1, 4, 5, 6, -1, -1, 10, 13, -1, -1, 11, 14, -1, 300, 200, 100, -1]);
    });
    test("regions tiling the whole block (no fill pass), int16, with an output offset", () => {
      const t = backend.table!;
      const buf = new Int16Array(3 + 4 * 6);
      const out: View = { dtype: "int16", data: buf, offset: 3, shape: [4, 6], strides: [6, 1] };
      const left = contiguousView("int16", Int16Array.from({ length: 24 }, (_, i) => i), [4, 3]);
      const right = contiguousView("int16", Int16Array.from({ length: 12 }, (_, i) => -i), [4, 3]);
      buf.fill(77);
      t.assemble([left, right], [out], { starts: [[0, 0], [0, 3]], fill: 9 });
      assert.deepEqual(Array.from(buf.subarray(0, 3)), [77, 77, 77]);
      assert.deepEqual(Array.from(buf.subarray(3, 9)), [0, 1, 2, 0, -1, -2]);
      assert.deepEqual(Array.from(buf.subarray(21, 27)), [9, 10, 11, -9, -10, -11]);
    });
  });
}
