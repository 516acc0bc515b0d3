// SPDX-License-Identifier: Apache-2.0
/** `(exp(a) * b + 1).sum()` over two 1-D arrays: one fused pass, no temporaries. */
import * as nt from "../../src/index.js";
import { normalish } from "../inputs.js";
import type { Workload } from "../workload.js";

export const elementwise: Workload = {
  name: "elementwise",
  defaults: { n: 50_000_000, block: 6_250_000 },
  async setup(p) {
    const a = normalish([p.n!], 1, [p.block!]);
    const b = normalish([p.n!], 2, [p.block!]);
    await Promise.all([a.wait(), b.wait()]);
    return async () => Number(await nt.sum(nt.exp(a).multiply(b).add(1)).item());
  },
};
