// SPDX-License-Identifier: Apache-2.0
/** How the factorizations are planned: where tiles are computed, what moves, and that nothing leaks. */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import * as nt from "../../src/index.js";
import { ownerOf } from "../../src/schedule/layout.js";

const sumMemory = () => nt.stats().reduce((s, n) => s + n.memoryBytes, 0);

describe("linalg plans on 3 nodes", () => {
  before(() => nt.init({ nodes: 3, workersPerNode: 1 }));
  after(() => nt.shutdown());

  test("tiled Cholesky computes every tile of L on the node that owns it", async () => {
    const a = nt.random.defaultRng(1).standardNormal([96, 96], { blockShape: [24, 24] });
    const spd = nt.add(nt.matmul(a, a.T), nt.eye(96, { blockShape: [24, 24] }).multiply(96));
    const l = nt.linalg.cholesky(spd);
    await l.wait();
    const grid = l.data.grid;
    for (const entry of grid.entries()) {
      if (entry[0]! < entry[1]!) continue;
      assert.equal(l.data.slots[grid.flatIndex(entry)]!.block.node, ownerOf(entry, grid.gridShape, 3), `tile ${entry}`);
    }
    for (const t of [a, spd, l]) t.dispose();
  });

  test("TSQR moves only R factors between nodes, not the row blocks", () => {
    const x = nt.random.defaultRng(2).standardNormal([6000, 20], { blockShape: [1000, 20] });
    const plan = nt.explain(() => nt.linalg.qr(x, { mode: "r" }));
    const rBytes = 20 * 20 * 8;
    assert.ok(plan.bytesMoved <= 6 * rBytes, `${plan.bytesMoved} bytes moved, R is ${rBytes}`);
    x.dispose();
  });

  test("tournament-pivoted LU moves O(n²) per node, whatever the tile size", () => {
    // Each step sends a few tiles per tile column (candidate rows, one gathered partial per node,
    // U's row): halving the tiles doubles the steps but halves what each moves. Gathering whole
    // columns instead would move O(n³/b).
    const n = 240;
    const moved = (tile: number) => {
      const a = nt.random.defaultRng(3).standardNormal([n, n], { blockShape: [tile, tile] });
      const b = nt.ones([n], { blockShape: [tile] });
      const plan = nt.explain(() => nt.linalg.solve(a, b));
      for (const t of [a, b]) t.dispose();
      return plan.bytesMoved;
    };
    const [coarse, fine] = [moved(40), moved(20)];
    assert.ok(fine <= 1.3 * coarse, `${fine} bytes with 20-row tiles against ${coarse} with 40-row tiles`);
    assert.ok(coarse < 4 * n * n * 8, `${coarse} bytes for a ${n * n * 8}-byte matrix`);
  });

  test("results and temporaries are freed: memory returns to its baseline", async () => {
    const settle = () => new Promise((r) => setTimeout(r, 50));
    await settle();
    const base = sumMemory();
    const a = nt.random.defaultRng(4).standardNormal([80, 80], { blockShape: [30, 30] });
    const b = nt.random.defaultRng(5).standardNormal([80, 3], { blockShape: [30, 3] });
    const results: nt.BlockArray[] = [
      nt.linalg.solve(a, b),
      nt.linalg.inv(a),
      nt.linalg.det(a),
      ...nt.linalg.qr(a),
      ...nt.linalg.svd(a),
      ...nt.linalg.lstsq(a, b),
      nt.linalg.pinv(a),
      nt.linalg.norm(a, 2),
      nt.linalg.cond(a, 1),
      nt.linalg.matrixPower(a, 5),
      nt.linalg.multiDot([a, a, b]),
    ];
    await Promise.all(results.map((r) => r.wait()));
    for (const r of [...results, a, b]) r.dispose();
    // Freed blocks are released once their last consumer has run.
    await settle();
    assert.ok(sumMemory() <= base, `${sumMemory()} bytes held after disposing, ${base} before`);
  });
});
