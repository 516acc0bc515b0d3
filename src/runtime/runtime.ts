// SPDX-License-Identifier: Apache-2.0
/**
 * Executes placed block ops. For each op: wait for its inputs, copy any input that is not on the
 * op's node there (counted as network traffic, throttled when a bandwidth is set), run the kernel
 * on that node, and settle the outputs. A failure rejects the op's outputs and, through them,
 * everything downstream; unrelated work continues. The runtime never chooses a node.
 */
import type { Dtype, TypedArray } from "../array/dtype.js";
import type { Shape } from "../array/shape.js";
import type { KernelAttrs, KernelName, KernelResult } from "../kernels/manifest.js";
import type { KernelKind } from "../kernels/registry.js";
import { Block, type BlockOwner } from "./block.js";
import { Links } from "./links.js";
import type { BlockViewSpec, NodeId } from "./messages.js";
import { LocalNode, type NodeEndpoint } from "./node.js";
import type { WorkerCounters } from "./worker-pool.js";

export interface RuntimeOptions {
  readonly nodes: number;
  readonly workersPerNode: number;
  readonly memoryLimit: number;
  readonly kernels: KernelKind;
  /** Bytes per second per simulated link, or null. */
  readonly bandwidth: number | null;
}

/** An input of an op: a view on a block. */
export interface InputView {
  readonly block: Block;
  readonly offset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

export interface PlacedOp<N extends KernelName = KernelName> {
  readonly kernel: N;
  readonly attrs: KernelAttrs[N];
  readonly inputs: readonly InputView[];
  readonly outputs: readonly Block[];
  readonly node: NodeId;
  /** Queued ahead of the node's ready non-urgent ops (critical-path work). */
  readonly urgent?: boolean;
}

export interface NodeStats {
  readonly node: NodeId;
  readonly memoryBytes: number;
  readonly peakMemoryBytes: number;
  readonly bytesSent: number;
  readonly bytesReceived: number;
  readonly tasks: number;
  /** Per worker thread: tasks run and milliseconds spent running them. */
  readonly workers: readonly WorkerCounters[];
}

/** Block ops handed to the runtime and how many have finished (for progress bars). */
export interface Progress {
  readonly submitted: number;
  readonly completed: number;
  readonly failed: number;
}

/** What the planner needs from an executor (the runtime, or a dry run for `explain`). */
export interface Executor {
  newBlock(dtype: Dtype, shape: Shape): Block;
  execute(op: PlacedOp): Promise<KernelResult>;
  put(block: Block, node: NodeId, data: TypedArray): void;
  /** The computed block's elements (a view: copy before the block may be released). */
  read(block: Block): Promise<TypedArray>;
  /** Called when a block's holds reach zero (the load model frees it). */
  onUnheld: (block: Block) => void;
}

export class Runtime implements Executor, BlockOwner {
  readonly nodes: NodeEndpoint[];
  private readonly links: Links;
  private readonly sent: number[];
  private readonly received: number[];
  private readonly transfers = new Map<string, Promise<void>>();
  private nextBlockId = 1;
  private submitted = 0;
  private completed = 0;
  private failed = 0;
  onUnheld: (block: Block) => void = () => undefined;
  /** Called when copying a block to a node failed (the load model had counted the copy). */
  onCopyFailed: (block: Block, node: NodeId) => void = () => undefined;

  constructor(readonly options: RuntimeOptions) {
    this.nodes = Array.from(
      { length: options.nodes },
      (_, i) => new LocalNode(i, options.workersPerNode, options.memoryLimit, options.kernels),
    );
    this.links = new Links(options.nodes, options.bandwidth);
    this.sent = new Array<number>(options.nodes).fill(0);
    this.received = new Array<number>(options.nodes).fill(0);
  }

  newBlock(dtype: Dtype, shape: Shape): Block {
    return new Block(this.nextBlockId++, dtype, shape, this);
  }

