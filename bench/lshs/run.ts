// SPDX-License-Identifier: Apache-2.0
/**
 * `numts bench lshs`: every experiment on simulated clusters of several sizes under each
 * scheduler. Each run starts a fresh cluster, builds the inputs (not measured), then times the
 * computation and reads the runtime's real per-node counters: bytes moved between nodes, the most
 * one node received and sent, and the highest peak memory of one node (inputs included).
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import * as nt from "../../src/index.js";
import type { SchedulerName } from "../../src/schedule/policy.js";
import { EXPERIMENTS, type ExperimentName, MAIN_SIZES, type Sizes, check, prepare } from "./experiments.js";

export interface LshsRun {
  readonly experiment: ExperimentName;
  readonly nodes: number;
  readonly scheduler: SchedulerName;
  readonly seconds: number;
  readonly bytesMoved: number;
  readonly maxBytesIn: number;
  readonly maxBytesOut: number;
  readonly maxPeakMemory: number;
  readonly lowerBoundBytes: number | null;
}

/** A run's measurements plus what `nt.explain` predicted for it and its check value. */
export interface LshsRunDetail extends LshsRun {
  readonly check: number;
  readonly predicted: { readonly bytesMoved: number; readonly maxBytesIn: number; readonly maxBytesOut: number; readonly maxPeakMemory: number };
  readonly perNode: readonly { readonly peakMemory: number; readonly bytesIn: number; readonly bytesOut: number }[];
}

export interface LshsOptions {
  readonly experiments?: readonly ExperimentName[];
  readonly nodes?: readonly number[];
  readonly schedulers?: readonly SchedulerName[];
  readonly sizes?: Sizes;
  /** Simulated link speed ("1Gbit/s"), or null for unthrottled copies. */
  readonly bandwidth?: string | null;
  /** Fresh clusters per configuration; the best time is kept (counters are deterministic). */
  readonly repeats?: number;
  readonly onRun?: (run: LshsRunDetail) => void;
}

export const SCHEDULERS: readonly SchedulerName[] = ["lshs", "cyclic", "dynamic"];

/** One experiment on one cluster: a fresh runtime, inputs, then the measured computation. */
export async function runOnce(experiment: ExperimentName, nodes: number, scheduler: SchedulerName, sizes: Sizes, bandwidth: string | null): Promise<LshsRunDetail> {
  await nt.init({ nodes, workersPerNode: 1, scheduler, bandwidth });
  try {
    const prepared = await prepare(experiment, sizes, nodes);
    const plan = nt.explain(() => prepared.run());
    nt.resetStats();
    const t0 = performance.now();
    const result = prepared.run();
    await result.wait();
    const seconds = (performance.now() - t0) / 1000;
    const stats = nt.stats();
    const value = await check(experiment, result);
    result.dispose();
    const max = (xs: readonly number[]) => Math.max(0, ...xs);
    return {
      experiment,
      nodes,
      scheduler,
      seconds,
      bytesMoved: stats.reduce((s, n) => s + n.bytesReceived, 0),
      maxBytesIn: max(stats.map((n) => n.bytesReceived)),
      maxBytesOut: max(stats.map((n) => n.bytesSent)),
      maxPeakMemory: max(stats.map((n) => n.peakMemoryBytes)),
      lowerBoundBytes: prepared.lowerBoundBytes,
      check: value,
      predicted: {
        bytesMoved: plan.bytesMoved,
        maxBytesIn: max(plan.nodes.map((n) => n.bytesReceived)),
        maxBytesOut: max(plan.nodes.map((n) => n.bytesSent)),
        maxPeakMemory: max(plan.nodes.map((n) => n.peakMemoryBytes)),
      },
      perNode: stats.map((n) => ({ peakMemory: n.peakMemoryBytes, bytesIn: n.bytesReceived, bytesOut: n.bytesSent })),
    };
  } finally {
    await nt.shutdown();
    collectGarbage();
  }
}

/**
 * Collects garbage between runs. A finished run's blocks are SharedArrayBuffers that nothing
 * references, but V8 does not count them as heap pressure, so without this a sequence of runs
 * piles up gigabytes of dead buffers (the process was OOM-killed at 23 GB).
 */
function collectGarbage(): void {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
}

/** Every configuration; the best of `repeats` times, the (deterministic) counters of the first. */
export async function runLshs(options: LshsOptions = {}): Promise<LshsRunDetail[]> {
  const out: LshsRunDetail[] = [];
  for (const experiment of options.experiments ?? EXPERIMENTS) {
    for (const nodes of options.nodes ?? [4, 8, 16]) {
      for (const scheduler of options.schedulers ?? SCHEDULERS) {
        let first: LshsRunDetail | null = null;
        let best = Number.POSITIVE_INFINITY;
        for (let r = 0; r < Math.max(1, options.repeats ?? 1); r++) {
          const next = await runOnce(experiment, nodes, scheduler, options.sizes ?? MAIN_SIZES, options.bandwidth === undefined ? "1Gbit/s" : options.bandwidth);
          first ??= next;
          best = Math.min(best, next.seconds);
        }
        const run = { ...first!, seconds: best };
        out.push(run);
        options.onRun?.(run);
      }
    }
  }
  return out;
}

/** The keys `--json` prints, in order. */
export function jsonRow(r: LshsRun): LshsRun {
  const { experiment, nodes, scheduler, seconds, bytesMoved, maxBytesIn, maxBytesOut, maxPeakMemory, lowerBoundBytes } = r;
  return { experiment, nodes, scheduler, seconds, bytesMoved, maxBytesIn, maxBytesOut, maxPeakMemory, lowerBoundBytes };
}

export function formatBytes(b: number | null): string {
  if (b === null) return "–";
  if (b < 1e3) return `${b} B`;
  if (b < 1e6) return `${(b / 1e3).toFixed(1)} kB`;
  if (b < 1e9) return `${(b / 1e6).toFixed(1)} MB`;
  return `${(b / 1e9).toFixed(2)} GB`;
}

/**
 * One markdown table row per run, with the check value (the result's sum, all digits: equal across
 * schedulers and node counts up to the rounding of the reductions, equal bit for bit run to run).
 */
export function table(runs: readonly LshsRunDetail[]): string {
  const lines = [
    "| experiment | nodes | scheduler | seconds | bytes moved | lower bound | max in (node) | max out (node) | max peak memory (node) | check |",
    "|---|---|---|---|---|---|---|---|---|---|",
  ];
  for (const r of runs) {
    lines.push(
      `| ${r.experiment} | ${r.nodes} | ${r.scheduler} | ${r.seconds.toFixed(3)} | ${formatBytes(r.bytesMoved)} | ${formatBytes(r.lowerBoundBytes)} | ${formatBytes(r.maxBytesIn)} | ${formatBytes(r.maxBytesOut)} | ${formatBytes(r.maxPeakMemory)} | ${r.check} |`,
    );
  }
  return lines.join("\n");
}
