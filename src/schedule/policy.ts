// SPDX-License-Identifier: Apache-2.0
/**
 * Placement policies behind one small interface (like piscina's TaskQueue): given an op's demand
 * and the load model, pick a node; given the partial results of a reduction, say which merge
 * locally first. The scheduler commits the choice; policies never mutate the model.
 */
import type { NodeId } from "../runtime/messages.js";
import type { LoadModel, OpDemand } from "./load-model.js";

export type SchedulerName = "lshs" | "cyclic" | "dynamic";

export interface PlacementPolicy {
  readonly name: SchedulerName;
  place(op: OpDemand, model: LoadModel): NodeId;
  /**
   * The partial results of a reduction whose result `owner` owns, in groups: each group is merged
   * pairwise on its own (first two, result to the back), then the groups' results across nodes
   * (see plan/tree-reduce.ts). The first group's result takes part in the last merge.
   */
  reductionGroups<T extends { readonly id: number }>(partials: readonly T[], owner: NodeId, model: LoadModel): T[][];
}

export interface LshsOptions {
  /** Try every node, not only the input holders, the owner and the home (NumS's `lshs-all`). */
  readonly allNodes?: boolean;
  /** Charge an intermediate op placed off its owner the transfer its result will need (default on). */
  readonly lookahead?: boolean;
}

/**
 * LSHS (NumS §3): try the nodes that already hold the op's inputs, the owner and the home,
 * simulate the placement on each, and take the one with the lowest objective among those that stay
 * within their memory limit. An array block's
 * last op goes to its owner so layouts stay aligned and elementwise chains never move data. Ties
 * break deterministically: the home (what a static rule would do), then the owner, then the lower
 * node.
 */
export class LshsPolicy implements PlacementPolicy {
  readonly name = "lshs";
  private readonly allNodes: boolean;
  private readonly lookahead: boolean;
  private readonly candidates: NodeId[] = [];

  constructor(options: LshsOptions = {}) {
    this.allNodes = options.allNodes ?? false;
    this.lookahead = options.lookahead ?? true;
  }

  place(op: OpDemand, model: LoadModel): NodeId {
    if (op.final || model.nodes === 1) return op.owner;
    const home = op.home ?? op.owner;
    const cands = this.candidates;
    cands.length = 0;
    if (this.allNodes) for (let n = 0; n < model.nodes; n++) cands.push(n);
    else {
      cands.push(op.owner);
      if (home !== op.owner) cands.push(home);
      for (const i of op.inputs) for (const h of model.holders(i.id)) if (!cands.includes(h)) cands.push(h);
    }
    const best = this.best(op, model, cands, home);
    if (best.fits || this.allNodes) return best.node;
    // No natural candidate has room: look at every node before overflowing one.
    cands.length = 0;
    for (let n = 0; n < model.nodes; n++) cands.push(n);
    return this.best(op, model, cands, home).node;
  }

  private best(op: OpDemand, model: LoadModel, cands: readonly NodeId[], home: NodeId): { node: NodeId; fits: boolean } {
    let best = op.owner;
    let bestFits = false;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const node of cands) {
      // A node the op would push over its memory limit only wins when no candidate fits.
      const fits = model.fits(op, node);
      if (bestFits && !fits) continue;
      const cost = model.cost(op, node, this.lookahead);
      if (fits === bestFits && cost > bestCost) continue;
      if (fits === bestFits && cost === bestCost && !preferred(node, best, op.owner, home)) continue;
      best = node;
      bestFits = fits;
      bestCost = cost;
    }
    return { node: best, fits: bestFits };
  }

  /**
   * One group per node holding partials (by where each was computed), so co-located partials
   * merge there first and one result per node crosses the network. The owner's group comes first,
   * the others by node.
   */
  reductionGroups<T extends { readonly id: number }>(partials: readonly T[], owner: NodeId, model: LoadModel): T[][] {
    const byNode = new Map<NodeId, T[]>();
    for (const p of partials) {
      const node = model.holders(p.id)[0] ?? owner;
      let g = byNode.get(node);
      if (!g) byNode.set(node, (g = []));
      g.push(p);
    }
    const nodes = [...byNode.keys()].sort((a, b) => (a === owner ? -1 : b === owner ? 1 : a - b));
    return nodes.map((n) => byNode.get(n)!);
  }
}

/**
 * Among candidates of equal cost (and so equal bytes moved): the home, then the owner, then the
 * lower node. The home first: preferring the owner on ties piles merges onto it.
 */
function preferred(node: NodeId, best: NodeId, owner: NodeId, home: NodeId): boolean {
  if ((node === home) !== (best === home)) return node === home;
  if ((node === owner) !== (best === owner)) return node === owner;
  return node < best;
}

/**
 * NumS's default path: static block-cyclic, owner computes. An array block's op runs on its
 * owner, an intermediate one on its home (where its largest input is); partials merge in the
 * order they were made.
 */
export class CyclicPolicy implements PlacementPolicy {
  readonly name = "cyclic";

  place(op: OpDemand): NodeId {
    return op.final ? op.owner : (op.home ?? op.owner);
  }

  reductionGroups<T>(partials: readonly T[]): T[][] {
    return [[...partials]];
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

  reductionGroups<T>(partials: readonly T[]): T[][] {
    return [[...partials]];
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
