// SPDX-License-Identifier: Apache-2.0
/** R of a tall-skinny matrix in row blocks (`qr(X, mode="r")`): direct TSQR, leaves where the blocks live. */
import * as nt from "../../src/index.js";
import { normalish } from "../inputs.js";
import type { Workload } from "../workload.js";

export const tsqr: Workload = {
  name: "tsqr",
  defaults: { rows: 1_000_000, cols: 100, block_rows: 125_000 },
  async setup(p) {
    const x = normalish([p.rows!, p.cols!], 1, [p.block_rows!, p.cols!]);
    await x.wait();
    return async () => Number(await nt.sum(nt.absolute(nt.linalg.qr(x, { mode: "r" }))).item());
  },
};
