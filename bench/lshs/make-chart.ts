// SPDX-License-Identifier: Apache-2.0
/**
 * Regenerates the charts of docs/scheduling.md:
 *   node dist/bench/lshs/make-chart.js [experiment=logreg] [nodes=16] [out=docs/scheduling-<experiment>.svg]
 * Runs the experiment (main sizes) under each scheduler without bandwidth throttling — memory and
 * traffic do not depend on it — and writes the per-node chart.
 */
import { writeFileSync } from "node:fs";
import { chartSvg } from "./chart.js";
import { EXPERIMENTS, type ExperimentName, MAIN_SIZES } from "./experiments.js";
import { type LshsRunDetail, SCHEDULERS, runOnce } from "./run.js";

const [experiment = "logreg", nodesArg = "16", outArg] = process.argv.slice(2);
if (!EXPERIMENTS.includes(experiment as ExperimentName)) throw new Error(`unknown experiment ${experiment}`);
const nodes = Number(nodesArg);
const runs: LshsRunDetail[] = [];
for (const scheduler of SCHEDULERS) runs.push(await runOnce(experiment as ExperimentName, nodes, scheduler, MAIN_SIZES, null));
const out = outArg ?? `docs/scheduling-${experiment}.svg`;
writeFileSync(out, chartSvg(runs, `${experiment} on ${nodes} simulated nodes: per-node peak memory and traffic by scheduler`));
console.log(`wrote ${out}`);
