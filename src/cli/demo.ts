// SPDX-License-Identifier: Apache-2.0
/**
 * The README's demo: a problem sized to this machine on the embedded default runtime, with a
 * progress bar, the results, the time taken and how the work spread over the worker threads.
 */
import { SingleBar } from "cli-progress";
import { availableParallelism, totalmem } from "node:os";
import * as nt from "../index.js";
import { formatBytes } from "../api/memory-check.js";

/** Runs `fn` while a progress bar follows the runtime's completed block operations. */
async function withProgress<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = nt.progress();
  const bar = new SingleBar({ format: `  ${label.padEnd(28)} [{bar}] {value}/{total} block ops`, hideCursor: true });
  bar.start(1, 0);
  const timer = setInterval(() => {
    const p = nt.progress();
    bar.setTotal(Math.max(1, p.submitted - start.submitted));
    bar.update(p.completed - start.completed);
  }, 50);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    const p = nt.progress();
    bar.setTotal(Math.max(1, p.submitted - start.submitted));
    bar.update(p.completed - start.completed);
    bar.stop();
  }
}

export async function demo(options: { rows?: number } = {}): Promise<void> {
  await nt.init();
  const cols = 64;
  // About 1/16 of RAM for the data matrix, capped at 2 GiB: big enough to need every core.
  const rows = options.rows ?? Math.floor(Math.min(totalmem() / 16, 2 ** 31) / (8 * cols));
  console.log(`numts demo: ${availableParallelism()} worker threads, X is ${rows.toLocaleString()} × ${cols} float64 (${formatBytes(rows * cols * 8)})`);
  const t0 = performance.now();
  const X = await withProgress("generate X", () => nt.linspace(-1, 1, rows * cols).wait());
  void X;
  nt.resetStats();
  const t1 = performance.now();
  const stats = await withProgress("column statistics", async () => {
    const values = nt.sin(X.multiply(3.0)).multiply(nt.exp(X.negative()));
    const m = await nt.mean(values).item();
    const s = await nt.std(values).item();
    const mx = await nt.max(values).item();
    return { m, s, mx };
  });
  const t2 = performance.now();
  console.log(`  mean ${Number(stats.m).toPrecision(8)}  std ${Number(stats.s).toPrecision(8)}  max ${Number(stats.mx).toPrecision(8)}`);
  console.log(`  generate ${((t1 - t0) / 1000).toFixed(2)} s, compute ${((t2 - t1) / 1000).toFixed(2)} s`);
  for (const node of nt.stats()) {
    node.workers.forEach((w, i) => {
      const util = (100 * w.busyMs) / (t2 - t1);
      console.log(`  node ${node.node} worker ${i}: ${w.tasks} tasks, busy ${(w.busyMs / 1000).toFixed(2)} s (${util.toFixed(0)}%)`);
    });
    console.log(`  node ${node.node}: peak memory ${formatBytes(node.peakMemoryBytes)}`);
  }
  await nt.shutdown();
}
