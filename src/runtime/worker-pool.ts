// SPDX-License-Identifier: Apache-2.0
/**
 * A node's worker threads and its queue of ready tasks. Workers start on first use and are
 * unref'd while idle, so a script whose work is done exits by itself. A worker that dies rejects
 * its task and is replaced; the pool stays usable.
 */
import { Worker } from "node:worker_threads";
import { ExecutionError, reviveError } from "../errors.js";
import type { KernelResult } from "../kernels/manifest.js";
import type { KernelKind } from "../kernels/registry.js";
import type { WorkerInit, WorkerReply, WorkerTask } from "./messages.js";

const WORKER_SCRIPT = new URL("./worker-main.js", import.meta.url);

interface Pending {
  readonly task: WorkerTask;
  readonly resolve: (r: KernelResult) => void;
  readonly reject: (e: Error) => void;
}

interface Slot {
  worker: Worker | null;
  current: Pending | null;
  /** performance.now() when the current task was posted. */
  started: number;
  tasks: number;
  busyMs: number;
  /** Called when the current task settles (close() waits for running kernels). */
  onSettled: (() => void) | null;
}

/** What one worker thread has done since the last reset. */
export interface WorkerCounters {
  readonly tasks: number;
  readonly busyMs: number;
}

export class WorkerPool {
  private readonly slots: Slot[];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    size: number,
    private readonly kernels: KernelKind,
    private readonly label: string,
  ) {
    this.slots = Array.from({ length: size }, () => ({ worker: null, current: null, started: 0, tasks: 0, busyMs: 0, onSettled: null }));
  }

  run(task: Omit<WorkerTask, "id">): Promise<KernelResult> {
    if (this.closed) return Promise.reject(new ExecutionError(`${this.label} is shut down`));
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { ...task, id: this.nextId++ }, resolve, reject });
      this.dispatch();
    });
  }

  counters(): WorkerCounters[] {
    return this.slots.map((s) => ({ tasks: s.tasks, busyMs: s.busyMs }));
  }

  resetCounters(): void {
    for (const s of this.slots) {
      s.tasks = 0;
      s.busyMs = 0;
    }
  }

  /** Tasks waiting for a worker plus tasks running. */
  get load(): number {
    return this.queue.length + this.slots.filter((s) => s.current).length;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (slot.current) continue;
      const next = this.queue.shift()!;
      slot.current = next;
      slot.started = performance.now();
      const worker = slot.worker ?? (slot.worker = this.spawn(slot));
      worker.ref();
      worker.postMessage(next.task);
    }
  }

  private spawn(slot: Slot): Worker {
    const init: WorkerInit = { kernels: this.kernels };
    // No inherited execArgv: flags of the parent script (--input-type, --test, ...) break workers.
    const worker = new Worker(WORKER_SCRIPT, { workerData: init, execArgv: [] });
    worker.on("message", (reply: WorkerReply) => {
      // A reply that arrives after close() must not unref a worker being terminated.
      if (slot.worker !== worker) return;
      const done = slot.current;
      slot.current = null;
      slot.tasks++;
      slot.busyMs += performance.now() - slot.started;
      if (this.queue.length === 0) worker.unref();
      if (done) {
        if (reply.ok) done.resolve(reply.result);
        else done.reject(rebuildError(reply.error, done.task.kernel));
      }
      settled(slot);
      this.dispatch();
    });
    const onDeath = (cause: unknown) => {
      if (slot.worker !== worker) return;
      slot.worker = null;
      const lost = slot.current;
      slot.current = null;
      lost?.reject(new ExecutionError(`${this.label}: worker thread died while running ${lost.task.kernel}`, { cause }));
      settled(slot);
      if (!this.closed) this.dispatch();
    };
    worker.on("error", onDeath);
    worker.on("exit", (code) => onDeath(new Error(`exit code ${code}`)));
    return worker;
  }

  /**
   * Rejects queued tasks, lets running kernels finish (terminating a thread inside a native call
   * can abort the process), then stops every worker.
   */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new ExecutionError(`${this.label} is shut down`));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.current) await new Promise<void>((r) => (s.onSettled = r));
        const w = s.worker;
        s.worker = null;
        if (!w) return;
        w.ref(); // an idle worker is unref'd; keep the loop alive until it has exited
        await w.terminate();
      }),
    );
  }
}

function settled(slot: Slot): void {
  const notify = slot.onSettled;
  slot.onSettled = null;
  notify?.();
}

function rebuildError(e: { name: string; message: string; stack?: string }, kernel: string): Error {
  const cause = new Error(e.message);
  cause.name = e.name;
  if (e.stack) cause.stack = e.stack;
  return reviveError(e.name, e.message, `kernel '${kernel}'`, cause);
}
