#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
/**
 * The `numts` command: `numts demo`, `numts bench <workload> [--json]`, `numts bench compare`,
 * `numts bench lshs [--json]`.
 */
import { Command } from "commander";
import { demo } from "./demo/index.js";

const program = new Command("numts").description("NumPy-style block arrays for TypeScript");

program
  .command("demo")
  .description("logistic regression on generated data: trainTestSplit, StandardScaler, LogisticRegression (newton)")
  .option("--rows <n>", "rows of X (default: sized to this machine's memory and cores)", (v) => Number(v))
  .option("--cols <n>", "features", (v) => Number(v))
  .option("--nodes <n>", "simulate a cluster of n nodes instead of the default runtime", (v) => Number(v))
  .option("--seed <n>", "seed of the data and of the split", (v) => Number(v))
  .action(async (opts: { rows?: number; cols?: number; nodes?: number; seed?: number }) =>
    demo(opts).catch((e: unknown) => program.error(`error: ${e instanceof Error ? e.message : String(e)}`)),
  );

const collect = (v: string, acc: string[]) => [...acc, v];

const bench = program.command("bench").description("benchmarks against NumPy and Dask (bench/peer_bench.py)");
// Options after a subcommand (compare, lshs) belong to it, not to `bench <workload>`.
program.enablePositionalOptions();
bench.enablePositionalOptions();

bench
  .command("compare [workloads...]")
  .description("time workloads in NumPy (and Dask) and numts side by side, in one run")
  .option("--dask", "also run Dask (Debian's /usr/bin/python3)")
  .option("--repeats <n>", "timed repetitions (best is kept)", (v) => Number(v), 3)
  .option("--set <name=value>", "override a workload parameter", collect, [])
  .action(async (workloads: string[], opts: { dask?: boolean; repeats: number; set: string[] }) => {
    const { compare } = await import("../../bench/compare.js");
    const { workloadNames } = await import("../../bench/harness.js");
    compare(workloads.length > 0 ? workloads : workloadNames(), { dask: opts.dask, repeats: opts.repeats, sets: opts.set });
  });

const list = (v: string) => v.split(",").map((x) => x.trim()).filter(Boolean);

bench
  .command("lshs")
  .description("the scheduling experiments: each experiment on 4, 8 and 16 simulated nodes under each scheduler")
  .option("--json", "print one JSON object per run")
  .option("--experiments <list>", "comma-separated: logreg, add, sum, xty, matmul, mttkrp", list)
  .option("--nodes <list>", "comma-separated node counts", (v) => list(v).map(Number), [4, 8, 16])
  .option("--schedulers <list>", "comma-separated: lshs, cyclic, dynamic", list)
  .option("--bandwidth <rate>", 'simulated link speed, or "none" for unthrottled copies', "1Gbit/s")
  .option("--nums", "NumS's simulated problems (16 nodes, X 8192×64 in 256×64 blocks, 2048² in 128² blocks)")
  .option("--repeats <n>", "fresh clusters per configuration (best time kept)", (v) => Number(v), 1)
  .option("--placement", "only measure how many block ops per second the schedulers place (16 nodes)")
  .option("--ablation", "only plan each experiment (--nums sizes, 16 nodes) under LSHS with and without its lookahead and with every node as a candidate")
  .action(async (opts: { json?: boolean; experiments?: string[]; nodes: number[]; schedulers?: string[]; bandwidth: string; nums?: boolean; repeats: number; placement?: boolean; ablation?: boolean }) => {
    if (opts.placement || opts.ablation) {
      const { extras } = await import("../../bench/lshs/extras.js");
      return extras({ placement: opts.placement === true, ablation: opts.ablation === true, json: opts.json === true });
    }
    const { runLshs, jsonRow, table } = await import("../../bench/lshs/run.js");
    const { EXPERIMENTS, MAIN_SIZES, NUMS_SIZES } = await import("../../bench/lshs/experiments.js");
    const { SCHEDULERS } = await import("../../bench/lshs/run.js");
    const experiments = (opts.experiments ?? (opts.nums ? EXPERIMENTS.filter((e) => e !== "mttkrp") : EXPERIMENTS)) as typeof EXPERIMENTS;
    const schedulers = (opts.schedulers ?? SCHEDULERS) as typeof SCHEDULERS;
    for (const e of experiments) if (!EXPERIMENTS.includes(e)) throw new Error(`unknown experiment ${JSON.stringify(e)} (known: ${EXPERIMENTS.join(", ")})`);
    for (const s of schedulers) if (!SCHEDULERS.includes(s)) throw new Error(`unknown scheduler ${JSON.stringify(s)} (known: ${SCHEDULERS.join(", ")})`);
    const runs = await runLshs({
      experiments,
      schedulers,
      nodes: opts.nums ? [16] : opts.nodes,
      sizes: opts.nums ? NUMS_SIZES : MAIN_SIZES,
      bandwidth: opts.bandwidth === "none" ? null : opts.bandwidth,
      repeats: opts.repeats,
      onRun: (r) => opts.json && console.log(JSON.stringify(jsonRow(r))),
    });
    if (!opts.json) console.log(table(runs));
  });

bench
  .argument("<workload>", "workload name (as in bench/peer_bench.py)")
  .option("--json", "print one JSON object per line")
  .option("--repeats <n>", "timed repetitions (best is kept)", (v) => Number(v), 3)
  .option("--set <name=value>", "override a workload parameter", collect, [])
  .action(async (workload: string, opts: { json?: boolean; repeats: number; set: string[] }) => {
    const { runWorkload } = await import("../../bench/harness.js");
    const r = await runWorkload(workload, { repeats: opts.repeats, sets: opts.set });
    console.log(opts.json ? JSON.stringify(r) : `${r.workload}: ${r.seconds.toFixed(4)} s (check ${r.check})`);
  });

await program.parseAsync();
