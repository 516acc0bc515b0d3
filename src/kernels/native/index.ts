// SPDX-License-Identifier: Apache-2.0
/** The native kernel table: addon-backed kernels where they exist, TypeScript ones elsewhere. */
import type { KernelTable } from "../manifest.js";
import { tsKernels } from "../ts/index.js";
import { loadAddon } from "./addon.js";
import { nativeGemm } from "./gemm.js";
import { nativeEinsum } from "./einsum.js";

/** The native kernel table, or the Error explaining why the addon is unavailable. */
export function nativeKernels(): KernelTable | Error {
  const addon = loadAddon();
  if (addon instanceof Error) return addon;
  return { ...tsKernels, gemm: nativeGemm(addon, tsKernels.gemm), einsum: nativeEinsum(addon, tsKernels.einsum) };
}
