// SPDX-License-Identifier: Apache-2.0
/**
 * Per-worker scratch memory for kernel intermediates (packed operands, pairwise contraction
 * results). Touching fresh pages costs ~1.5 µs per 4 KiB on the project VM (kernels-probe §4), as
 * much as the arithmetic on them, so one buffer is reused from call to call: a kernel takes slices
 * with `take` and calls `reset` when it starts. A call that outgrows the buffer gets separate
 * allocations, and the buffer grows to fit for the next call.
 */
import type { TypedArray } from "../../array/dtype.js";

/** Buffers above this many bytes are not kept between calls. */
const KEEP_LIMIT = 256 * 1024 * 1024;

export class Scratch {
  private buffer = new ArrayBuffer(0);
  private used = 0;
  private overflow = 0;

  /** Starts a kernel call: earlier slices become invalid. */
  reset(): void {
    if (this.overflow > 0) {
      const want = this.used + this.overflow;
      this.buffer = new ArrayBuffer(want <= KEEP_LIMIT ? want : 0);
    } else if (this.buffer.byteLength > KEEP_LIMIT) {
      this.buffer = new ArrayBuffer(0);
    }
    this.used = 0;
    this.overflow = 0;
  }

  /** An uninitialized float array of `length` elements valid until the next reset. */
  take(f32: boolean, length: number): TypedArray {
    const itemBytes = f32 ? 4 : 8;
    const bytes = (length * itemBytes + 63) & ~63;
    let buffer: ArrayBuffer;
    let offset = 0;
    if (this.used + bytes <= this.buffer.byteLength) {
      buffer = this.buffer;
      offset = this.used;
      this.used += bytes;
    } else {
      buffer = new ArrayBuffer(bytes);
      this.overflow += bytes;
    }
    return f32 ? new Float32Array(buffer, offset, length) : new Float64Array(buffer, offset, length);
  }
}
