// SPDX-License-Identifier: Apache-2.0
/**
 * Which manipulations are free: views share blocks and submit no op (checked with `nt.explain`);
 * the ones that must move data submit one op per result block and never gather an array.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as nt from "../../src/index.js";
import { CONFIGS, describeRuntimes } from "../helpers/runtime.js";

function tasksOf(fn: () => nt.BlockArray | nt.BlockArray[]): number {
  return nt.explain(() => {
    const out = fn();
    for (const x of Array.isArray(out) ? out : [out]) x.dispose();
  }).tasks;
}

describeRuntimes(
  "manipulation views",
  () => {
    let rows: nt.BlockArray;
    let tiles: nt.BlockArray;
    before(() => {
      rows = nt.arange(48).reshape(8, 6).rechunk([2, 6]);
      tiles = nt.arange(48).reshape(8, 6).rechunk([3, 4]);
    });
    after(() => {
      rows.dispose();
      tiles.dispose();
    });

    const free: Array<[string, () => nt.BlockArray | nt.BlockArray[]]> = [
      ["reshape merging axes along row blocks", () => rows.reshape(48)],
      ["reshape splitting rows", () => rows.reshape(8, 2, 3)],
      ["reshape splitting the blocked axis at block boundaries", () => rows.reshape(4, 2, 6)],
      ["reshape adding and removing length-1 axes", () => tiles.reshape(1, 8, 1, 6)],
      ["ravel of row blocks", () => nt.ravel(rows)],
      ["squeeze and expandDims", () => nt.squeeze(nt.expandDims(tiles, [0, 2]))],
      ["swapaxes and moveaxis", () => nt.moveaxis(nt.swapaxes(tiles, 0, 1), 0, -1)],
      ["broadcastTo", () => nt.broadcastTo(tiles, [3, 8, 6])],
      ["split and arraySplit", () => [...nt.split(tiles, 3, { axis: 1 }), ...nt.arraySplit(tiles, 5)]],
      ["flip", () => nt.flip(tiles)],
      ["roll", () => nt.roll(tiles, [3, -2], { axis: [0, 1] })],
      ["diagonal", () => nt.diagonal(tiles, { offset: 1 })],
      ["concatenate with matching chunks", () => nt.concatenate([tiles, tiles], { axis: 0 })],
      ["concatenate with refinable chunks", () => nt.concatenate([tiles, rows], { axis: 0 })],
      ["stack and vstack", () => [nt.stack([tiles, tiles], { axis: 1 }), nt.vstack([tiles, tiles])]],
      ["tile of a split array", () => nt.tile(tiles, [2, 2])],
    ];
    for (const [name, fn] of free) test(`${name} submits no op`, () => assert.equal(tasksOf(fn), 0));

    test("a gathered reshape submits one op per result block", () => {
      let blocks = 0;
      const tasks = tasksOf(() => {
        const y = tiles.reshape(6, 8);
        blocks = y.gridShape.reduce((a, b) => a * b, 1);
        return y;
      });
      assert.equal(tasks, blocks);
    });

    test("a gathered reshape of row blocks follows the input's placement", async () => {
      const x = nt.arange(6 * 4096).reshape(6 * 64, 64).rechunk([64, 64]);
      await x.toArray();
      const plan = nt.explain(() => x.reshape(64, 6 * 64).dispose());
      // Output block k is mostly input block k (same owner); it also reads the neighbouring input
      // block its range overlaps, and transfers move whole blocks.
      assert.ok(plan.bytesMoved < x.nbytes, `moves ${plan.bytesMoved} of ${x.nbytes}`);
      x.dispose();
    });

    test("a gathered reshape mixing column blocks never brings the array to one node", async () => {
      const x = nt.arange(6 * 4096).reshape(6 * 64, 64).rechunk([64, 32]);
      await x.toArray();
      const plan = nt.explain(() => x.reshape(64, 6 * 64).dispose());
      for (const n of plan.nodes) assert.ok(n.bytesReceived < x.nbytes, `node ${n.node} receives ${n.bytesReceived} of ${x.nbytes}`);
      x.dispose();
    });

    test("tril, triu and diag assemble only the blocks the diagonal crosses", () => {
      const square = nt.zeros([8, 8], { blockShape: [2, 2] });
      // The 4 diagonal blocks, plus the one zero every block above (below) the diagonal views.
      assert.equal(tasksOf(() => nt.tril(square)), 5);
      assert.equal(tasksOf(() => nt.triu(square, 1)), 5);
      const v = nt.arange(8, { blockShape: [3] });
      assert.equal(tasksOf(() => nt.diag(v, 2)), nt.diag(v, 2).gridShape[0]);
      square.dispose();
      v.dispose();
    });

    test("pad assembles only the blocks it widens", () => {
      assert.equal(tasksOf(() => nt.pad(rows, [[1, 0], [0, 0]])), 1);
    });
  },
  [CONFIGS[0]!, CONFIGS[2]!],
);
