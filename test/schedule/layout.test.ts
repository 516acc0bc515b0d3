// SPDX-License-Identifier: Apache-2.0
/**
 * Layouts: the node grid follows the array's block grid (tall-skinny (N, 1), square about √N × √N),
 * and with the default block shape every node owns about one block per worker.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultBlockShape } from "../../src/array/block-shape.js";
import { nodeGrid, ownerOf } from "../../src/schedule/layout.js";

test("node grids follow the block grid: tall-skinny (N, 1), square √N × √N", () => {
  assert.deepEqual(nodeGrid([32, 1], 16), [16, 1]);
  assert.deepEqual(nodeGrid([16, 16], 16), [4, 4]);
  assert.deepEqual(nodeGrid([4, 2], 8), [4, 2]);
  assert.deepEqual(nodeGrid([8], 4), [4]);
  assert.deepEqual(nodeGrid([1, 8, 1], 4), [1, 4, 1]);
  assert.deepEqual(nodeGrid([1, 1], 4), [1, 1]);
});

test("owners are block-cyclic over the node grid; length-1 axes never change an owner", () => {
  assert.equal(ownerOf([0, 5], [1, 8], 4), ownerOf([5], [8], 4));
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((i) => ownerOf([i, 0], [6, 1], 4)), [0, 1, 2, 3, 0, 1]);
  // 8×8 blocks on a 2×2 node grid: (i mod 2, j mod 2).
  assert.deepEqual([[0, 0], [0, 1], [1, 0], [3, 3], [4, 2]].map((e) => ownerOf(e, [8, 8], 4)), [0, 1, 2, 3, 0]);
  assert.equal(ownerOf([7, 3], [8, 8], 1), 0);
});

/** How many blocks each node owns for an array of `shape` on `nodes` × `workersPerNode`. */
function blocksPerNode(shape: number[], nodes: number, workersPerNode: number): { grid: number[]; nodeGrid: number[]; counts: number[] } {
  const block = defaultBlockShape(shape, 8, nodes * workersPerNode);
  const grid = shape.map((n, i) => Math.ceil(n / block[i]!));
  const counts = new Array<number>(nodes).fill(0);
  for (let i = 0; i < grid[0]!; i++) for (let j = 0; j < (grid[1] ?? 1); j++) counts[ownerOf(grid.length === 1 ? [i] : [i, j], grid, nodes)]!++;
  return { grid, nodeGrid: nodeGrid(grid, nodes), counts };
}

test("default blocks and layouts together: about one block per worker, spread evenly", () => {
  for (const nodes of [4, 8, 16]) {
    const tall = blocksPerNode([1_000_000, 100], nodes, 1);
    assert.deepEqual(tall.grid, [nodes, 1]);
    assert.deepEqual(tall.nodeGrid, [nodes, 1]);
    assert.deepEqual(tall.counts, new Array(nodes).fill(1));
    const square = blocksPerNode([4096, 4096], nodes, 1);
    assert.equal(square.grid[0]! * square.grid[1]!, nodes);
    assert.deepEqual(square.nodeGrid, square.grid);
    assert.deepEqual(square.counts, new Array(nodes).fill(1));
  }
  // Two workers per node: two row blocks per node.
  assert.deepEqual(blocksPerNode([1_000_000, 100], 4, 2).counts, [2, 2, 2, 2]);
  assert.deepEqual(blocksPerNode([4096, 4096], 4, 4).counts, [4, 4, 4, 4]);
  assert.deepEqual(blocksPerNode([4096, 4096], 16, 1).grid, [4, 4]);
});
