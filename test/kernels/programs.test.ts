// SPDX-License-Identifier: Apache-2.0
/**
 * Fused multi-instruction programs over strided views (broadcast, transposed, reversed, 0-d)
 * against NumPy (fixture from scripts/gen/kernel_programs.py), plus a reduction fused with a
 * program and the integer-power error, on every kernel table.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { Program } from "../../src/kernels/program.js";
import type { View } from "../../src/kernels/view.js";
import { alloc, BACKENDS, contiguousView, decode, firstMismatch, loadFixture } from "./harness.js";

interface Case {
  name: string;
  program: Program;
  ulp: number;
  bases: { dtype: Dtype; data: string }[];
  views: { base: number; offset: number; shape: number[]; strides: number[] }[];
  results: { dtype: Dtype; data: string }[];
}

const { cases } = loadFixture<{ cases: Case[] }>("programs.json");

for (const backend of BACKENDS) {
  describe(`fused programs over strided views [${backend.name}]`, { skip: backend.skip }, () => {
    for (const c of cases) {
      test(c.name, () => {
        const bases = c.bases.map((b) => decode(b.dtype, b.data));
        const inputs: View[] = c.views.map((v) => ({
          dtype: c.bases[v.base]!.dtype,
          data: bases[v.base]!,
          offset: v.offset,
          shape: v.shape,
          strides: v.strides,
        }));
        const shape = c.views[0]!.shape;
        const n = shape.reduce((a, b) => a * b, 1);
        // Outputs start at an offset inside a larger buffer, as pooled blocks do.
        const outs = c.results.map((r) => contiguousView(r.dtype, alloc(r.dtype, n + 5), shape, 5));
        backend.table!.fused(inputs, outs, { program: c.program });
        c.results.forEach((r, j) => {
          const want = decode(r.dtype, r.data);
          const got = outs[j]!.data.subarray(5);
          const i = firstMismatch(r.dtype, got, want, c.ulp);
          assert.equal(i, -1, `result ${j} at ${i}: got ${got[i]}, NumPy ${want[i]}`);
        });
      });
    }

    test("reduce fuses its program: sum(exp(a)*b+1) equals summing the fused result", () => {
      const t = backend.table!;
      const a = Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i) * 3);
      const b = Float64Array.from({ length: 3000 }, (_, i) => Math.cos(i * 0.7));
      const program: Program = {
        regs: ["float64", "float64", "float64", "float64", "float64"],
        nInputs: 2,
        consts: [[3, 1]],
        code: [["exp", 2, 0], ["multiply", 2, 2, 1], ["add", 4, 2, 3]],
        results: [4],
      };
      const ins = [contiguousView("float64", a, [30, 100]), contiguousView("float64", b, [30, 100])];
      const values = contiguousView("float64", new Float64Array(3000), [30, 100]);
      t.fused(ins, [values], { program });
      for (const axes of [[0], [1], [0, 1]]) {
        const kshape = [30, 100].map((s, d) => (axes.includes(d) ? 1 : s));
        const size = kshape.reduce((p, q) => p * q, 1);
        const direct = contiguousView("float64", new Float64Array(size), kshape);
        const twoStep = contiguousView("float64", new Float64Array(size), kshape);
        t.reduce(ins, [direct], { op: "sum", program, axes });
        t.reduce([values], [twoStep], { op: "sum", program: { regs: ["float64"], nInputs: 1, consts: [], code: [], results: [0] }, axes });
        assert.deepEqual(Array.from(direct.data), Array.from(twoStep.data), `axes ${axes}`);
      }
    });

    test("integer power with a negative exponent throws NumPy's error", () => {
      const program: Program = { regs: ["int32", "int32", "int32"], nInputs: 2, consts: [], code: [["power", 2, 0, 1]], results: [2] };
      const a = contiguousView("int32", Int32Array.from([2, 3, 4]), [3]);
      const e = contiguousView("int32", Int32Array.from([1, -1, 2]), [3]);
      const out = contiguousView("int32", new Int32Array(3), [3]);
      assert.throws(() => backend.table!.fused([a, e], [out], { program }), /^Error: Integers to negative integer powers are not allowed\.$/);
    });
  });
}
