// SPDX-License-Identifier: Apache-2.0
/**
 * How contractions are planned: transposes and diagonals cost no copy, differently blocked
 * operands are re-blocked only where needed, block products become one gemm op per output block,
 * final ops land on their owners, lazy operands work, and nothing leaks.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { parseEinsum } from "../../src/array/einsum-subscripts.js";
import { ownerOf } from "../../src/schedule/layout.js";
import { assertArray } from "../helpers/assert.js";
import { CONFIGS, describeRuntimes } from "../helpers/runtime.js";

/** An n×m matrix of small integers (exact products), blocked by `blockShape`. */
function ints(n: number, m: number, blockShape: number[], salt = 1): nt.BlockArray {
  const data = Float64Array.from({ length: n * m }, (_, i) => ((i * 7 + salt * 3) % 9) - 4);
  return nt.array(data, { shape: [n, m], blockShape });
}

describeRuntimes(
  "contraction plans (one node)",
  () => {
    test("a transposed operand goes to BLAS as a view: one gemm op per output block", () => {
      using x = ints(16, 16, [4, 4]);
      using y = ints(16, 16, [4, 4], 2);
      using xt = x.T;
      assert.equal(nt.explain(() => nt.matmul(xt, y)).tasks, 16);
      assert.equal(nt.explain(() => nt.einsum("ji,jk->ik", x, y)).tasks, 16);
    });

    test("few output blocks: their products split into several ops, merged by adds", () => {
      using x = ints(8, 12, [4, 3]);
      using y = ints(12, 8, [3, 4], 2);
      // 4 output blocks of 4 products each; 4 ops per worker (8) asks for 2 groups per block:
      // 2 gemm ops and 1 add per block.
      assert.equal(nt.explain(() => nt.matmul(x, y)).tasks, 12);
    });

    test("differently blocked contracted axes re-block only the needed regions, once each", () => {
      using a = ints(8, 10, [4, 5]);
      using b = ints(10, 6, [3, 6]);
      // k follows a (the larger): b's rows [0,5) and [5,10) each span two of its blocks, so two
      // assemble ops serve both row blocks of the result; each of its 2 blocks sums 2 products in
      // 2 groups merged by one add: 2 + 2 * (2 + 1) = 8.
      assert.equal(nt.explain(() => nt.matmul(a, b)).tasks, 8);
    });

    test("a trace reads only the blocks on the diagonal", () => {
      using m = ints(12, 12, [4, 4]);
      // 3 einsum ops on the diagonal blocks (a 12-long diagonal in 3 blocks), then its sum:
      // 3 reduce ops and 2 combines.
      assert.equal(nt.explain(() => nt.trace(m)).tasks, 8);
    });

    test("(x + x.T).sum() is one fused reduction over views, with no transpose materialized", () => {
      using x = ints(8, 8, [4, 4]);
      // 4 reduce ops (one per block, reading x and x.T in place) and 3 combines.
      using xt = x.T;
      assert.equal(nt.explain(() => nt.sum(x.add(xt))).tasks, 7);
    });

    test("lazy operands are computed and contracted", async () => {
      using x = ints(6, 5, [3, 5]);
      using y = ints(5, 4, [5, 2], 2);
      using p = nt.matmul(x, y);
      using want = p.multiply(2);
      using x2 = x.multiply(2);
      using got = nt.matmul(x2, y);
      assertArray(await got.toArray(), await want.toArray());
    });

    test("nothing leaks: memory returns to its baseline", async () => {
      const base = nt.stats().reduce((s, n) => s + n.memoryBytes, 0);
      {
        using x = ints(9, 7, [4, 3]);
        using y = ints(7, 5, [2, 5], 2);
        using c = nt.einsum("ij,jk->ik", x, y);
        using xt = x.T;
        using g = nt.matmul(x, xt);
        using t = nt.trace(g, { offset: 1 });
        using v = nt.vdot(x, x);
        using k = nt.kron(x, y);
        await Promise.all([c.wait(), t.wait(), v.wait(), k.wait()]);
      }
      await new Promise((r) => setTimeout(r, 50));
      assert.equal(nt.stats().reduce((s, n) => s + n.memoryBytes, 0), base);
    });
  },
  CONFIGS.slice(0, 2),
);

describeRuntimes(
  "contraction plans (three nodes)",
  () => {
    test("each output block's last op runs on its owner", async () => {
      using a = ints(12, 9, [4, 3]);
      using b = ints(9, 12, [3, 4], 2);
      const c = nt.matmul(a, b);
      await c.wait();
      const grid = c.data.grid;
      [...grid.entries()].forEach((entry, i) => {
        assert.equal(c.data.slots[i]!.block.node, ownerOf(entry, grid.gridShape, 3), `block ${entry}`);
      });
      assertArray(await c.toArray(), await nt.matmul(nt.array(await a.toArray()), nt.array(await b.toArray())).toArray());
    });
  },
  [{ name: "3 nodes", options: { kernels: "native", nodes: 3, workersPerNode: 1 } }],
);

test("einsum subscripts: implicit outputs, ellipses and uppercase labels as NumPy orders them", () => {
  const code = (s: string) => [...s].map((c) => c.charCodeAt(0));
  assert.deepEqual(parseEinsum("ij,jk", [[2, 3], [3, 4]]), { inputs: [code("ij"), code("jk")], output: code("ik") });
  assert.deepEqual(parseEinsum("Ba", [[2, 3]]).output, code("Ba"));
  assert.deepEqual(parseEinsum("ba", [[2, 3]]).output, code("ab"));
  assert.deepEqual(parseEinsum("...i,i...", [[2, 3, 4], [4, 5]]), {
    inputs: [[128, 129, 105], [105, 129]],
    output: [128, 129],
  });
  assert.deepEqual(parseEinsum(" i j -> j ", [[2, 3]]).output, code("j"));
});
