// SPDX-License-Identifier: Apache-2.0
/**
 * Runs a workload the way bench/peer_bench.py does — inputs built and computed first, then the
 * best of `repeats` timed runs — and reports one JSON line:
 * {workload, system: "numts", seconds, params, check}.
 */
import * as nt from "../src/index.js";
import type { Params, Workload } from "./workload.js";
import { WORKLOADS } from "./workloads/index.js";

export interface BenchResult {
  readonly workload: string;
  readonly system: "numts";
  readonly seconds: number;
  readonly params: Params;
  readonly check: number;
}

export function findWorkload(name: string): Workload {
  const w = WORKLOADS.find((x) => x.name === name);
  if (!w) throw new Error(`unknown workload ${JSON.stringify(name)} (known: ${WORKLOADS.map((x) => x.name).join(", ")})`);
  return w;
}

export function workloadNames(): string[] {
  return WORKLOADS.map((w) => w.name);
}

/** Parses peer_bench-style overrides `name=value`. */
export function parseOverrides(sets: readonly string[], defaults: Params): Params {
  const params: Params = { ...defaults };
  for (const kv of sets) {
    const [k, v] = kv.split("=", 2);
    if (!k || v === undefined || !Number.isFinite(Number(v))) throw new Error(`--set expects name=number, got ${JSON.stringify(kv)}`);
    params[k] = Number(v);
  }
  return params;
}

export async function runWorkload(name: string, options: { repeats?: number; sets?: readonly string[] } = {}): Promise<BenchResult> {
  const w = findWorkload(name);
  const params = parseOverrides(options.sets ?? [], w.defaults);
  const run = await w.setup(params);
  let best = Number.POSITIVE_INFINITY;
  let check = Number.NaN;
  for (let i = 0; i < (options.repeats ?? 3); i++) {
    const t0 = performance.now();
    check = await run();
    best = Math.min(best, (performance.now() - t0) / 1000);
  }
  await nt.shutdown();
  return { workload: name, system: "numts", seconds: best, params, check };
}
