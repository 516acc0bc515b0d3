// SPDX-License-Identifier: Apache-2.0
/**
 * `np.sort(x)` of n hashed float64 in blocks: a distributed sample sort. peer_bench.py has no sort
 * workload; bench/sort.mjs times np.sort on the same array in the same run.
 */
import * as nt from "../../src/index.js";
import { hashed } from "../inputs.js";
import type { Workload } from "../workload.js";

export const sort: Workload = {
  name: "sort",
  defaults: { n: 100_000_000 },
  async setup(p) {
    const x = hashed([p.n!], 1);
    await x.wait();
    return async () => {
      const s = nt.sort(x);
      await s.wait();
      const first = Number(await nt.min(s).item());
      s.dispose();
      return first;
    };
  },
};