  execute(op: PlacedOp): Promise<KernelResult> {
    for (const o of op.outputs) o.node = op.node;
    for (const i of op.inputs) i.block.beginUse();
    this.submitted++;
    const done = this.run(op);
    done.then(
      () => {
        this.completed++;
        op.outputs.forEach((o) => o.markReady(op.node));
      },
      (e: Error) => {
        this.failed++;
        op.outputs.forEach((o) => o.markFailed(e));
      },
    );
    void done.finally(() => op.inputs.forEach((i) => i.block.endUse())).catch(() => undefined);
    return done;
  }

  private async run(op: PlacedOp): Promise<KernelResult> {
    const blocks = [...new Set(op.inputs.map((i) => i.block))];
    await Promise.all(blocks.map((b) => b.ready));
    await Promise.all(blocks.map((b) => this.ensureOn(b, op.node)));
    const inputs: BlockViewSpec[] = op.inputs.map((i) => ({
      block: i.block.id,
      offset: i.offset,
      shape: i.shape,
      strides: i.strides,
    }));
    const outputs = op.outputs.map((o) => ({ block: o.id, dtype: o.dtype, shape: o.shape }));
    return this.nodes[op.node]!.run({ kernel: op.kernel, attrs: op.attrs, inputs, outputs, urgent: op.urgent });
  }

  /** Makes sure `block` has a copy on `node`, transferring it from where it was computed. */
  private ensureOn(block: Block, node: NodeId): Promise<void> {
    if (block.locations.has(node)) return Promise.resolve();
    const key = `${block.id}:${node}`;
    let t = this.transfers.get(key);
    if (!t) {
      const src = block.node;
      const delay = this.links.reserve(src, node, block.nbytes);
      t = sleep(delay).then(() => {
        try {
          this.nodes[src]!.copyTo(block.id, this.nodes[node]!);
          block.locations.add(node);
          this.sent[src]! += block.nbytes;
          this.received[node]! += block.nbytes;
        } catch (e) {
          // The copy never happened (the target is out of memory): a later op tries again, and
          // the load model stops counting the copy.
          this.onCopyFailed(block, node);
          throw e;
        } finally {
          this.transfers.delete(key);
        }
      });
      this.transfers.set(key, t);
    }
    return t;
  }

  put(block: Block, node: NodeId, data: TypedArray): void {
    block.node = node;
    try {
      this.nodes[node]!.put(block.id, block.dtype, block.shape, data);
      block.markReady(node);
    } catch (e) {
      block.markFailed(e as Error);
      throw e;
    }
  }

  /**
   * The block's elements once computed. In-process this is a view on the stored buffer: copy it
   * before the block may be released.
   */
  async read(block: Block): Promise<TypedArray> {
    await block.ready;
    return this.nodes[block.node]!.read(block.id);
  }

  unheld(block: Block): void {
    this.onUnheld(block);
  }

  releasable(block: Block): void {
    if (block.state === "freed") return;
    for (const n of block.locations) this.nodes[n]!.free(block.id);
    block.locations.clear();
    block.state = "freed";
  }

  stats(): NodeStats[] {
    return this.nodes.map((n, i) => {
      const c = n.counters();
      return {
        node: i,
        memoryBytes: c.memoryBytes,
        peakMemoryBytes: c.peakMemoryBytes,
        bytesSent: this.sent[i]!,
        bytesReceived: this.received[i]!,
        tasks: c.tasks,
        workers: c.workers,
      };
    });
  }

  progress(): Progress {
    return { submitted: this.submitted, completed: this.completed, failed: this.failed };
  }

  resetStats(): void {
    this.sent.fill(0);
    this.received.fill(0);
    for (const n of this.nodes) n.resetPeak();
  }

  async shutdown(): Promise<void> {
    await Promise.all(this.nodes.map((n) => n.close()));
  }
}

function sleep(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((r) => setTimeout(r, ms));
}
