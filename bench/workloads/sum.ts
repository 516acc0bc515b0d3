// SPDX-License-Identifier: Apache-2.0
/** `x.sum(axis=0)[0]` over a tall matrix in row blocks: per-block column sums, tree-merged. */
import * as nt from "../../src/index.js";
import { normalish } from "../inputs.js";
import type { Workload } from "../workload.js";

export const sum: Workload = {
  name: "sum",
  defaults: { rows: 100_000, cols: 1_000, block_rows: 12_500 },
  async setup(p) {
    const x = normalish([p.rows!, p.cols!], 1, [p.block_rows!, p.cols!]);
    await x.wait();
    return async () => Number(await nt.sum(x, { axis: 0 }).get(0).item());
  },
};
