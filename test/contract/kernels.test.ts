// SPDX-License-Identifier: Apache-2.0
/**
 * The contraction kernels on their own: the native einsum (pairwise contraction over BLAS) and the
 * native gemm over several terms must agree with the TypeScript reference kernels on views of any
 * layout — permuted, broadcast (stride 0), diagonal, reversed, offset — in float64 and float32.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { EinsumAttrs, GemmAttrs } from "../../src/kernels/manifest.js";
import { nativeKernels } from "../../src/kernels/native/index.js";
import { tsKernels } from "../../src/kernels/ts/index.js";
import type { View } from "../../src/kernels/view.js";

const native = nativeKernels();

/** A view of `shape` over fresh data, read through axis permutation `perm` (default identity). */
function view(dtype: Dtype, shape: number[], perm?: number[], seed = 1): View {
  const n = shape.reduce((a, b) => a * b, 1);
  const data = dtype === "float32" ? new Float32Array(n + 3) : new Float64Array(n + 3);
  for (let i = 0; i < data.length; i++) data[i] = Math.sin(i * 1.37 + seed) * 2;
  const strides: number[] = [];
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  const p = perm ?? shape.map((_, i) => i);
  return { dtype, data, offset: 3, shape: p.map((i) => shape[i]!), strides: p.map((i) => strides[i]!) };
}

function output(dtype: Dtype, size: number): View {
  const data = dtype === "float32" ? new Float32Array(size + 2).fill(7) : new Float64Array(size + 2).fill(7);
  return { dtype, data, offset: 1, shape: [size], strides: [1] };
}

function assertClose(a: View, b: View, size: number, rtol: number, what: string): void {
  for (let i = 0; i < size; i++) {
    const x = a.data[a.offset + i]!;
    const y = b.data[b.offset + i]!;
    assert.ok(Math.abs(x - y) <= rtol * (1 + Math.abs(y)), `${what}: element ${i}: native ${x}, reference ${y}`);
  }
  assert.equal(a.data[0], 7, `${what}: wrote before the output`);
  assert.equal(a.data[a.offset + size], 7, `${what}: wrote past the output`);
}

interface EinsumCase {
  name: string;
  views: (dt: Dtype) => View[];
  attrs: EinsumAttrs;
  size: number;
}

const CASES: EinsumCase[] = [
  { name: "mttkrp ijk,jr,kr->ir", views: (d) => [view(d, [4, 5, 6]), view(d, [5, 3]), view(d, [6, 3], undefined, 2)], attrs: { inputs: [[0, 1, 2], [1, 3], [2, 3]], output: [0, 3] }, size: 12 },
  { name: "transposed matmul", views: (d) => [view(d, [5, 4], [1, 0]), view(d, [5, 3])], attrs: { inputs: [[0, 1], [1, 2]], output: [0, 2] }, size: 12 },
  { name: "batched, output permuted", views: (d) => [view(d, [2, 4, 5]), view(d, [2, 5, 3])], attrs: { inputs: [[9, 0, 1], [9, 1, 2]], output: [2, 9, 0] }, size: 24 },
  { name: "swapped output ki", views: (d) => [view(d, [4, 5]), view(d, [5, 3])], attrs: { inputs: [[0, 1], [1, 2]], output: [2, 0] }, size: 12 },
  { name: "trace", views: (d) => [view(d, [4, 4])], attrs: { inputs: [[0, 0]], output: [] }, size: 1 },
  { name: "diagonal", views: (d) => [view(d, [4, 4])], attrs: { inputs: [[0, 0]], output: [0] }, size: 4 },
  { name: "sum over one label", views: (d) => [view(d, [4, 5])], attrs: { inputs: [[0, 1]], output: [1] }, size: 5 },
  { name: "label in one operand only", views: (d) => [view(d, [4, 5]), view(d, [5, 3])], attrs: { inputs: [[0, 1], [1, 2]], output: [2] }, size: 3 },
  { name: "outer product", views: (d) => [view(d, [4]), view(d, [5])], attrs: { inputs: [[0], [1]], output: [1, 0] }, size: 20 },
  { name: "kron layout", views: (d) => [view(d, [2, 3]), view(d, [4, 5])], attrs: { inputs: [[0, 1], [2, 3]], output: [0, 2, 1, 3] }, size: 120 },
  { name: "chain of three", views: (d) => [view(d, [4, 5]), view(d, [5, 6]), view(d, [6, 3])], attrs: { inputs: [[0, 1], [1, 2], [2, 3]], output: [0, 3] }, size: 12 },
  { name: "two terms, summed label sizes differ", views: (d) => [view(d, [4, 5]), view(d, [5, 3]), view(d, [4, 2]), view(d, [2, 3])], attrs: { inputs: [[0, 1], [1, 2]], output: [0, 2], terms: 2 }, size: 12 },
  { name: "0-d operand", views: (d) => [view(d, []), view(d, [5])], attrs: { inputs: [[], [0]], output: [0] }, size: 5 },
  { name: "tensordot over two labels", views: (d) => [view(d, [3, 4, 5], [2, 0, 1]), view(d, [4, 5, 2], [1, 2, 0])], attrs: { inputs: [[2, 0, 1], [2, 3, 1]], output: [3, 0] }, size: 6 },
  { name: "batch labels with broadcasting", views: (d) => [view(d, [2, 3, 4, 5]), view(d, [3, 5, 6])], attrs: { inputs: [[7, 8, 0, 1], [8, 1, 2]], output: [7, 8, 0, 2] }, size: 144 },
  { name: "diagonal operand in a product", views: (d) => [view(d, [3, 3, 4]), view(d, [4, 5])], attrs: { inputs: [[0, 0, 1], [1, 2]], output: [0, 2] }, size: 15 },
  {
    name: "broadcast (stride 0) and reversed strides",
    views: (d) => {
      const a = view(d, [4, 6]);
      const b = view(d, [6, 3]);
      return [{ ...a, strides: [0, 1], shape: [4, 6] }, { ...b, offset: b.offset + 5 * 3, strides: [-3, 1] }];
    },
    attrs: { inputs: [[0, 1], [1, 2]], output: [0, 2] },
    size: 12,
  },
];

