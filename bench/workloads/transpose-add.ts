// SPDX-License-Identifier: Apache-2.0
/** `(x + x.T).sum()`: one fused reduction reading x and its transpose in place (no transpose copy). */
import * as nt from "../../src/index.js";
import { normalish } from "../inputs.js";
import type { Workload } from "../workload.js";

export const transposeAdd: Workload = {
  name: "transpose-add",
  defaults: { n: 10_000, block: 2_500 },
  async setup(p) {
    const x = normalish([p.n!, p.n!], 1, [p.block!, p.block!]);
    await x.wait();
    return async () => Number(await nt.sum(x.add(x.T)).item());
  },
};
