// SPDX-License-Identifier: Apache-2.0
/**
 * `numts bench lshs --placement` and `--ablation`: how fast the schedulers place block ops (the
 * pure scheduler, then the whole planner), and what LSHS's lookahead and candidate set buy on
 * NumS's problem sizes (16 nodes). Markdown tables, or one JSON object per row with --json.
 */
import { PANEL, ablation } from "./ablation.js";
import { EXPERIMENTS, NUMS_SIZES } from "./experiments.js";
import { placementSpeed, plannerSpeed } from "./placement-speed.js";
import { formatBytes } from "./run.js";

export interface ExtrasOptions {
  readonly placement: boolean;
  readonly ablation: boolean;
  readonly json: boolean;
}

const NODES = 16;

function print(json: boolean, header: string[], rows: Record<string, unknown>[], cells: (r: Record<string, unknown>) => string[]): void {
  if (json) {
    for (const r of rows) console.log(JSON.stringify(r));
    return;
  }
  console.log(`| ${header.join(" | ")} |\n|${header.map(() => "---").join("|")}|`);
  for (const r of rows) console.log(`| ${cells(r).join(" | ")} |`);
  console.log();
}

export async function extras(options: ExtrasOptions): Promise<void> {
  if (options.placement) {
    const pure = placementSpeed(NODES).map((r) => ({ kind: "scheduler", ...r }));
    print(options.json, ["scheduler", "nodes", "ops placed", "seconds (best of 5)", "ops per second"], pure, (r) => [
      String(r.scheduler),
      String(r.nodes),
      String(r.ops),
      (r.seconds as number).toFixed(3),
      Math.round(r.opsPerSecond as number).toLocaleString("en-US"),
    ]);
    const planner = (await plannerSpeed(NODES)).map((r) => ({ kind: "planner", nodes: NODES, ...r }));
    print(options.json, ["program (lshs, planned by nt.explain)", "nodes", "block ops", "ops per second"], planner, (r) => [
      String(r.program),
      String(r.nodes),
      String(r.ops),
      Math.round(r.opsPerSecond as number).toLocaleString("en-US"),
    ]);
  }
  if (options.ablation) {
    const rows = [];
    for (const e of [...EXPERIMENTS.filter((x) => x !== "mttkrp"), PANEL] as const) rows.push(...(await ablation(e, NUMS_SIZES, NODES)));
    print(options.json, ["experiment", "variant", "bytes moved", "max in (node)", "max out (node)", "max peak memory (node)"], rows as unknown as Record<string, unknown>[], (r) => [
      String(r.experiment),
      String(r.variant),
      formatBytes(r.bytesMoved as number),
      formatBytes(r.maxBytesIn as number),
      formatBytes(r.maxBytesOut as number),
      formatBytes(r.maxPeakMemory as number),
    ]);
  }
}
