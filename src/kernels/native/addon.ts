// SPDX-License-Identifier: Apache-2.0
/**
 * Loads the native addon (build/Release/numts_native.node) if it was built. Loading may fail on a
 * machine without OpenBLAS or a compiler; callers then use the TypeScript kernels.
 */
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TypedArray } from "../../array/dtype.js";
import type { LapackAddon } from "./linalg/lapack-addon.js";

/** The functions the addon exports (see native/*.cc). */
export interface NativeAddon extends LapackAddon {
  gemm(
    f32: boolean,
    transA: boolean,
    transB: boolean,
    m: number,
    n: number,
    k: number,
    a: TypedArray,
    offA: number,
    lda: number,
    b: TypedArray,
    offB: number,
    ldb: number,
    c: TypedArray,
    offC: number,
    ldc: number,
    beta: number,
  ): void;
  /**
   * C[i·sC] = A[i·sA] · B[i·sB] (B null: A alone) over an n-d index i, or += with `add`.
   * `geometry` = [shape, stridesA, stridesB, stridesC] (elements); see native/contract.cc.
   */
  strided(
    f32: boolean,
    geometry: Float64Array,
    a: TypedArray,
    offA: number,
    b: TypedArray | null,
    offB: number,
    c: TypedArray,
    offC: number,
    add: boolean,
  ): void;
  setThreads(n: number): void;
  /** Elementwise op names in native code order (checked against ops.ts at load). */
  opNames(): string[];
  /** Evaluates an encoded program over coalesced geometry (native/engine/fused.cc). */
  fused(code: Int32Array, consts: Float64Array, arrays: readonly TypedArray[], geom: Float64Array): void;
  /** Reduces over an encoded layout (native/engine/reduce.cc). */
  /** Inclusive scan along `axis` (native/engine/scan.cc); arrays are [x, carry?, out]. */
  scan(
    arrays: readonly TypedArray[],
    geom: Float64Array,
    axis: number,
    sum: boolean,
    skipNaN: boolean,
    xDtype: number,
    outDtype: number,
    carryDtype: number,
  ): void;
  reduce(code: Int32Array, consts: Float64Array, arrays: readonly TypedArray[], geom: Float64Array, op: number, stateDtype: number): void;
  blasConfig(): { corename: string; config: string };
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..");

let cached: NativeAddon | Error | undefined;

/** The addon, or the Error explaining why it could not be loaded. */
export function loadAddon(): NativeAddon | Error {
  if (cached === undefined) {
    try {
      cached = createRequire(import.meta.url)(join(root, "build", "Release", "numts_native.node")) as NativeAddon;
    } catch (e) {
      cached = e instanceof Error ? e : new Error(String(e));
    }
  }
  return cached;
}
