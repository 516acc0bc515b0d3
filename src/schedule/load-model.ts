// SPDX-License-Identifier: Apache-2.0
/**
 * The cluster load model LSHS simulates against (NumS's ClusterState, fixed): per node the live
 * memory, bytes received and bytes sent; per block its size and the nodes holding a copy. Memory is
 * live memory: a block's bytes leave every holder when it is freed. Copies stay cached on the node
 * that received them, as the runtime keeps them, and are sent from the node that computed the block
 * (the runtime copies from there too). Units are bytes.
 *
 * `cost(op, node)` is pure (what the objective would be after placing `op` on `node`); `commit`
 * applies it. The objective is NumS's — max memory + max bytes in + max bytes out over all nodes —
 * plus the bytes the placement itself moves. The maxima alone are blind to traffic that stays
 * under them: they would as soon copy a block to an idle node as use it where it is, and trade a
 * little memory on the busiest node for an extra transfer that must be undone later.
 */
import type { BlockId, NodeId } from "../runtime/messages.js";

/** A block an op reads, and its size. */
export interface BlockDemand {
  readonly id: BlockId;
  readonly bytes: number;
}

/** What placing an op needs to know: the blocks it reads and the bytes it creates. */
export interface OpDemand {
  readonly inputs: readonly BlockDemand[];
  readonly outputBytes: number;
  /**
   * The node owning, under the array layout, the array block this op's result is or becomes part
   * of: where the result has to end up.
   */
  readonly owner: NodeId;
  /**
   * Whether this op produces a block of an array (its last op), or is otherwise pinned to its
   * owner (the product groups of a stationary output): LSHS places it on `owner`.
   */
  readonly final: boolean;
  /**
   * For an intermediate op (a partial result, `final` false): the node a static rule runs it on,
   * next to its largest input (NumS's default path). Defaults to `owner`.
   */
  readonly home?: NodeId;
}

interface BlockInfo {
  readonly bytes: number;
  /** holders[0] is the node that computed the block; the rest hold cached copies. */
  readonly holders: NodeId[];
}

export interface NodeLoad {
  readonly memory: number;
  readonly peakMemory: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
  readonly ops: number;
}

export class LoadModel {
  private readonly memory: Float64Array;
  private readonly peak: Float64Array;
  private readonly bytesIn: Float64Array;
  private readonly bytesOut: Float64Array;
  private readonly ops: Float64Array;
  private readonly blocks = new Map<BlockId, BlockInfo>();
  private maxMemory = 0;
  private maxIn = 0;
  private maxOut = 0;
  // Scratch for cost(): bytes each source would send, and which sources were touched.
  private readonly extraOut: Float64Array;
  private readonly touched: Int32Array;

  /**
   * @param memoryLimit bytes each node may hold: placements that would exceed it are avoided
   *   where another candidate fits (the runtime fails ops that exceed it).
   */
  constructor(
    readonly nodes: number,
    readonly memoryLimit = Number.POSITIVE_INFINITY,
  ) {
    this.memory = new Float64Array(nodes);
    this.peak = new Float64Array(nodes);
    this.bytesIn = new Float64Array(nodes);
    this.bytesOut = new Float64Array(nodes);
    this.ops = new Float64Array(nodes);
    this.extraOut = new Float64Array(nodes);
    this.touched = new Int32Array(nodes);
  }

  /** Registers a block that exists on `node` (an upload, or an op's output after commit). */
  addBlock(id: BlockId, bytes: number, node: NodeId): void {
    this.blocks.set(id, { bytes, holders: [node] });
    this.addMemory(node, bytes);
  }

  holders(id: BlockId): readonly NodeId[] {
    return this.blocks.get(id)?.holders ?? [];
  }

  /** Whether `node` holds a copy of the block. */
  holds(id: BlockId, node: NodeId): boolean {
    return this.blocks.get(id)?.holders.includes(node) ?? false;
  }

  /**
   * The objective after placing `op` on `node` (the maxima after placing it plus the bytes it
   * moves), without changing the model. With `lookahead`, an
   * intermediate op placed off its owner is also charged the transfer its result will need to
   * reach the owner (sent by `node`, received by the owner and held there): the greedy step
   * otherwise does not see that transfer and happily computes partial results far from where
   * they must go.
   */
  cost(op: OpDemand, node: NodeId, lookahead = false): number {
    let mem = this.memory[node]! + op.outputBytes;
    let received = this.bytesIn[node]!;
    let touched = 0;
    for (let i = 0; i < op.inputs.length; i++) {
      const b = this.blocks.get(op.inputs[i]!.id);
      if (!b || b.holders.includes(node) || isRepeat(op.inputs, i)) continue;
      const src = b.holders[0]!;
      mem += b.bytes;
      received += b.bytes;
      if (this.extraOut[src] === 0) this.touched[touched++] = src;
      this.extraOut[src]! += b.bytes;
    }
    let maxIn = Math.max(this.maxIn, received);
    let maxMemory = Math.max(this.maxMemory, mem);
    if (lookahead && !op.final && node !== op.owner && op.outputBytes > 0) {
      maxMemory = Math.max(maxMemory, this.memory[op.owner]! + op.outputBytes);
      maxIn = Math.max(maxIn, this.bytesIn[op.owner]! + op.outputBytes);
      if (this.extraOut[node] === 0) this.touched[touched++] = node;
      this.extraOut[node]! += op.outputBytes;
    }
    let maxOut = this.maxOut;
    let moved = 0;
    for (let t = 0; t < touched; t++) {
      const src = this.touched[t]!;
      maxOut = Math.max(maxOut, this.bytesOut[src]! + this.extraOut[src]!);
      moved += this.extraOut[src]!;
      this.extraOut[src] = 0;
    }
    return maxMemory + maxIn + maxOut + moved;
  }

