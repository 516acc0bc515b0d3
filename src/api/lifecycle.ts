// SPDX-License-Identifier: Apache-2.0
/**
 * Starting and stopping the runtime, and observing it: `init`, `shutdown`, `stats`, `resetStats`,
 * `explain`.
 */
import { type Context, context, createContext, hasContext, setContext, withContext } from "../plan/context.js";
import { flush } from "../plan/flush.js";
import { DryExecutor } from "../plan/dry-run.js";
import type { NodeStats, Progress } from "../runtime/runtime.js";
import { type InitOptions, resolveOptions } from "./options.js";

export type { InitOptions, NodeStats, Progress };

/**
 * Starts a runtime (replacing a running one). Without `init`, the first API call starts the
 * default: one node with one worker per core, LSHS scheduling, native kernels.
 */
export async function init(options: InitOptions = {}): Promise<void> {
  const resolved = resolveOptions(options);
  await shutdown();
  setContext(createContext(resolved));
}

/** Stops the runtime's workers and frees its memory. Arrays created before become unusable. */
export async function shutdown(): Promise<void> {
  if (!hasContext()) return;
  flush();
  const ctx = context();
  setContext(null);
  await ctx.runtime?.shutdown();
}

/** Per node: current and peak memory, bytes sent and received, tasks run. */
export function stats(): NodeStats[] {
  return context().runtime!.stats();
}

/** Block operations submitted, completed and failed so far (drive a progress bar with it). */
export function progress(): Progress {
  return context().runtime!.progress();
}

/** Zeroes traffic and task counters and restarts peak-memory tracking. */
export function resetStats(): void {
  const ctx = context();
  ctx.runtime!.resetStats();
  ctx.scheduler.model.resetCounters();
}

export interface Explanation {
  readonly scheduler: string;
  readonly nodes: readonly {
    readonly node: number;
    readonly peakMemoryBytes: number;
    readonly bytesReceived: number;
    readonly bytesSent: number;
    readonly tasks: number;
  }[];
  readonly bytesMoved: number;
  readonly tasks: number;
}

/**
 * Runs the scheduler on what `fn` would submit without executing anything, and returns the
 * predicted per-node peak memory, traffic and task counts. Arrays created inside `fn` have no
 * values (reading them rejects).
 */
export function explain(fn: () => unknown): Explanation {
  flush(); // arrays created before explain() are real work: plan them in the real context
  const real = context();
  const scheduler = real.scheduler.clone();
  scheduler.model.resetCounters();
  const executor = new DryExecutor();
  executor.onUnheld = (block) => scheduler.free(block.id);
  const dry: Context = { ...real, executor, scheduler, runtime: null };
  withContext(dry, () => {
    fn();
    flush();
  });
  const loads = scheduler.loads();
  const nodes = loads.map((l, node) => ({
    node,
    peakMemoryBytes: l.peakMemory,
    bytesReceived: l.bytesIn,
    bytesSent: l.bytesOut,
    tasks: l.ops,
  }));
  return {
    scheduler: scheduler.name,
    nodes,
    bytesMoved: nodes.reduce((s, n) => s + n.bytesReceived, 0),
    tasks: nodes.reduce((s, n) => s + n.tasks, 0),
  };
}
