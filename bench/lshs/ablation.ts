// SPDX-License-Identifier: Apache-2.0
/**
 * What LSHS's lookahead buys (the fix for the greedy step's myopia: an intermediate placed off its
 * owner is charged the transfer its result will need). Each experiment is planned with
 * `nt.explain` — whose predictions equal the runtime's counters for these programs — under LSHS
 * with and without the lookahead, and with every node as a candidate (NumS's `lshs-all`).
 */
import type { BlockArray } from "../../src/api/block-array.js";
import * as nt from "../../src/index.js";
import { context, setContext } from "../../src/plan/context.js";
import { LshsPolicy, type LshsOptions } from "../../src/schedule/policy.js";
import { Scheduler } from "../../src/schedule/scheduler.js";
import { normalish } from "../inputs.js";
import { type ExperimentName, type Sizes, prepare } from "./experiments.js";

/**
 * An extra case: a square matrix times a panel a quarter as wide, both in 512² blocks. The output
 * is smaller than the square operand, so products run where their square block lives and partial
 * results travel: the case the lookahead is for.
 */
export const PANEL = "panel";

export interface AblationRow {
  readonly experiment: ExperimentName | typeof PANEL;
  readonly variant: string;
  readonly bytesMoved: number;
  readonly maxBytesIn: number;
  readonly maxBytesOut: number;
  readonly maxPeakMemory: number;
}

export const VARIANTS: readonly { readonly name: string; readonly options: LshsOptions }[] = [
  { name: "lshs", options: {} },
  { name: "lshs, no lookahead", options: { lookahead: false } },
  { name: "lshs, all nodes", options: { allNodes: true } },
];

/** Plans `experiment` on `nodes` simulated nodes under each LSHS variant. */
export async function ablation(experiment: ExperimentName | typeof PANEL, sizes: Sizes, nodes: number): Promise<AblationRow[]> {
  const rows: AblationRow[] = [];
  for (const variant of VARIANTS) {
    await nt.init({ nodes, workersPerNode: 1 });
    try {
      const ctx = context();
      const scheduler = new Scheduler(nodes, new LshsPolicy(variant.options), ctx.scheduler.model);
      ctx.runtime!.onUnheld = (block) => scheduler.free(block.id);
      setContext({ ...ctx, scheduler });
      const run = experiment === PANEL ? await panel(sizes.square) : (await prepare(experiment, sizes, nodes)).run;
      const plan = nt.explain(run);
      const max = (f: (n: (typeof plan.nodes)[number]) => number) => Math.max(...plan.nodes.map(f));
      rows.push({
        experiment,
        variant: variant.name,
        bytesMoved: plan.bytesMoved,
        maxBytesIn: max((n) => n.bytesReceived),
        maxBytesOut: max((n) => n.bytesSent),
        maxPeakMemory: max((n) => n.peakMemoryBytes),
      });
    } finally {
      await nt.shutdown();
    }
  }
  return rows;
}

async function panel(n: number): Promise<() => BlockArray> {
  const a = normalish([n, n], 1, [512, 512]);
  const b = normalish([n, n / 4], 2, [512, 512]);
  await Promise.all([a.wait(), b.wait()]);
  return () => nt.matmul(a, b);
}
