// SPDX-License-Identifier: Apache-2.0
/**
 * How fast the scheduler places block ops on 16 nodes (goal: ≥ 100,000 ops/s for LSHS). A
 * deterministic synthetic stream mixes the op kinds the planner issues — array-block ops on their
 * owner (final), per-block partial results next to their input, and merges of two partials on
 * different nodes — over ~4,000 live blocks, freeing blocks as they die. The pure scheduler is
 * timed (no planner, no runtime): `place` plus `free`, best of several rounds.
 */
import type { BlockDemand, OpDemand } from "../../src/schedule/load-model.js";
import type { SchedulerName } from "../../src/schedule/policy.js";
import { Scheduler } from "../../src/schedule/scheduler.js";

export interface PlacementSpeed {
  readonly scheduler: SchedulerName;
  readonly nodes: number;
  readonly ops: number;
  readonly seconds: number;
  readonly opsPerSecond: number;
}

const LIVE = 4096;
const BLOCK_BYTES = 8 << 20;

/** A small deterministic generator (LCG) so every run places the same stream. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
}

/** Places `ops` synthetic ops with a fresh scheduler; returns the seconds taken. */
function placeStream(name: SchedulerName, nodes: number, ops: number): number {
  const scheduler = new Scheduler(nodes, name);
  const next = lcg(42);
  const live: BlockDemand[] = [];
  let id = 1;
  for (let i = 0; i < LIVE; i++) {
    const b = { id: id++, bytes: BLOCK_BYTES };
    scheduler.addBlock(b.id, b.bytes, i % nodes);
    live.push(b);
  }
  const t0 = performance.now();
  for (let i = 0; i < ops; i++) {
    const a = live[next() % LIVE]!;
    const b = live[next() % LIVE]!;
    const kind = i % 3;
    const owner = next() % nodes;
    const op: OpDemand =
      kind === 0
        ? { inputs: [a, b], outputBytes: BLOCK_BYTES, owner, final: true }
        : kind === 1
          ? { inputs: [a], outputBytes: 4096, owner, final: false, home: scheduler.model.holders(a.id)[0] }
          : { inputs: [a, b], outputBytes: 4096, owner, final: false, home: scheduler.model.holders(a.id)[0] };
    const out = { id: id++, bytes: op.outputBytes };
    scheduler.place(op, [out]);
    // The output replaces a random live block, which dies.
    const victim = next() % LIVE;
    scheduler.free(live[victim]!.id);
    live[victim] = out;
  }
  return (performance.now() - t0) / 1000;
}

/** Best of `rounds` for each scheduler. */
export function placementSpeed(nodes = 16, ops = 300_000, rounds = 5): PlacementSpeed[] {
  return (["lshs", "cyclic", "dynamic"] as const).map((scheduler) => {
    let best = Number.POSITIVE_INFINITY;
    for (let r = 0; r < rounds; r++) best = Math.min(best, placeStream(scheduler, nodes, ops));
    return { scheduler, nodes, ops, seconds: best, opsPerSecond: ops / best };
  });
}

/**
 * Block ops per second through the whole planner (`nt.explain`: planning and placement, nothing
 * executed) on a 16-node cluster: an elementwise add and a sum over 65,536 blocks, and a square
 * matmul on a 32×32 block grid (32,768 products in 1,024 gemm ops).
 */
export async function plannerSpeed(nodes = 16, rounds = 3): Promise<{ readonly program: string; readonly ops: number; readonly opsPerSecond: number }[]> {
  const nt = await import("../../src/index.js");
  await nt.init({ nodes, workersPerNode: 1 });
  try {
    const x = nt.zeros([65_536, 16], { blockShape: [1, 16] });
    const y = nt.ones([65_536, 16], { blockShape: [1, 16] });
    const a = nt.zeros([1024, 1024], { blockShape: [32, 32] });
    await Promise.all([x.wait(), y.wait(), a.wait()]);
    const programs: [string, () => unknown][] = [
      ["x + y (65,536 blocks)", () => x.add(y)],
      ["sum(x) (65,536 blocks)", () => nt.sum(x)],
      ["a @ a (32×32 blocks)", () => nt.matmul(a, a)],
    ];
    return programs.map(([program, fn]) => {
      let best = Number.POSITIVE_INFINITY;
      let ops = 0;
      for (let r = 0; r < rounds; r++) {
        const t0 = performance.now();
        ops = nt.explain(fn).tasks;
        best = Math.min(best, (performance.now() - t0) / 1000);
      }
      return { program, ops, opsPerSecond: ops / best };
    });
  } finally {
    await nt.shutdown();
  }
}
