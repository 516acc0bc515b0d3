// SPDX-License-Identifier: Apache-2.0
/**
 * Which node owns each block of an array: hierarchical block-cyclic over a node grid shaped after
 * the array's block grid (NumS §2.4). Tall-skinny arrays get an (N, 1) node grid, square ones about
 * √N × √N; block e belongs to node grid entry e mod R. The worker within a node is the node's own
 * business (its queue), so only the node level is decided here.
 */
import { primeFactors } from "../array/block-shape.js";
import type { NodeId } from "../runtime/messages.js";

/**
 * The node grid for a block grid: each prime factor of N goes to the axis with the most blocks per
 * node. Axes with a single block never get one, so adding or removing length-1 axes (keepdims,
 * expandDims, squeeze) keeps every block's owner.
 */
export function nodeGrid(gridShape: readonly number[], nodes: number): number[] {
  const r = gridShape.map(() => 1);
  const axes = gridShape.map((_, i) => i).filter((i) => gridShape[i]! > 1);
  if (axes.length === 0) return r;
  for (const p of primeFactors(nodes)) {
    let best = axes[0]!;
    for (const i of axes) if (gridShape[i]! / r[i]! > gridShape[best]! / r[best]!) best = i;
    r[best]! *= p;
  }
  return r;
}

/** The owner of block `entry` in a grid of `gridShape` over `nodes` nodes. */
export function ownerOf(entry: readonly number[], gridShape: readonly number[], nodes: number): NodeId {
  if (nodes === 1) return 0;
  const r = nodeGrid(gridShape, nodes);
  let node = 0;
  for (let i = 0; i < r.length; i++) node = node * r[i]! + (entry[i]! % r[i]!);
  return node;
}
