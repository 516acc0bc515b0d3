// SPDX-License-Identifier: Apache-2.0
/**
 * Reductions do not depend on memory layout, and combine trees agree with whole-block reductions:
 * - a permuted or reversed (negative-stride) view of the same logical block gives bit-identical
 *   states (the summation order is defined on the logical value sequence, not on memory);
 * - the TypeScript and native tables agree bit for bit;
 * - reducing a block in pieces along a reduced axis and combining the pieces' states (with global
 *   indices via indexBase) matches the whole-block state: exactly for order-free ops, within
 *   rounding for float sums and moments.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import { reduceStateDtypes } from "../../src/kernels/manifest.js";
import { REDUCE_OPS } from "../../src/kernels/ops.js";
import { identityProgram } from "../../src/kernels/program.js";
import type { View } from "../../src/kernels/view.js";
import { alloc, BACKENDS, contiguousView } from "./harness.js";
import { flatIndexStrides, runReduce } from "./reduce.test.js";

function randomBlock(dt: Dtype, shape: number[], seed: number): View {
  const n = shape.reduce((a, b) => a * b, 1);
  const d = alloc(dt, n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 4294967296;
    d[i] = dt.startsWith("float") ? (u < 0.03 ? NaN : (u - 0.3) * 1000) : Math.floor(u * 7) - (dt.startsWith("u") ? 0 : 3);
  }
  return contiguousView(dt, d, shape);
}

/** The same logical block stored transposed (axes reversed in memory) and the given axis reversed. */
function relayout(x: View, flip: number): View {
  const nd = x.shape.length;
  const mem = alloc(x.dtype, x.data.length);
  // memory strides of the reversed-axis layout
  const ms: number[] = [];
  let acc = 1;
  for (let d = 0; d < nd; d++) {
    ms[d] = acc;
    acc *= x.shape[d]!;
  }
  const idx = x.shape.map(() => 0);
  for (let i = 0; i < x.data.length; i++) {
    let o = 0;
    for (let d = 0; d < nd; d++) o += (d === flip ? x.shape[d]! - 1 - idx[d]! : idx[d]!) * ms[d]!;
    mem[o] = x.data[i]!;
    for (let d = nd - 1; d >= 0; d--) {
      if (++idx[d]! < x.shape[d]!) break;
      idx[d] = 0;
    }
  }
  let offset = 0;
  const strides = ms.map((s, d) => (d === flip ? -s : s));
  offset += (x.shape[flip]! - 1) * ms[flip]!;
  return { dtype: x.dtype, data: mem, offset, shape: x.shape, strides };
}

const sumDtype = (dt: Dtype): Dtype => (dt.startsWith("float") ? dt : "float64");
const CASES: { dt: Dtype; shape: number[]; axes: number[] }[] = [
  { dt: "float64", shape: [700, 5], axes: [0] },
  { dt: "float64", shape: [5, 700], axes: [1] },
  { dt: "float64", shape: [30, 20, 9], axes: [0, 2] },
  { dt: "float32", shape: [40, 300], axes: [0, 1] },
  { dt: "float64", shape: [3000], axes: [0] },
  { dt: "int16", shape: [60, 7, 5], axes: [1] },
  // Innermost axis kept and long: the native row-wise walk (with several column strips).
  { dt: "float64", shape: [300, 600], axes: [0] },
  { dt: "float32", shape: [3, 40, 5, 20], axes: [1, 2] },
  { dt: "int16", shape: [70, 3, 33], axes: [0] },
];

function bitsEqual(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i]) && !(a[i] !== a[i] && b[i] !== b[i])) return false;
  return a.length === b.length;
}

const ops = REDUCE_OPS.filter((op) => op !== "all" && op !== "any");

describe("reduce layout invariance and backend agreement", () => {
  for (const { dt, shape, axes } of CASES) {
    for (const op of ops) {
      if (op.startsWith("nan") && !dt.startsWith("float")) continue;
      test(`${op} ${dt}${JSON.stringify(shape)} axes ${JSON.stringify(axes)}`, () => {
        const x = randomBlock(dt, shape, 99);
        const states = reduceStateDtypes(op, dt, sumDtype(dt));
        const ref = runReduce(BACKENDS[0]!.table!, x, op, axes, states);
        for (const backend of BACKENDS) {
          if (!backend.table) continue;
          for (let flip = 0; flip < shape.length; flip++) {
            const got = runReduce(backend.table, relayout(x, flip), op, axes, states);
            got.forEach((g, j) => assert.ok(bitsEqual(g, ref[j]!), `${backend.name} flip ${flip} output ${j} differs from ts contiguous`));
          }
          const got = runReduce(backend.table, x, op, axes, states);
          got.forEach((g, j) => assert.ok(bitsEqual(g, ref[j]!), `${backend.name} output ${j} differs from ts`));
        }
      });
    }
  }
});

/** The sub-block x[.., lo:hi, ..] along `axis` as a view (no copy). */
function slice(x: View, axis: number, lo: number, hi: number): View {
  const shape = [...x.shape];
  shape[axis] = hi - lo;
  return { ...x, offset: x.offset + lo * x.strides[axis]!, shape };
}

for (const backend of BACKENDS) {
  describe(`combine [${backend.name}]`, { skip: backend.skip }, () => {
    const shape = [600, 7];
    const axes = [0];
    for (const dt of ["float64", "int32"] as Dtype[]) {
      for (const op of REDUCE_OPS) {
        if (op.startsWith("nan") && dt === "int32") continue;
        test(`${op} ${dt}: ((A ∘ B) ∘ C) over three row blocks = whole block`, () => {
          const t = backend.table!;
          const x = randomBlock(dt, shape, 5);
          const states = reduceStateDtypes(op, dt, sumDtype(dt));
          const whole = runReduce(t, x, op, axes, states);
          const cuts = [0, 200, 450, 600];
          const parts = cuts.slice(0, -1).map((lo, k) => {
            const v = slice(x, 0, lo, cuts[k + 1]!);
            const outs = states.map((s) => contiguousView(s, alloc(s, 7), [1, 7]));
            t.reduce([v], outs, {
              op,
              program: identityProgram(dt),
              axes,
              indexBase: [lo, 0],
              indexStrides: flatIndexStrides(shape, axes),
            });
            return outs;
          });
          const merge = (a: View[], b: View[]): View[] => {
            const outs = states.map((s) => contiguousView(s, alloc(s, 7), [1, 7]));
            t.combine([...a, ...b], outs, { op });
            return outs;
          };
          const left = merge(merge(parts[0]!, parts[1]!), parts[2]!);
          const right = merge(parts[0]!, merge(parts[1]!, parts[2]!));
          const rounded = op === "prod" || op === "nanprod" || op.endsWith("moments") || (dt !== "int32" && (op === "sum" || op === "nansum"));
          for (const got of [left, right]) {
            got.forEach((g, j) => {
              const w = whole[j]!;
              for (let i = 0; i < w.length; i++) {
                const a = g.data[i]!;
                const b = w[i]!;
                if ((a !== a && b !== b) || a === b) continue;
                if (!rounded || (op.endsWith("moments") && j === 0)) assert.ok(Object.is(a, b), `output ${j} cell ${i}: ${a} vs ${b}`);
                else assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `output ${j} cell ${i}: ${a} vs ${b}`);
              }
            });
          }
        });
      }
    }
  });
}

