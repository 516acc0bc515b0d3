// SPDX-License-Identifier: Apache-2.0
/**
 * Side-by-side timings in one run: each workload in NumPy (and optionally Dask) through
 * bench/peer_bench.py, then in numts, each in a fresh process on the same inputs. Prints one JSON
 * line per measurement and a markdown table with speed ratios (baseline seconds / numts seconds).
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, "..", "..");
const PEER_BENCH = join(repoRoot, "bench", "peer_bench.py");
const CLI = join(repoRoot, "dist", "src", "cli", "main.js");

export interface Measurement {
  workload: string;
  system: string;
  seconds: number;
  check: number;
  params: Record<string, number>;
}

function runJson(cmd: string, args: string[]): Measurement {
  const r = spawnSync(cmd, args, { encoding: "utf8", maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}):\n${r.stderr}`);
  const line = r.stdout.trim().split("\n").filter((l) => l.startsWith("{")).pop();
  if (!line) throw new Error(`${cmd} ${args.join(" ")} printed no JSON:\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line) as Measurement;
}

export interface CompareOptions {
  dask?: boolean;
  repeats?: number;
  sets?: readonly string[];
}

export function compare(workloads: readonly string[], options: CompareOptions = {}): Measurement[] {
  const repeats = String(options.repeats ?? 3);
  const sets = (options.sets ?? []).flatMap((s) => ["--set", s]);
  const rows: Measurement[] = [];
  for (const w of workloads) {
    const run = (m: Measurement) => {
      rows.push(m);
      console.log(JSON.stringify(m));
    };
    run(runJson("python3", [PEER_BENCH, w, "--system", "numpy", "--repeats", repeats, ...sets]));
    if (options.dask) run(runJson("/usr/bin/python3", [PEER_BENCH, w, "--system", "dask", "--repeats", repeats, ...sets]));
    run(runJson(process.execPath, [CLI, "bench", w, "--json", "--repeats", repeats, ...sets]));
  }
  console.log(table(rows));
  return rows;
}

/** A markdown table: seconds per system, numts's speedup over each baseline, and the checks. */
export function table(rows: readonly Measurement[]): string {
  const workloads = [...new Set(rows.map((r) => r.workload))];
  const lines = ["| workload | numpy s | dask s | numts s | vs numpy | vs dask | checks agree |", "|---|---|---|---|---|---|---|"];
  for (const w of workloads) {
    const get = (s: string) => rows.find((r) => r.workload === w && r.system === s);
    const np = get("numpy");
    const dk = get("dask");
    const nt = get("numts");
    const ratio = (b?: Measurement) => (b && nt ? `${(b.seconds / nt.seconds).toFixed(2)}×` : "–");
    const agree = [np, dk].filter(Boolean).every((b) => nt && Math.abs(b!.check - nt.check) <= 1e-6 * Math.max(1, Math.abs(b!.check)));
    const s = (m?: Measurement) => (m ? m.seconds.toFixed(4) : "–");
    lines.push(`| ${w} | ${s(np)} | ${s(dk)} | ${s(nt)} | ${ratio(np)} | ${ratio(dk)} | ${agree ? "yes" : "NO"} |`);
  }
  return lines.join("\n");
}
