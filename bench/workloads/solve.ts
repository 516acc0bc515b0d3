// SPDX-License-Identifier: Apache-2.0
/**
 * A·x = b for A = X + 2n·I (strictly diagonally dominant by rows and columns, peer_bench.py's
 * input) in square blocks: tournament-pivoted LU of [A | b] and block back substitution.
 */
import * as nt from "../../src/index.js";
import { normalish } from "../inputs.js";
import type { Workload } from "../workload.js";

export const solve: Workload = {
  name: "solve",
  defaults: { n: 8_000, block: 1_000 },
  async setup(p) {
    const [n, bs] = [p.n!, p.block!];
    const a = normalish([n, n], 1, [bs, bs]).add(nt.eye(n, { blockShape: [bs, bs] }).multiply(2 * n));
    const b = normalish([n], 2, [bs]);
    await Promise.all([a.wait(), b.wait()]);
    return async () => Number(await nt.sum(nt.absolute(nt.linalg.solve(a, b))).item());
  },
};
