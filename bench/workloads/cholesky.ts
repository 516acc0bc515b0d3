// SPDX-License-Identifier: Apache-2.0
/**
 * Cholesky of an SPD matrix in square blocks: (X + Xᵀ)/2 + 2n·I, symmetric and strictly diagonally
 * dominant (peer_bench.py's input); tiled right-looking Cholesky on the blocks as tiles.
 */
import * as nt from "../../src/index.js";
import { normalish } from "../inputs.js";
import type { Workload } from "../workload.js";

export const cholesky: Workload = {
  name: "cholesky",
  defaults: { n: 8_000, block: 1_000 },
  async setup(p) {
    const [n, b] = [p.n!, p.block!];
    const x = normalish([n, n], 1, [b, b]);
    const a = x.add(x.T).multiply(0.5).add(nt.eye(n, { blockShape: [b, b] }).multiply(2 * n));
    await a.wait();
    x.dispose();
    return async () => Number(await nt.sum(nt.absolute(nt.linalg.cholesky(a))).item());
  },
};
