// SPDX-License-Identifier: Apache-2.0
/** The demo's phases: a progress bar following the runtime's block operations, then one timing line. */
import { SingleBar } from "cli-progress";
import * as nt from "../../index.js";

/** Seconds each phase took, in the order they ran. */
export type Timings = Map<string, number>;

/**
 * Runs `fn` while a progress bar (on a terminal only; cli-progress draws nothing otherwise) follows
 * the block operations completed since it started, then prints the phase's time.
 */
export async function phase<T>(label: string, timings: Timings, fn: () => Promise<T>): Promise<T> {
  const start = nt.progress();
  const t0 = performance.now();
  const bar = new SingleBar({ format: `  ${label.padEnd(24)} [{bar}] {value}/{total} block ops`, hideCursor: true, clearOnComplete: true });
  const update = () => {
    const p = nt.progress();
    bar.setTotal(Math.max(1, p.submitted - start.submitted));
    bar.update(p.completed - start.completed);
  };
  bar.start(1, 0);
  const timer = setInterval(update, 50);
  try {
    return await fn();
  } finally {
    clearInterval(timer);
    update();
    bar.stop();
    const seconds = (performance.now() - t0) / 1000;
    timings.set(label, seconds);
    console.log(`  ${label.padEnd(24)} ${seconds.toFixed(2).padStart(7)} s`);
  }
}
