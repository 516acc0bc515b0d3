// SPDX-License-Identifier: Apache-2.0
/** The native kernel table: addon-backed kernels where they exist, TypeScript ones elsewhere. */
import type { KernelTable } from "../manifest.js";
import { ELEMENTWISE_OPS } from "../ops.js";
import { tsKernels } from "../ts/index.js";
import { type NativeAddon, loadAddon } from "./addon.js";
import { nativeFused } from "./fused.js";
import { nativeGemm } from "./gemm.js";
import { nativeEinsum } from "./einsum.js";
import { nativeLinalgKernels } from "./linalg/index.js";
import { nativeReduce } from "./reduce.js";
import { nativeScan } from "./scan.js";
import { nativeTileKernels } from "./tiles/index.js";
import { nativeSortKernels } from "./sort.js";
import { nativeGenerate } from "./random.js";

/** Why the addon's elementwise engine cannot be used with this build of the TypeScript, or null. */
function engineMismatch(addon: NativeAddon): string | null {
  if (typeof addon.opNames !== "function") return "the native addon predates the kernel engine (rebuild it)";
  const names = addon.opNames();
  if (names.length !== ELEMENTWISE_OPS.length || names.some((n, i) => n !== ELEMENTWISE_OPS[i])) {
    return "the native addon's op codes differ from src/kernels/ops.ts (rebuild it)";
  }
  return null;
}

/** The native kernel table, or the Error explaining why the addon is unavailable. */
export function nativeKernels(): KernelTable | Error {
  const addon = loadAddon();
  if (addon instanceof Error) return addon;
  const mismatch = engineMismatch(addon);
  if (mismatch !== null) return new Error(mismatch);
  return {
    ...tsKernels,
    gemm: nativeGemm(addon, tsKernels.gemm),
    einsum: nativeEinsum(addon, tsKernels.einsum),
    fused: nativeFused(addon),
    reduce: nativeReduce(addon),
    scan: nativeScan(addon),
    generate: nativeGenerate(addon, tsKernels.generate),
    ...nativeLinalgKernels(addon, tsKernels),
    ...nativeTileKernels(addon, tsKernels),
    ...nativeSortKernels(addon, tsKernels),
  };
}
