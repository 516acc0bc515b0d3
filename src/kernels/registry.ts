// SPDX-License-Identifier: Apache-2.0
/**
 * Chooses the kernel table a worker runs: native (addon) when available, otherwise the TypeScript
 * reference kernels. `kind: "ts"` forces the reference kernels (tests run both).
 */
import type { KernelTable } from "./manifest.js";
import { loadAddon } from "./native/addon.js";
import { nativeKernels } from "./native/index.js";
import { tsKernels } from "./ts/index.js";

export type KernelKind = "native" | "ts";

export interface ResolvedKernels {
  readonly kind: KernelKind;
  readonly table: KernelTable;
  /** Why the native kernels are not in use, when they were wanted but failed to load. */
  readonly fallbackReason?: string;
}

export function resolveKernels(wanted: KernelKind): ResolvedKernels {
  if (wanted === "ts") return { kind: "ts", table: tsKernels };
  const table = nativeKernels();
  if (table instanceof Error) return { kind: "ts", table: tsKernels, fallbackReason: table.message };
  return { kind: "native", table };
}

/** Whether the addon can be loaded in this process (checked once by the driver). */
export function nativeAvailable(): string | true {
  const a = loadAddon();
  return a instanceof Error ? a.message : true;
}
