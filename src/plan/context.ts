// SPDX-License-Identifier: Apache-2.0
/**
 * The planning context: the executor that runs block ops, the scheduler that places them, and the
 * cluster shape that default layouts are computed for. One context is current; the first API call
 * without `init` creates the default (one node, one worker per core).
 */
import { availableParallelism } from "node:os";
import { RuntimeStateError } from "../errors.js";
import type { KernelKind } from "../kernels/registry.js";
import { nativeAvailable } from "../kernels/registry.js";
import { Runtime, type Executor } from "../runtime/runtime.js";
import type { SchedulerName } from "../schedule/policy.js";
import { LoadModel } from "../schedule/load-model.js";
import { Scheduler } from "../schedule/scheduler.js";

export interface ContextOptions {
  readonly nodes: number;
  readonly workersPerNode: number;
  readonly scheduler: SchedulerName;
  readonly memoryLimit: number;
  readonly kernels: KernelKind;
  readonly bandwidth: number | null;
}

export interface Context {
  readonly options: ContextOptions;
  readonly executor: Executor;
  readonly scheduler: Scheduler;
  /** The real runtime (null while explaining: a dry-run executor stands in). */
  readonly runtime: Runtime | null;
  /** Total worker threads, which default block shapes are sized for. */
  readonly workers: number;
  /** Which kernels run (native falls back to ts when the addon is missing). */
  readonly kernels: KernelKind;
}

let current: Context | null = null;
let warnedFallback = false;

export function defaultContextOptions(): ContextOptions {
  return {
    nodes: 1,
    workersPerNode: Math.max(1, availableParallelism()),
    scheduler: "lshs",
    memoryLimit: Number.POSITIVE_INFINITY,
    kernels: process.env.NUMTS_KERNELS === "ts" ? "ts" : "native",
    bandwidth: null,
  };
}

export function createContext(options: ContextOptions): Context {
  let kernels = options.kernels;
  if (kernels === "native") {
    const ok = nativeAvailable();
    if (ok !== true) {
      kernels = "ts";
      if (!warnedFallback) {
        warnedFallback = true;
        process.emitWarning(`numts: native kernels unavailable (${ok}); using the TypeScript kernels`);
      }
    }
  }
  // One BLAS thread per worker: OpenBLAS reads this when the addon loads in the first worker.
  process.env.OPENBLAS_NUM_THREADS ??= "1";
  const runtime = new Runtime({ ...options, kernels });
  const scheduler = new Scheduler(options.nodes, options.scheduler, new LoadModel(options.nodes, options.memoryLimit));
  runtime.onUnheld = (block) => scheduler.free(block.id);
  runtime.onCopyFailed = (block, node) => scheduler.model.forgetCopy(block.id, node);
  return {
    options,
    executor: runtime,
    scheduler,
    runtime,
    workers: options.nodes * options.workersPerNode,
    kernels,
  };
}

/** The current context, creating the default one on first use. */
export function context(): Context {
  return (current ??= createContext(defaultContextOptions()));
}

export function hasContext(): boolean {
  return current !== null;
}

export function setContext(ctx: Context | null): void {
  current = ctx;
}

/** Runs `fn` with `ctx` as the current context (explain's dry runs). */
export function withContext<T>(ctx: Context, fn: () => T): T {
  const saved = current;
  current = ctx;
  try {
    return fn();
  } finally {
    current = saved;
  }
}

export function requireRuntime(ctx: Context): Runtime {
  if (!ctx.runtime) throw new RuntimeStateError("this operation needs a running runtime (not available inside explain)");
  return ctx.runtime;
}
