// SPDX-License-Identifier: Apache-2.0
/**
 * Shared test machinery for the kernel conformance suites: the kernel tables to run against
 * (TypeScript always, native when the addon loads), fixture loading, view construction and
 * float comparison in ulps.
 */
import { readFileSync } from "node:fs";
import type { Dtype, TypedArray } from "../../src/array/dtype.js";
import { storageOf } from "../../src/array/dtype.js";
import type { KernelTable } from "../../src/kernels/manifest.js";
import type { ElementwiseOp } from "../../src/kernels/ops.js";
import type { Program } from "../../src/kernels/program.js";
import { nativeKernels } from "../../src/kernels/native/index.js";
import { tsKernels } from "../../src/kernels/ts/index.js";
import type { View } from "../../src/kernels/view.js";

export interface Backend {
  readonly name: string;
  readonly table: KernelTable | null;
  /** Why the backend is skipped (the addon failed to load). */
  readonly skip?: string;
}

const native = nativeKernels();

/** Every kernel table the conformance suites run against. */
export const BACKENDS: readonly Backend[] = [
  { name: "ts", table: tsKernels },
  native instanceof Error
    ? { name: "native", table: null, skip: `native addon not loaded: ${native.message}` }
    : { name: "native", table: native },
];

const root = new URL("../../../", import.meta.url);

export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`test/fixtures/kernels/${name}`, root), "utf8")) as T;
}

/** Decodes a base64 little-endian array written by scripts/gen/kernel_*.py. */
export function decode(dtype: Dtype, b64: string): TypedArray {
  const bytes = Buffer.from(b64, "base64");
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  const ctor = storageOf(dtype) as unknown as new (b: ArrayBuffer) => TypedArray;
  return new ctor(copy.buffer);
}

export function contiguousView(dtype: Dtype, data: TypedArray, shape: readonly number[], offset = 0): View {
  const strides: number[] = [];
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  return { dtype, data, offset, shape: [...shape], strides };
}

export function alloc(dtype: Dtype, n: number): TypedArray {
  return new (storageOf(dtype))(n);
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** Distance in units in the last place of `dtype` between two finite floats of that dtype. */
export function ulpDistance(dtype: Dtype, a: number, b: number): number {
  if (dtype === "float32") {
    const key = (x: number): number => {
      f32[0] = x;
      const v = i32[0]!;
      return v < 0 ? -(v & 0x7fffffff) : v;
    };
    return Math.abs(key(a) - key(b));
  }
  const key = (x: number): bigint => {
    f64[0] = x;
    const v = i64[0]!;
    return v < 0n ? -(v & 0x7fffffffffffffffn) : v;
  };
  const d = key(a) - key(b);
  return Number(d < 0n ? -d : d);
}

/**
 * Index of the first element where `got` differs from `want`, or -1. NaN equals NaN; zeros must
 * have the same sign. With `ulps`, finite floats may differ by that many ulps (infinities and
 * NaN must still match exactly).
 */
export function firstMismatch(dtype: Dtype, got: ArrayLike<number>, want: ArrayLike<number>, ulps = 0): number {
  if (got.length !== want.length) return 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    if (Object.is(g, w) || (g !== g && w !== w)) continue;
    if (ulps > 0 && Number.isFinite(g) && Number.isFinite(w) && ulpDistance(dtype, g, w) <= ulps) continue;
    return i;
  }
  return -1;
}

/** Largest ulp distance between two float arrays (ignoring positions that match exactly). */
export function maxUlp(dtype: Dtype, got: ArrayLike<number>, want: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < want.length; i++) {
    const g = got[i]!;
    const w = want[i]!;
    if (Object.is(g, w) || (g !== g && w !== w)) continue;
    m = Math.max(m, Number.isFinite(g) && Number.isFinite(w) ? ulpDistance(dtype, g, w) : Infinity);
  }
  return m;
}

/** The program applying one op to its inputs: dtypes are the loop's inputs then its output. */
export function singleOpProgram(op: ElementwiseOp, dtypes: readonly Dtype[]): Program {
  const k = dtypes.length - 1;
  return { regs: [...dtypes], nInputs: k, consts: [], code: [[op, k, ...dtypes.slice(0, k).map((_, i) => i)]], results: [k] };
}
