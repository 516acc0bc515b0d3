// SPDX-License-Identifier: Apache-2.0
/**
 * A pool of SharedArrayBuffers by size class. Fresh memory costs ~1.5 µs per 4 KiB page on first
 * touch on these machines (kernels-probe §4), which would make a memory-bound kernel writing into a
 * new buffer several times slower; reusing buffers keeps the pages mapped. Size classes are powers
 * of two split in four (at most 25% slack).
 */

const MIN_CLASS = 64;

/** The capacity in bytes of the size class that holds `bytes`. */
export function sizeClass(bytes: number): number {
  if (bytes <= MIN_CLASS) return MIN_CLASS;
  const p = 2 ** Math.floor(Math.log2(bytes));
  const quarter = p / 4;
  return Math.min(2 * p, p + Math.ceil((bytes - p) / quarter) * quarter);
}

export class BufferPool {
  private readonly free = new Map<number, SharedArrayBuffer[]>();
  private pooledBytes = 0;

  /** @param maxPooledBytes how many bytes of unused buffers to keep for reuse. */
  constructor(private readonly maxPooledBytes: number) {}

  acquire(bytes: number): SharedArrayBuffer {
    const cls = sizeClass(bytes);
    const list = this.free.get(cls);
    const buf = list?.pop();
    if (buf) {
      this.pooledBytes -= cls;
      return buf;
    }
    return new SharedArrayBuffer(cls);
  }

  release(buffer: SharedArrayBuffer): void {
    const cls = buffer.byteLength;
    if (this.pooledBytes + cls > this.maxPooledBytes) return; // let GC take it
    let list = this.free.get(cls);
    if (!list) this.free.set(cls, (list = []));
    list.push(buffer);
    this.pooledBytes += cls;
  }

  /** Bytes held in unused buffers. */
  get idleBytes(): number {
    return this.pooledBytes;
  }

  clear(): void {
    this.free.clear();
    this.pooledBytes = 0;
  }
}
