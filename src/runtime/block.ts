// SPDX-License-Identifier: Apache-2.0
/**
 * The driver's handle on one block: metadata known before it is computed (dtype, shape, size, the
 * node it is placed on), its state, and two reference counts. `holds` counts owners (arrays and
 * the planner while it still has to place consumers); `uses` counts placed ops that have not run
 * yet. When holds reach zero the block is dead for the load model; when both are zero and it has
 * settled its memory is freed on every node holding a copy.
 */
import type { Dtype } from "../array/dtype.js";
import { type Shape, sizeOf } from "../array/shape.js";
import { itemSize } from "../array/dtype.js";
import type { BlockId, NodeId } from "./messages.js";

export type BlockState = "pending" | "ready" | "failed" | "freed";

/** Told when a block's reference counts change state (implemented by the runtime). */
export interface BlockOwner {
  unheld(block: Block): void;
  releasable(block: Block): void;
}

export class Block {
  readonly size: number;
  readonly nbytes: number;
  /** Node the block is (to be) computed on; -1 until placed. */
  node: NodeId = -1;
  /** Nodes holding a copy (the placement node once computed, plus transfer replicas). */
  readonly locations = new Set<NodeId>();
  state: BlockState = "pending";
  error: Error | null = null;
  readonly ready: Promise<void>;
  private settle!: (error: Error | null) => void;
  private holds = 1;
  private uses = 0;

  constructor(
    readonly id: BlockId,
    readonly dtype: Dtype,
    readonly shape: Shape,
    private readonly owner: BlockOwner,
  ) {
    this.size = sizeOf(shape);
    this.nbytes = this.size * itemSize(dtype);
    this.ready = new Promise<void>((resolve, reject) => {
      this.settle = (e) => (e ? reject(e) : resolve());
    });
    // A failed block nobody awaits must not crash the process with an unhandled rejection.
    this.ready.catch(() => undefined);
  }

  get isHeld(): boolean {
    return this.holds > 0;
  }

  get isReleasable(): boolean {
    return this.holds === 0 && this.uses === 0 && this.state !== "pending";
  }

  retain(): this {
    if (this.holds <= 0 && this.state === "freed") throw new Error(`block ${this.id} was already freed`);
    this.holds++;
    return this;
  }

  release(): void {
    if (this.holds <= 0) throw new Error(`block ${this.id} released more often than retained`);
    if (--this.holds === 0) {
      this.owner.unheld(this);
      if (this.isReleasable) this.owner.releasable(this);
    }
  }

  beginUse(): void {
    this.uses++;
  }

  endUse(): void {
    this.uses--;
    if (this.isReleasable) this.owner.releasable(this);
  }

  markReady(node: NodeId): void {
    this.locations.add(node);
    this.state = "ready";
    this.settle(null);
    if (this.isReleasable) this.owner.releasable(this);
  }

  markFailed(error: Error): void {
    this.state = "failed";
    this.error = error;
    this.settle(error);
    if (this.isReleasable) this.owner.releasable(this);
  }
}
