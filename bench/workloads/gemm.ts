// SPDX-License-Identifier: Apache-2.0
/** `(a @ b).sum()` for square matrices in square blocks: one gemm op per output block. */
import * as nt from "../../src/index.js";
import { normalish } from "../inputs.js";
import type { Workload } from "../workload.js";

export const gemm: Workload = {
  name: "gemm",
  defaults: { n: 4096, block: 1024 },
  async setup(p) {
    const a = normalish([p.n!, p.n!], 1, [p.block!, p.block!]);
    const b = normalish([p.n!, p.n!], 2, [p.block!, p.block!]);
    await Promise.all([a.wait(), b.wait()]);
    return async () => Number(await nt.sum(nt.matmul(a, b)).item());
  },
};