  /** Whether placing `op` on `node` keeps the node within its memory limit. */
  fits(op: OpDemand, node: NodeId): boolean {
    if (this.memoryLimit === Number.POSITIVE_INFINITY) return true;
    let mem = this.memory[node]! + op.outputBytes;
    for (let i = 0; i < op.inputs.length; i++) {
      const b = this.blocks.get(op.inputs[i]!.id);
      if (b && !b.holders.includes(node) && !isRepeat(op.inputs, i)) mem += b.bytes;
    }
    return mem <= this.memoryLimit;
  }

  /** Places `op` on `node`: copies missing inputs there and adds the outputs' memory. */
  commit(op: OpDemand, node: NodeId, outputs: readonly BlockDemand[]): void {
    for (const input of op.inputs) {
      const b = this.blocks.get(input.id);
      if (!b || b.holders.includes(node)) continue;
      const src = b.holders[0]!;
      b.holders.push(node);
      this.addMemory(node, b.bytes);
      this.bytesIn[node]! += b.bytes;
      this.bytesOut[src]! += b.bytes;
      this.maxIn = Math.max(this.maxIn, this.bytesIn[node]!);
      this.maxOut = Math.max(this.maxOut, this.bytesOut[src]!);
    }
    for (const o of outputs) this.addBlock(o.id, o.bytes, node);
    this.ops[node]! += 1;
  }

  /** The block is dead: its bytes leave every node holding a copy. */
  free(id: BlockId): void {
    const b = this.blocks.get(id);
    if (!b) return;
    this.blocks.delete(id);
    for (const n of b.holders) this.memory[n]! -= b.bytes;
    let max = 0;
    for (let n = 0; n < this.nodes; n++) max = Math.max(max, this.memory[n]!);
    this.maxMemory = max;
  }

  /** A copy the model counted never happened (the runtime failed to make it): undo it. */
  forgetCopy(id: BlockId, node: NodeId): void {
    const b = this.blocks.get(id);
    const at = b ? b.holders.indexOf(node) : -1;
    if (!b || at <= 0) return;
    b.holders.splice(at, 1);
    this.memory[node]! -= b.bytes;
    this.bytesIn[node]! -= b.bytes;
    this.bytesOut[b.holders[0]!]! -= b.bytes;
    this.recomputeMaxima();
  }

  private recomputeMaxima(): void {
    this.maxMemory = Math.max(0, ...this.memory);
    this.maxIn = Math.max(0, ...this.bytesIn);
    this.maxOut = Math.max(0, ...this.bytesOut);
  }

  private addMemory(node: NodeId, bytes: number): void {
    this.memory[node]! += bytes;
    this.peak[node] = Math.max(this.peak[node]!, this.memory[node]!);
    this.maxMemory = Math.max(this.maxMemory, this.memory[node]!);
  }

  /** Ops placed on `node` so far (the "busyness" the dynamic policy balances). */
  opsOn(node: NodeId): number {
    return this.ops[node]!;
  }

  /** Bytes `node` has received so far. */
  bytesInOf(node: NodeId): number {
    return this.bytesIn[node]!;
  }

  /** Blocks the model tracks (live blocks). */
  get blockCount(): number {
    return this.blocks.size;
  }

  loads(): NodeLoad[] {
    return Array.from({ length: this.nodes }, (_, i) => ({
      memory: this.memory[i]!,
      peakMemory: this.peak[i]!,
      bytesIn: this.bytesIn[i]!,
      bytesOut: this.bytesOut[i]!,
      ops: this.ops[i]!,
    }));
  }

  /** Forgets traffic, op counts and peaks (live memory and block locations stay). */
  resetCounters(): void {
    this.bytesIn.fill(0);
    this.bytesOut.fill(0);
    this.ops.fill(0);
    this.peak.set(this.memory);
    this.maxIn = 0;
    this.maxOut = 0;
  }

  clone(): LoadModel {
    const m = new LoadModel(this.nodes, this.memoryLimit);
    m.memory.set(this.memory);
    m.peak.set(this.peak);
    m.bytesIn.set(this.bytesIn);
    m.bytesOut.set(this.bytesOut);
    m.ops.set(this.ops);
    for (const [id, b] of this.blocks) m.blocks.set(id, { bytes: b.bytes, holders: [...b.holders] });
    m.maxMemory = this.maxMemory;
    m.maxIn = this.maxIn;
    m.maxOut = this.maxOut;
    return m;
  }
}

/** Whether input i names a block an earlier input already named (it is copied once). */
function isRepeat(inputs: readonly BlockDemand[], i: number): boolean {
  const id = inputs[i]!.id;
  for (let j = 0; j < i; j++) if (inputs[j]!.id === id) return true;
  return false;
}
