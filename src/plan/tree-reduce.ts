// SPDX-License-Identifier: Apache-2.0
/**
 * Merging partial results pairwise. The scheduler orders the partials (LSHS: by location, so
 * partials on one node merge there first and only one result per node crosses the network); the
 * planner then pops two from the front, places their merge, and pushes the result to the back — a
 * balanced tree whose last merge lands on the output's owner.
 */
import type { Block } from "../runtime/block.js";
import type { NodeId } from "../runtime/messages.js";
import { context } from "./context.js";

/** A partial result: one or more blocks (a reduction's state), identified by its first block. */
export type PartialState = readonly Block[];

/**
 * Reduces `partials` to one with `merge(a, b, final)`, which submits the merge op and returns its
 * outputs. Takes over the caller's holds on the partials and returns the final partial's holds.
 */
export function treeReduce(partials: readonly PartialState[], owner: NodeId, merge: (a: PartialState, b: PartialState, final: boolean, owner: NodeId) => PartialState): PartialState {
  if (partials.length === 0) throw new Error("internal: tree reduction of nothing");
  const ordered = context().scheduler.mergeOrder(partials.map((p) => ({ id: p[0]!.id, p }))).map((x) => x.p);
  const queue: PartialState[] = [...ordered];
  while (queue.length > 1) {
    const a = queue.shift()!;
    const b = queue.shift()!;
    const merged = merge(a, b, queue.length === 0, owner);
    for (const blk of [...a, ...b]) blk.release();
    queue.push(merged);
  }
  return queue[0]!;
}
