// SPDX-License-Identifier: Apache-2.0
/**
 * MTTKRP, `einsum("ijk,jr,kr->ir", T, B, C).sum()`: per block of T one einsum op, a Khatri–Rao
 * product of B's and C's blocks followed by one gemm against it.
 */
import * as nt from "../../src/index.js";
import { normalish } from "../inputs.js";
import type { Workload } from "../workload.js";

export const mttkrp: Workload = {
  name: "mttkrp",
  defaults: { dim: 400, rank: 100, block: 200 },
  async setup(p) {
    const [i, r, b] = [p.dim!, p.rank!, p.block!];
    const t = normalish([i, i, i], 1, [b, b, b]);
    const bm = normalish([i, r], 2, [b, r]);
    const cm = normalish([i, r], 3, [b, r]);
    await Promise.all([t.wait(), bm.wait(), cm.wait()]);
    return async () => Number(await nt.sum(nt.einsum("ijk,jr,kr->ir", t, bm, cm)).item());
  },
};
