// SPDX-License-Identifier: Apache-2.0
/**
 * Merging partial results pairwise, in two stages. The scheduler groups the partials (LSHS: by the
 * node holding them); each group is merged on its own — pop two from the front, push the merge to
 * the back, a balanced tree — so co-located partials merge where they are. Then the groups'
 * results are merged across nodes along a heap-shaped tree: group i merges in the results of
 * groups 2i+1 and 2i+2. Each group's node thus receives at most two partials (a binomial tree
 * would pile log2(groups) of them onto one node), the depth stays log2(groups), and the last
 * merge — on the output's owner — takes the first group's result, the owner's own when it has one.
 */
import type { Block } from "../runtime/block.js";
import type { NodeId } from "../runtime/messages.js";
import { context } from "./context.js";

/** A partial result: one or more blocks (a reduction's state), identified by its first block. */
export type PartialState = readonly Block[];

/**
 * Submits the merge of two partials and returns its outputs. `final` marks the reduction's last
 * merge (it produces the array's block, on `owner`); `home` is where a static rule runs an
 * intermediate merge: next to its first input.
 */
export type Merge = (a: PartialState, b: PartialState, final: boolean, owner: NodeId, home: NodeId) => PartialState;

/**
 * Reduces `partials` to one with `merge`. Takes over the caller's holds on the partials and
 * returns the final partial's holds.
 */
export function treeReduce(partials: readonly PartialState[], owner: NodeId, merge: Merge): PartialState {
  if (partials.length === 0) throw new Error("internal: tree reduction of nothing");
  const keyed = partials.map((p) => ({ id: p[0]!.id, p }));
  const groups = context().scheduler.reductionGroups(keyed, owner).map((g) => g.map((x) => x.p));
  const step = (a: PartialState, b: PartialState, final: boolean): PartialState => {
    const merged = merge(a, b, final, owner, Math.max(0, a[0]!.node));
    for (const blk of [...a, ...b]) blk.release();
    return merged;
  };
  const results = groups.map((group) => {
    const queue = [...group];
    while (queue.length > 1) {
      const a = queue.shift()!;
      const b = queue.shift()!;
      queue.push(step(a, b, groups.length === 1 && queue.length === 0));
    }
    return queue[0]!;
  });
  const subtree = (i: number): PartialState => {
    let acc = results[i]!;
    const children = [2 * i + 1, 2 * i + 2].filter((c) => c < results.length);
    children.forEach((c, k) => (acc = step(acc, subtree(c), i === 0 && k === children.length - 1)));
    return acc;
  };
  return subtree(0);
}
