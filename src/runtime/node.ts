// SPDX-License-Identifier: Apache-2.0
/**
 * A node: an object store plus worker threads. `NodeEndpoint` is the boundary the driver talks to
 * (messages from runtime/messages.ts); `LocalNode` is the in-process implementation used by the
 * embedded default and by simulated clusters. A network transport implements the same interface.
 */
import type { Dtype, TypedArray } from "../array/dtype.js";
import { stridesOf } from "../array/shape.js";
import type { KernelResult } from "../kernels/manifest.js";
import type { KernelKind } from "../kernels/registry.js";
import type { BlockId, NodeId, RunOpMessage, WireView } from "./messages.js";
import { ObjectStore } from "./store.js";
import { type WorkerCounters, WorkerPool } from "./worker-pool.js";

export interface NodeCounters {
  readonly memoryBytes: number;
  readonly peakMemoryBytes: number;
  readonly tasks: number;
  readonly blocks: number;
  readonly workers: readonly WorkerCounters[];
}

export interface NodeEndpoint {
  readonly id: NodeId;
  /** Runs an op whose inputs are all on this node; outputs are stored here. */
  run(msg: RunOpMessage): Promise<KernelResult>;
  /** Stores a block from driver data (a copy). */
  put(block: BlockId, dtype: Dtype, shape: readonly number[], data: TypedArray): void;
  /** The block's elements (in-process: a view on the stored buffer; copy before keeping). */
  read(block: BlockId): TypedArray;
  /** Copies a block held here into `target` (a transfer between nodes). */
  copyTo(block: BlockId, target: NodeEndpoint): void;
  has(block: BlockId): boolean;
  free(block: BlockId): void;
  counters(): NodeCounters;
  resetPeak(): void;
  close(): Promise<void>;
}

export class LocalNode implements NodeEndpoint {
  private readonly store: ObjectStore;
  private readonly pool: WorkerPool;
  private tasks = 0;

  constructor(
    readonly id: NodeId,
    workers: number,
    memoryLimit: number,
    kernels: KernelKind,
  ) {
    this.store = new ObjectStore(id, memoryLimit);
    this.pool = new WorkerPool(workers, kernels, `node ${id}`);
  }

  async run(msg: RunOpMessage): Promise<KernelResult> {
    const inputs: WireView[] = msg.inputs.map((v) => {
      const b = this.store.get(v.block);
      return { buffer: b.buffer, dtype: b.dtype, offset: v.offset, shape: v.shape, strides: v.strides };
    });
    const allocated: BlockId[] = [];
    try {
      const outputs: WireView[] = msg.outputs.map((o) => {
        const b = this.store.allocate(o.block, o.dtype, o.shape);
        allocated.push(o.block);
        return { buffer: b.buffer, dtype: o.dtype, offset: 0, shape: o.shape, strides: stridesOf(o.shape) };
      });
      this.tasks++;
      return await this.pool.run({ kernel: msg.kernel, attrs: msg.attrs, inputs, outputs }, msg.urgent === true);
    } catch (e) {
      for (const id of allocated) this.store.free(id);
      throw e;
    }
  }

  put(block: BlockId, dtype: Dtype, shape: readonly number[], data: TypedArray): void {
    this.store.allocate(block, dtype, shape);
    this.store.data(block).set(data);
  }

  read(block: BlockId): TypedArray {
    return this.store.data(block);
  }

  copyTo(block: BlockId, target: NodeEndpoint): void {
    const b = this.store.get(block);
    target.put(block, b.dtype, b.shape, this.store.data(block));
  }

  has(block: BlockId): boolean {
    return this.store.has(block);
  }

  free(block: BlockId): void {
    this.store.free(block);
  }

  counters(): NodeCounters {
    return {
      memoryBytes: this.store.liveBytes,
      peakMemoryBytes: this.store.peakBytes,
      tasks: this.tasks,
      blocks: this.store.blockCount,
      workers: this.pool.counters(),
    };
  }

  resetPeak(): void {
    this.store.resetPeak();
    this.tasks = 0;
    this.pool.resetCounters();
  }

  async close(): Promise<void> {
    await this.pool.close();
    this.store.clear();
  }
}
