// SPDX-License-Identifier: Apache-2.0
/**
 * Placement policies behind one small interface (like piscina's TaskQueue): given an op's demand
 * and the load model, pick a node. The scheduler commits the choice; policies never mutate.
 */
import type { NodeId } from "../runtime/messages.js";
import type { LoadModel, OpDemand } from "./load-model.js";

export type SchedulerName = "lshs" | "cyclic" | "dynamic";

export interface PlacementPolicy {
  readonly name: SchedulerName;
  place(op: OpDemand, model: LoadModel): NodeId;
  /**
   * The order in which partial results of a reduction are merged pairwise: the planner pops two
   * from the front and pushes each merge's result to the back.
   */
  mergeOrder<T extends { readonly id: number }>(partials: readonly T[], model: LoadModel): T[];
}

/**
 * LSHS (NumS §3): try the nodes that already hold the op's inputs (and the owner), simulate the
 * placement on each, and take the one with the lowest objective. An array block's last op goes to
 * its owner so layouts stay aligned and elementwise chains never move data. Ties break
 * deterministically: more input bytes already there, then the owner, then the lower node.
 */
export class LshsPolicy implements PlacementPolicy {
  readonly name = "lshs";

  constructor(private readonly allNodes = false) {}

  place(op: OpDemand, model: LoadModel): NodeId {
    if (op.final || model.nodes === 1) return op.owner;
    const candidates = new Set<NodeId>([op.owner]);
    if (this.allNodes) for (let n = 0; n < model.nodes; n++) candidates.add(n);
    else for (const i of op.inputs) for (const h of model.holders(i.id)) candidates.add(h);
    let best = op.owner;
    let bestKey: [number, number, number, number] | null = null;
    for (const node of candidates) {
      const key: [number, number, number, number] = [
        model.cost(op, node),
        -localBytes(op, node, model),
        node === op.owner ? 0 : 1,
        node,
      ];
      if (bestKey === null || lexLess(key, bestKey)) {
        best = node;
        bestKey = key;
      }
    }
    return best;
  }

  /** Partials sorted by the node holding them, so co-located partials merge first. */
  mergeOrder<T extends { readonly id: number }>(partials: readonly T[], model: LoadModel): T[] {
    return partials
      .map((p, i) => ({ p, i, node: model.holders(p.id)[0] ?? 0 }))
      .sort((a, b) => a.node - b.node || a.i - b.i)
      .map((x) => x.p);
  }
}

/** NumS's default path: static block-cyclic, every op on its result's owner (owner computes). */
export class CyclicPolicy implements PlacementPolicy {
  readonly name = "cyclic";

  place(op: OpDemand): NodeId {
    return op.owner;
  }

  mergeOrder<T>(partials: readonly T[]): T[] {
    return [...partials];
  }
}

/**
 * Ray's default scheduler, as a baseline: locality-blind, every op on the node with the fewest ops
 * so far (ties to the lower node). Deterministic, so runs repeat bit for bit.
 */
export class DynamicPolicy implements PlacementPolicy {
  readonly name = "dynamic";

  place(_op: OpDemand, model: LoadModel): NodeId {
    let best = 0;
    for (let n = 1; n < model.nodes; n++) if (model.opsOn(n) < model.opsOn(best)) best = n;
    return best;
  }

  mergeOrder<T>(partials: readonly T[]): T[] {
    return [...partials];
  }
}

export function createPolicy(name: SchedulerName): PlacementPolicy {
  switch (name) {
    case "lshs":
      return new LshsPolicy();
    case "cyclic":
      return new CyclicPolicy();
    case "dynamic":
      return new DynamicPolicy();
  }
}

function localBytes(op: OpDemand, node: NodeId, model: LoadModel): number {
  let bytes = 0;
  for (const i of op.inputs) if (model.holders(i.id).includes(node)) bytes += i.bytes;
  return bytes;
}

function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
