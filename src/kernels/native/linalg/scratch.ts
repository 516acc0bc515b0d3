// SPDX-License-Identifier: Apache-2.0
/**
 * Reusable work buffers for the native kernels. Page faults make a fresh buffer expensive here:
 * first-touching 32 MB costs ~11 ms (kernels-probe §4), as much as the transposed copy into it
 * and ~10 % of a 2000×2000 LU. Kernels run one at a time per thread and never keep a work buffer
 * past their return, so each thread keeps one buffer per slot. Contents are stale: callers
 * overwrite everything LAPACK reads. A slot keeps at most MAX_KEPT_BYTES; larger requests get a
 * fresh buffer that is not kept. This memory is outside the runtime's block accounting (at most
 * SLOTS × MAX_KEPT_BYTES per worker); `releaseScratch` drops it.
 */
import { type Dtype, type TypedArray, itemSize, storageOf } from "../../../array/dtype.js";

const MAX_KEPT_BYTES = 64 * 2 ** 20;

/** Slot 0 holds the matrix being factored; 1 and 2 the SVD's U and Vᵀ. */
export type ScratchSlot = 0 | 1 | 2;

const kept: (ArrayBuffer | undefined)[] = [];

/** A work array of `length` elements of `dtype` (contents unspecified). */
export function scratch(dtype: Dtype, length: number, slot: ScratchSlot = 0): TypedArray {
  const n = Math.max(length, 1);
  const bytes = n * itemSize(dtype);
  const ctor = storageOf(dtype);
  if (bytes > MAX_KEPT_BYTES) return new ctor(n);
  let buffer = kept[slot];
  if (buffer === undefined || buffer.byteLength < bytes) {
    buffer = new ArrayBuffer(bytes);
    kept[slot] = buffer;
  }
  return new ctor(buffer, 0, n);
}

/** Frees the kept work buffers of this thread. */
export function releaseScratch(): void {
  kept.length = 0;
}
