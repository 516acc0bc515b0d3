// SPDX-License-Identifier: Apache-2.0
/**
 * Shared machinery for the linear-algebra kernel tests: both kernel sets (native skipped, not
 * failed, when the addon is missing), input views in several layouts, outputs inside guarded
 * buffers (a kernel writing outside its output fails the test), dense float64 matrix arithmetic
 * for residuals, and LAPACK's test criterion for them.
 */
import assert from "node:assert/strict";
import { describe } from "node:test";
import { type Dtype, storageOf } from "../../src/array/dtype.js";
import { NDArray } from "../../src/array/ndarray.js";
import type { KernelAttrs, KernelName, KernelResult, KernelTable } from "../../src/kernels/manifest.js";
import { nativeKernels } from "../../src/kernels/native/index.js";
import { tsKernels } from "../../src/kernels/ts/index.js";
import type { View } from "../../src/kernels/view.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";

export interface KernelSet {
  readonly name: string;
  readonly table: KernelTable;
  readonly skip?: string;
}

const native = nativeKernels();

export const KERNEL_SETS: readonly KernelSet[] = [
  native instanceof Error ? { name: "native", table: tsKernels, skip: `addon unavailable: ${native.message}` } : { name: "native", table: native },
  { name: "ts", table: tsKernels },
];

/** Runs `body` once per kernel set inside a describe. */
export function forEachKernelSet(title: string, body: (set: KernelSet) => void): void {
  for (const set of KERNEL_SETS) describe(`${title} [${set.name} kernels]`, set.skip ? { skip: set.skip } : {}, () => body(set));
}

/** Reads test/fixtures/linalg-kernels/<name>. */
export function fixture<T>(name: string): T {
  return readFixture<T>(`linalg-kernels/${name}`);
}

export const decode = (e: EncodedArray): NDArray => decodeArray(e);

// ---- Input layouts --------------------------------------------------------------------------

export interface Layout {
  readonly name: string;
  /** A view of the 1-D or 2-D array `a` in this layout (same dtype). */
  view(a: NDArray): View;
}

function buffer(dtype: Dtype, n: number, fill = 7.5): View["data"] {
  const data = new (storageOf(dtype))(n);
  data.fill(fill);
  return data;
}

const contiguous: Layout = {
  name: "contiguous",
  view: (a) => ({ dtype: a.dtype, data: a.data.slice(), offset: 0, shape: [...a.shape], strides: a.strides }),
};