describe("native einsum kernel matches the reference", { skip: native instanceof Error }, () => {
  for (const dtype of ["float64", "float32"] as const) {
    for (const c of CASES) {
      test(`${c.name} (${dtype})`, () => {
        const table = native as Exclude<typeof native, Error>;
        const views = c.views(dtype);
        const got = output(dtype, c.size);
        const want = output(dtype, c.size);
        table.einsum(views, [got], c.attrs);
        tsKernels.einsum(views, [want], c.attrs);
        assertClose(got, want, c.size, dtype === "float32" ? 1e-5 : 1e-12, c.name);
      });
    }
  }
});

describe("gemm kernel over several terms", () => {
  const kernels = native instanceof Error ? [["ts", tsKernels] as const] : ([["ts", tsKernels], ["native", native]] as const);
  for (const [kind, table] of kernels) {
    test(`${kind}: C = A1·B1 + A2ᵀ·B2 + C0`, () => {
      const a1 = view("float64", [3, 4]);
      const b1 = view("float64", [4, 2]);
      const a2 = view("float64", [5, 3], [1, 0]);
      const b2 = view("float64", [5, 2]);
      const c0 = view("float64", [3, 2]);
      const out: View = { ...output("float64", 6), shape: [3, 2], strides: [2, 1] };
      const attrs: GemmAttrs = { terms: 2, accumulate: true };
      table.gemm([a1, b1, a2, b2, c0], [out], attrs);
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 2; j++) {
          let s = c0.data[c0.offset + i * 2 + j]!;
          for (let k = 0; k < 4; k++) s += a1.data[a1.offset + i * 4 + k]! * b1.data[b1.offset + k * 2 + j]!;
          for (let k = 0; k < 5; k++) s += a2.data[a2.offset + k * 3 + i]! * b2.data[b2.offset + k * 2 + j]!;
          const got = out.data[out.offset + i * 2 + j]!;
          assert.ok(Math.abs(got - s) < 1e-12, `C[${i},${j}] = ${got}, expected ${s}`);
        }
      }
    });
  }
  test("reference gemm wraps int32 and ors bools like NumPy", () => {
    const ints = (vals: number[], shape: number[]): View => ({ dtype: "int32", data: Int32Array.from(vals), offset: 0, shape, strides: [shape[1]!, 1] });
    const out: View = { dtype: "int32", data: new Int32Array(1), offset: 0, shape: [1, 1], strides: [1, 1] };
    tsKernels.gemm([ints([2 ** 30, 3], [1, 2]), ints([7, 2 ** 30 + 1], [2, 1])], [out], {});
    assert.equal(out.data[0], Number(BigInt.asIntN(32, 2n ** 30n * 7n + 3n * (2n ** 30n + 1n))));
    const bools = (vals: number[], shape: number[]): View => ({ dtype: "bool", data: Uint8Array.from(vals), offset: 0, shape, strides: [shape[1]!, 1] });
    const bout: View = { dtype: "bool", data: new Uint8Array(1), offset: 0, shape: [1, 1], strides: [1, 1] };
    tsKernels.gemm([bools([1, 1, 1], [1, 3]), bools([1, 1, 1], [3, 1])], [bout], {});
    assert.equal(bout.data[0], 1);
  });
});
