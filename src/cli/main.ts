#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
/** The `numts` command: `numts demo`, `numts bench <workload> [--json]`, `numts bench compare`. */
import { Command } from "commander";
import { demo } from "./demo.js";

const program = new Command("numts").description("NumPy-style block arrays for TypeScript");

program
  .command("demo")
  .description("run the demo on the embedded default runtime")
  .option("--rows <n>", "rows of the demo matrix (default: sized to this machine)", (v) => Number(v))
  .action(async (opts: { rows?: number }) => demo(opts));

const collect = (v: string, acc: string[]) => [...acc, v];

const bench = program.command("bench").description("benchmarks against NumPy and Dask (bench/peer_bench.py)");

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
