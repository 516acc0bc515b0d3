// SPDX-License-Identifier: Apache-2.0
/**
 * `unique` and the set operations on sorted buckets, without gathering: each bucket of the sample
 * sort reports its runs of equal values (how many, and its first and last run's length, values and
 * index range, see kernels/ts/sort/runs.ts); the driver works out which runs continue across
 * bucket boundaries and how many each bucket keeps, then every bucket emits its kept runs where it
 * lives. A run spanning buckets is emitted by the bucket where it starts, with the length and
 * operand membership of its later parts passed in.
 */
import type { Dtype } from "../../array/dtype.js";
import { ArrayGrid } from "../../array/grid.js";
import type { RunMode } from "../../kernels/sort-manifest.js";
import { sameValue } from "../../kernels/ts/sort/order.js";
import { RUN_STATS as S, keepRun } from "../../kernels/ts/sort/runs.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { context } from "../context.js";
import { submitOp, wholeBlockView } from "../submit.js";
import { type Bucket, releaseBuckets, sampleSort } from "./sample-sort.js";
import type { Source } from "./sources.js";

export type RunOutput = "values" | "index" | "counts";

export interface RunsPlan {
  readonly mode: RunMode;
  /** First global index of the second operand (set operations), or NO_SPLIT. */
  readonly split: number;
  readonly emit: readonly RunOutput[];
}

/** What the driver decides for one bucket. */
interface BucketRuns {
  readonly skipFirst: boolean;
  readonly lastExtra: number;
  readonly lastHasB: boolean;
  readonly kept: number;
}

function decide(stats: readonly (readonly number[])[], plan: RunsPlan, withIndex: boolean): BucketRuns[] {
  const k = stats.length;
  const cont = stats.map((s, j) => j > 0 && sameValue(stats[j - 1]![S.lastValue]!, s[S.firstValue]!));
  return stats.map((s, j) => {
    // Later parts of this bucket's last run (in following buckets that continue it).
    let lastExtra = 0;
    let lastHasB = false;
    for (let t = j + 1; t < k && cont[t]; t++) {
      lastExtra += stats[t]![S.firstLen]!;
      lastHasB ||= withIndex && stats[t]![S.firstMax]! >= plan.split;
      if (!(stats[t]![S.distinct] === 1)) break;
    }
    const d = s[S.distinct]!;
    const skipFirst = cont[j]!;
    const keep = (min: number, max: number, value: number, last: boolean) =>
      keepRun(plan.mode, !withIndex || min < plan.split, (withIndex && max >= plan.split) || (last && lastHasB), value !== value);
    let kept = 0;
    if (plan.mode === "unique" || plan.mode === "union") kept += s[S.innerA]! + s[S.innerB]! + s[S.innerAB]!;
    else if (plan.mode === "intersect") kept += s[S.innerAB]!;
    else kept += s[S.innerA]!;
    if (!skipFirst && keep(s[S.firstMin]!, s[S.firstMax]!, s[S.firstValue]!, d === 1)) kept++;
    if (d >= 2 && keep(s[S.lastMin]!, s[S.lastMax]!, s[S.lastValue]!, true)) kept++;
    return { skipFirst, lastExtra, lastHasB, kept };
  });
}

/**
 * Sorts `sources` (of `dtype`) and emits the kept runs: one 1-D array per `plan.emit` entry
 * (values in `dtype`, first indices and counts in int32), blocked by bucket.
 */
export async function sortedRuns(sources: readonly Source[], dtype: Dtype, plan: RunsPlan): Promise<ArrayData[]> {
  const withIndex = plan.emit.includes("index") || plan.mode !== "unique";
  const buckets = await sampleSort(sources, dtype, { withIndex, emit: withIndex ? "both" : "values", runs: true, split: plan.split });
  try {
    const stats = (await Promise.all(buckets.map((b) => b.stats))) as number[][];
    const decisions = decide(stats, plan, withIndex);
    const kept = decisions.map((d, j) => ({ d, b: buckets[j]! })).filter(({ d }) => d.kept > 0);
    const nodes = context().scheduler.nodes;
    const dtypes: Dtype[] = plan.emit.map((e) => (e === "values" ? dtype : "int32"));
    const slots: Slot[][] = dtypes.map(() => []);
    kept.forEach(({ d, b }, jj) => {
      const { outputs } = submitOp({
        kernel: "sortRuns",
        attrs: { mode: plan.mode, split: plan.split, skipFirst: d.skipFirst, lastExtra: d.lastExtra, lastHasB: d.lastHasB, emit: plan.emit },
        inputs: [wholeBlockView(b.values!), ...(withIndex ? [wholeBlockView(b.indices!)] : [])],
        outputs: dtypes.map((dt) => ({ dtype: dt, shape: [d.kept] })),
        owner: ownerOf([jj], [kept.length], nodes),
        final: true,
      });
      outputs.forEach((o, i) => slots[i]!.push({ block: o, offset: 0, strides: [1] }));
    });
    const sizes = kept.map(({ d }) => d.kept);
    const n = sizes.reduce((a, b) => a + b, 0);
    const grid = ArrayGrid.fromChunks([n], [sizes]);
    return dtypes.map((dt, i) => ArrayData.fromSlots(grid, dt, slots[i]!));
  } finally {
    releaseBuckets(buckets as Bucket[]);
  }
}
