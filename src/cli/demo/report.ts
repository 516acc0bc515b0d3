// SPDX-License-Identifier: Apache-2.0
/** What the demo prints about the runtime: how the work spread over nodes and worker threads. */
import * as nt from "../../index.js";
import { formatBytes } from "../../api/memory-check.js";

/** One line per worker (tasks, busy time, share of the wall time) and per node (memory, traffic). */
export function printLoad(wallSeconds: number): void {
  const nodes = nt.stats();
  console.log("\nload (nt.stats()):");
  for (const node of nodes) {
    node.workers.forEach((w, i) => {
      const busy = w.busyMs / 1000;
      const share = (100 * busy) / wallSeconds;
      console.log(`  node ${node.node} worker ${i}: ${String(w.tasks).padStart(6)} tasks, busy ${busy.toFixed(2).padStart(6)} s (${share.toFixed(0).padStart(3)}% of the run)`);
    });
    const traffic = nodes.length > 1 ? `, sent ${formatBytes(node.bytesSent)}, received ${formatBytes(node.bytesReceived)}` : "";
    console.log(`  node ${node.node}: peak memory ${formatBytes(node.peakMemoryBytes)}${traffic}`);
  }
}

/** Cosine similarity of two vectors (1 = the same direction). */
export function cosine(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i]! * b[i]!;
    aa += a[i]! ** 2;
    bb += b[i]! ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}
