// SPDX-License-Identifier: Apache-2.0
/**
 * A node's object store: block id → a contiguous block in a pooled SharedArrayBuffer. It counts
 * live bytes (blocks, not pooled spare buffers) against the node's memory limit, so a node that
 * would exceed it fails the op with an error naming the node and the limit instead of crashing.
 */
import { type Dtype, type TypedArray, itemSize, typedView } from "../array/dtype.js";
import { type Shape, formatShape, sizeOf } from "../array/shape.js";
import { OutOfMemoryError } from "../errors.js";
import { BufferPool } from "./buffer-pool.js";
import type { BlockId, NodeId } from "./messages.js";

export interface StoredBlock {
  readonly buffer: SharedArrayBuffer;
  readonly dtype: Dtype;
  readonly shape: readonly number[];
  readonly size: number;
  readonly bytes: number;
}

export class ObjectStore {
  private readonly blocks = new Map<BlockId, StoredBlock>();
  private readonly pool: BufferPool;
  private live = 0;
  private peak = 0;

  constructor(
    private readonly node: NodeId,
    private readonly memoryLimit: number,
  ) {
    this.pool = new BufferPool(Math.min(memoryLimit / 2, 8 * 2 ** 30));
  }

  /** Allocates a block; throws OutOfMemoryError if the node's limit would be exceeded. */
  allocate(id: BlockId, dtype: Dtype, shape: Shape): StoredBlock {
    const size = sizeOf(shape);
    const bytes = size * itemSize(dtype);
    if (this.live + bytes > this.memoryLimit) {
      throw new OutOfMemoryError(
        `node ${this.node} is out of memory: a block of ${formatShape(shape)} ${dtype} (${bytes} bytes) ` +
          `would bring it to ${this.live + bytes} bytes, over its memoryLimit of ${this.memoryLimit} bytes`,
      );
    }
    const block: StoredBlock = { buffer: this.pool.acquire(bytes), dtype, shape: [...shape], size, bytes };
    this.blocks.set(id, block);
    this.live += bytes;
    this.peak = Math.max(this.peak, this.live);
    return block;
  }

  has(id: BlockId): boolean {
    return this.blocks.has(id);
  }

  get(id: BlockId): StoredBlock {
    const b = this.blocks.get(id);
    if (!b) throw new Error(`node ${this.node} does not hold block ${id}`);
    return b;
  }

  /** A typed array over exactly the block's elements. */
  data(id: BlockId): TypedArray {
    const b = this.get(id);
    return typedView(b.dtype, b.buffer, 0, b.size);
  }

  free(id: BlockId): void {
    const b = this.blocks.get(id);
    if (!b) return;
    this.blocks.delete(id);
    this.live -= b.bytes;
    this.pool.release(b.buffer);
  }

  get liveBytes(): number {
    return this.live;
  }

  get peakBytes(): number {
    return this.peak;
  }

  resetPeak(): void {
    this.peak = this.live;
  }

  get blockCount(): number {
    return this.blocks.size;
  }

  clear(): void {
    for (const id of [...this.blocks.keys()]) this.free(id);
    this.pool.clear();
  }
}
