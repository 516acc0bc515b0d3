// SPDX-License-Identifier: Apache-2.0
/**
 * Refusing allocations that cannot fit before anything is allocated: a clear error instead of an
 * out-of-memory crash of the process.
 */
import { type Dtype, itemSize } from "../array/dtype.js";
import { formatShape, sizeOf } from "../array/shape.js";
import { OutOfMemoryError } from "../errors.js";
import { context } from "../plan/context.js";
import { totalmem } from "node:os";

/** Throws if an array of `shape` and `dtype` exceeds the cluster's memory (limits or RAM). */
export function checkFits(shape: readonly number[], dtype: Dtype, fn: string): void {
  const bytes = sizeOf(shape) * itemSize(dtype);
  const ctx = context();
  // In-process nodes share this machine's RAM.
  const capacity = Math.min(ctx.options.memoryLimit * ctx.options.nodes, totalmem());
  if (bytes > capacity) {
    throw new OutOfMemoryError(
      `${fn}: unable to allocate ${formatBytes(bytes)} for an array with shape ${formatShape(shape)} and data type ${dtype} ` +
        `(the cluster has ${formatBytes(capacity)})`,
    );
  }
}

export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(u === 0 ? 0 : 1)} ${units[u]}`;
}
