// SPDX-License-Identifier: Apache-2.0
/**
 * The scheduler: a load model plus a placement policy. `place` chooses a node for an op and commits
 * it to the model; the planner then hands the placed op to the runtime.
 */
import type { BlockId, NodeId } from "../runtime/messages.js";
import { LoadModel, type NodeLoad, type OpDemand } from "./load-model.js";
import { type PlacementPolicy, type SchedulerName, createPolicy } from "./policy.js";

export class Scheduler {
  readonly model: LoadModel;
  readonly policy: PlacementPolicy;

  constructor(nodes: number, policy: SchedulerName | PlacementPolicy, model?: LoadModel) {
    this.model = model ?? new LoadModel(nodes);
    this.policy = typeof policy === "string" ? createPolicy(policy) : policy;
  }

  get nodes(): number {
    return this.model.nodes;
  }

  get name(): SchedulerName {
    return this.policy.name;
  }

  /** Chooses the node for `op`, commits its copies and outputs to the model, and returns it. */
  place(op: OpDemand, outputs: readonly { readonly id: BlockId; readonly bytes: number }[]): NodeId {
    const node = this.policy.place(op, this.model);
    this.model.commit(op, node, outputs);
    return node;
  }

  /** A block created directly on a node (uploads). */
  addBlock(id: BlockId, bytes: number, node: NodeId): void {
    this.model.addBlock(id, bytes, node);
  }

  free(id: BlockId): void {
    this.model.free(id);
  }

  /** The partials of a reduction in groups to merge locally first (see PlacementPolicy). */
  reductionGroups<T extends { readonly id: number }>(partials: readonly T[], owner: NodeId): T[][] {
    return this.policy.reductionGroups(partials, owner, this.model);
  }

  loads(): NodeLoad[] {
    return this.model.loads();
  }

  /** An independent copy (for `explain`: simulate without touching the real state). */
  clone(): Scheduler {
    return new Scheduler(this.nodes, this.policy, this.model.clone());
  }
}