/** Stored as its transpose (column-major): a deferred transpose. */
const transposedLayout: Layout = {
  name: "transposed",
  view(a) {
    if (a.ndim !== 2) return contiguous.view(a);
    const [m, n] = a.shape as [number, number];
    const data = buffer(a.dtype, m * n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[j * m + i] = a.data[i * n + j]!;
    return { dtype: a.dtype, data, offset: 0, shape: [m, n], strides: [1, Math.max(m, 1)] };
  },
};

/** Inside a larger buffer: an offset, and a row stride with 3 elements of padding (a sub-block). */
const padded: Layout = {
  name: "padded",
  view(a) {
    const rows = a.shape[0]!;
    const n = a.ndim === 2 ? a.shape[1]! : 1;
    const ld = n + 3;
    const data = buffer(a.dtype, 5 + rows * ld + 4, Number.NaN);
    for (let i = 0; i < rows; i++) for (let j = 0; j < n; j++) data[5 + i * ld + j] = a.data[i * n + j]!;
    return a.ndim === 2
      ? { dtype: a.dtype, data, offset: 5, shape: [rows, n], strides: [ld, 1] }
      : { dtype: a.dtype, data, offset: 5, shape: [rows], strides: [ld] };
  },
};

/** Rows stored in reverse order with a negative row stride (a flipped view). */
const reversed: Layout = {
  name: "reversed",
  view(a) {
    const rows = a.shape[0]!;
    const n = a.ndim === 2 ? a.shape[1]! : 1;
    const data = buffer(a.dtype, rows * n);
    for (let i = 0; i < rows; i++) for (let j = 0; j < n; j++) data[(rows - 1 - i) * n + j] = a.data[i * n + j]!;
    const offset = Math.max(rows - 1, 0) * n;
    return a.ndim === 2 ? { dtype: a.dtype, data, offset, shape: [rows, n], strides: [-n, 1] } : { dtype: a.dtype, data, offset, shape: [rows], strides: [-1] };
  },
};

export const LAYOUTS: readonly Layout[] = [contiguous, transposedLayout, padded, reversed];

// ---- Running kernels with guarded outputs ----------------------------------------------------

const GUARD = 6;
const SENTINEL = -12345.5;

/** A contiguous output of `shape` with GUARD sentinel elements on each side. */
export function outputView(dtype: Dtype, shape: readonly number[]): View {
  const size = shape.reduce((p, d) => p * d, 1);
  const data = buffer(dtype, size + 2 * GUARD, SENTINEL);
  data.fill(Number.NaN, GUARD, GUARD + size); // a kernel must write every element
  const strides = shape.map((_, i) => shape.slice(i + 1).reduce((p, d) => p * d, 1));
  return { dtype, data, offset: GUARD, shape: [...shape], strides };
}

function checkGuards(v: View, what: string): void {
  const size = v.shape.reduce((p, d) => p * d, 1);
  for (let i = 0; i < GUARD; i++) {
    assert.equal(v.data[i], v.dtype === "int32" ? Math.trunc(SENTINEL) : SENTINEL, `${what}: wrote before its output`);
    assert.equal(v.data[GUARD + size + i], v.dtype === "int32" ? Math.trunc(SENTINEL) : SENTINEL, `${what}: wrote past its output`);
  }
}

export interface OutputSpec {
  readonly shape: readonly number[];
  readonly dtype?: Dtype;
}

/** Runs kernel `name` of `set`; returns the outputs as NDArrays (guards checked) and its result. */
export function run<N extends KernelName>(
  set: KernelSet,
  name: N,
  inputs: readonly View[],
  outputs: readonly OutputSpec[],
  attrs: KernelAttrs[N],
  dtype: Dtype,
): { out: NDArray[]; result: KernelResult } {
  const views = outputs.map((o) => outputView(o.dtype ?? dtype, o.shape));
  const kernel = set.table[name] as (i: readonly View[], o: readonly View[], a: KernelAttrs[N]) => KernelResult;
  const result = kernel(inputs, views, attrs);
  const out = views.map((v, i) => {
    checkGuards(v, `${name} output ${i}`);
    const size = v.shape.reduce((p, d) => p * d, 1);
    return new NDArray(v.data.slice(GUARD, GUARD + size), v.shape, v.dtype);
  });
  return { out, result };
}

// ---- Dense float64 matrices ------------------------------------------------------------------

export interface Dense {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** An NDArray (1-D as a column) as a float64 Dense. */
export function dense(a: NDArray): Dense {
  const rows = a.shape[0] ?? 1;
  const cols = a.ndim === 2 ? a.shape[1]! : 1;
  return { rows, cols, data: Float64Array.from(a.data, Number) };
}

export function mul(a: Dense, b: Dense): Dense {
  assert.equal(a.cols, b.rows, "mul: inner dimensions");
  const c = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let p = 0; p < a.cols; p++) {
      const x = a.data[i * a.cols + p]!;
      for (let j = 0; j < b.cols; j++) c[i * b.cols + j]! += x * b.data[p * b.cols + j]!;
    }
  }
  return { rows: a.rows, cols: b.cols, data: c };
}

export function tr(a: Dense): Dense {
  const c = new Float64Array(a.data.length);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) c[j * a.rows + i] = a.data[i * a.cols + j]!;
  return { rows: a.cols, cols: a.rows, data: c };
}

export function sub(a: Dense, b: Dense): Dense {
  assert.deepEqual([a.rows, a.cols], [b.rows, b.cols], "sub: shapes");
  return { rows: a.rows, cols: a.cols, data: a.data.map((x, i) => x - b.data[i]!) };
}

export function eye(n: number, m = n): Dense {
  const data = new Float64Array(n * m);
  for (let i = 0; i < Math.min(n, m); i++) data[i * m + i] = 1;
  return { rows: n, cols: m, data };
}

/** diag(s) as a k×k Dense. */
export function diag(s: Dense): Dense {
  const k = s.data.length;
  const data = new Float64Array(k * k);
  for (let i = 0; i < k; i++) data[i * k + i] = s.data[i]!;
  return { rows: k, cols: k, data };
}

/** The first `cols` columns (and `rows` rows) of a. */
export function block(a: Dense, rows: number, cols: number): Dense {
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = a.data[i * a.cols + j]!;
  return { rows, cols, data };
}

/** Frobenius norm, scaled so matrices near the overflow threshold (1e200) do not overflow. */
export function fro(a: Dense): number {
  let scale = 0;
  for (const x of a.data) scale = Math.max(scale, Math.abs(x));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (const x of a.data) s += (x / scale) ** 2;
  return Math.sqrt(s) * scale;
}

/** Unit roundoff of the dtype (LAPACK's dlamch('E')). */
export function epsOf(dtype: Dtype): number {
  return dtype === "float32" ? 2 ** -24 : 2 ** -53;
}

/**
 * LAPACK's test criterion: `residual / (scale · n · eps)` must stay below 30, where scale is the
 * natural size of the problem (‖A‖, or 1 for orthogonality) and n its dimension.
 */
export function assertResidual(residual: number, scale: number, n: number, dtype: Dtype, what: string): void {
  if (residual === 0) return;
  const ratio = residual / (scale * Math.max(n, 1) * epsOf(dtype));
  assert.ok(ratio < 30, `${what}: residual ratio ${ratio.toFixed(1)} ≥ 30 (residual ${residual}, scale ${scale})`);
}

/** ‖QᵀQ − I‖ for the columns of q. */
export function orthogonality(q: Dense): number {
  return fro(sub(mul(tr(q), q), eye(q.cols)));
}

/** Asserts |a − b| ≤ tol·scale elementwise (NaN matches NaN). */
export function assertClose(a: Dense, b: Dense, tol: number, scale: number, what: string): void {
  assert.deepEqual([a.rows, a.cols], [b.rows, b.cols], `${what}: shape`);
  for (let i = 0; i < a.data.length; i++) {
    const x = a.data[i]!;
    const y = b.data[i]!;
    if (Number.isNaN(x) && Number.isNaN(y)) continue;
    if (x === y) continue;
    assert.ok(Math.abs(x - y) <= tol * scale, `${what}: element ${i} is ${x}, expected ${y} (tol ${tol * scale})`);
  }
}

/**
 * Flips the sign of each column of `a` (its rows when `rows`) to agree with `ref`, so factors
 * defined up to sign compare directly. Returns the signs used.
 */
export function alignSigns(a: Dense, ref: Dense, rows = false): Dense {
  const data = a.data.slice();
  const count = rows ? a.rows : a.cols;
  const len = rows ? a.cols : a.rows;
  const at = (k: number, i: number): number => (rows ? k * a.cols + i : i * a.cols + k);
  for (let k = 0; k < count; k++) {
    let dot = 0;
    for (let i = 0; i < len; i++) dot += data[at(k, i)]! * ref.data[at(k, i)]!;
    if (dot < 0) for (let i = 0; i < len; i++) data[at(k, i)] = -data[at(k, i)]!;
  }
  return { rows: a.rows, cols: a.cols, data };
}

/** Every element below the diagonal is exactly zero. */
export function assertUpperTriangular(a: Dense, what: string): void {
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < Math.min(i, a.cols); j++) assert.equal(a.data[i * a.cols + j], 0, `${what}: (${i}, ${j}) below the diagonal`);
}
