// SPDX-License-Identifier: Apache-2.0
/**
 * Distributed selection: the values at given ranks of the sorted non-NaN elements of a set of
 * blocks, without sorting or gathering them (the order statistics behind median and quantiles
 * over a whole array). Three passes over the data, each a small kernel per block where it lives:
 *
 * 1. sample every block (and count its NaNs); ranks are then known (they depend on the NaN count);
 * 2. around each rank's estimated position in the sorted sample, take a window of sample values as
 *    edges and count, per block, the elements below the window, equal to each edge and strictly
 *    between consecutive edges (a histogram refinement: the answer is an edge, or lies between two
 *    edges that are about n / samples apart);
 * 3. collect the few elements strictly between those two edges, sort them on the driver, pick.
 *
 * The window holds the rank with overwhelming probability; when it does not (or an interval is
 * unexpectedly crowded) the pass is repeated with a wider window, and finally the whole array is
 * sample-sorted. The driver only ever holds samples, counts and one interval per rank.
 */
import type { Dtype } from "../../array/dtype.js";
import { compareValues } from "../../kernels/ts/sort/order.js";
import { submitOp, wholeBlockView } from "../submit.js";
import { releaseBuckets, sampleSort } from "./sample-sort.js";
import type { Source } from "./sources.js";

const SAMPLES = 8192;
/** Most elements collected for one interval before falling back to a sort. */
const MAX_COLLECT = 1 << 20;

export interface Selection {
  /** Elements that are not NaN. */
  readonly count: number;
  readonly nanCount: number;
  /** The value of each requested rank (0-based among the sorted non-NaN elements). */
  readonly values: Map<number, number>;
}

function run(sources: readonly Source[], kernel: "sortSample" | "select", attrs: (s: Source, i: number) => object): Promise<number[][]> {
  return Promise.all(
    sources.map(
      (s, i) =>
        submitOp({ kernel, attrs: attrs(s, i) as never, inputs: [s.view], outputs: [], owner: s.owner, final: false }).result as Promise<number[]>,
    ),
  );
}

/** Sorted distinct values of a list (NumPy order). */
function distinctSorted(values: number[]): number[] {
  values.sort(compareValues);
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}

/**
 * The values at `ranksOf(count, nanCount)` ranks (or none, when it returns null: e.g. a NaN
 * decides the result). `isFloat` enables NaN counting.
 */
export async function selectRanks(
  sources: readonly Source[],
  dtype: Dtype,
  isFloat: boolean,
  ranksOf: (count: number, nanCount: number) => readonly number[] | null,
): Promise<Selection> {
  const total = sources.reduce((s, x) => s + x.size, 0);
  const sampled = await run(sources, "sortSample", (s, i) => ({ count: Math.ceil((SAMPLES * s.size) / Math.max(total, 1)), seed: 0x5e1ec7 + i, countNaN: isFloat, ...s.space }));
  const nanCount = sampled.reduce((a, r) => a + r[0]!, 0);
  const count = total - nanCount;
  const wanted = ranksOf(count, nanCount);
  const values = new Map<number, number>();
  if (!wanted || wanted.length === 0) return { count, nanCount, values };
  const sample: number[] = [];
  for (const r of sampled) for (let k = 1; k < r.length; k += 2) if (r[k] === r[k]) sample.push(r[k]!);
  sample.sort(compareValues);
  const ranks = [...new Set(wanted)].sort((a, b) => a - b);
  for (let width = 4; width <= 64 && values.size < ranks.length; width *= 4) {
    const todo = ranks.filter((r) => !values.has(r));
    if (!(await refine(sources, sample, count, todo, width, values))) break;
  }
  if (values.size < ranks.length) await bySorting(sources, dtype, ranks, values);
  return { count, nanCount, values };
}

/**
 * One refinement round for `ranks`; window half-widths are `width` standard deviations of a
 * sample position. Returns false when an interval is too crowded to collect.
 */
async function refine(sources: readonly Source[], sample: readonly number[], count: number, ranks: readonly number[], width: number, values: Map<number, number>): Promise<boolean> {
  const m = sample.length;
  // Each rank's window of sample positions; overlapping windows merge into one bracket, whose
  // edges are the sample values in it (-Infinity / +Infinity past the sample's ends).
  const spans = ranks.map((r) => {
    const p = (r + 0.5) / count;
    const at = p * m;
    const half = width * Math.sqrt(m * p * (1 - p)) + 2;
    return [Math.floor(at - half), Math.ceil(at + half)] as [number, number];
  });
  const merged: [number, number][] = [];
  const bracketOf = spans.map(([lo, hi]) => {
    const last = merged[merged.length - 1];
    if (last && lo <= last[1]) last[1] = Math.max(last[1], hi);
    else merged.push([lo, hi]);
    return merged.length - 1;
  });
  const windows = merged.map(([lo, hi]) => {
    const edges = sample.slice(Math.max(lo, 0), Math.min(hi, m - 1) + 1);
    if (lo < 0) edges.unshift(-Infinity);
    if (hi >= m) edges.push(Infinity);
    return distinctSorted(edges);
  });
  const counted = await run(sources, "select", () => ({ edges: windows, collect: false }));
  const intervals: { rank: number; bracket: number; k: number; before: number }[] = [];
  ranks.forEach((r, j) => {
    const b = bracketOf[j]!;
    const edges = windows[b]!;
    const len = 2 * edges.length;
    const base = windows.slice(0, b).reduce((s, e) => s + 2 * e.length, 0);
    const sums = new Array<number>(len).fill(0);
    for (const c of counted) for (let i = 0; i < len; i++) sums[i]! += c[base + i]!;
    // sums: [below, eq_0, between_0, eq_1, ..., eq_last]; positions in sorted order follow.
    let pos = sums[0]!;
    if (r < pos) return;
    for (let i = 1; i < len; i++) {
      const n = sums[i]!;
      if (r < pos + n) {
        if (i % 2 === 1) values.set(r, edges[(i - 1) / 2]!);
        else intervals.push({ rank: r, bracket: b, k: i / 2 - 1, before: pos });
        return;
      }
      pos += n;
    }
  });
  if (intervals.length === 0) return true;
  // One collection per distinct interval.
  const keys = [...new Set(intervals.map((t) => `${t.bracket}:${t.k}`))];
  const slot = new Map(keys.map((k, i) => [k, i]));
  const open = keys.map((k) => {
    const [b, i] = k.split(":").map(Number) as [number, number];
    return [windows[b]![i]!, windows[b]![i + 1]!];
  });
  const crowded = intervals.some((t) => {
    const base = windows.slice(0, t.bracket).reduce((s, e) => s + 2 * e.length, 0);
    return counted.reduce((s, c) => s + c[base + 2 + 2 * t.k]!, 0) > MAX_COLLECT;
  });
  if (crowded) return false;
  const collected = await run(sources, "select", () => ({ edges: open, collect: true }));
  const insides = open.map((_, j) => {
    const inside: number[] = [];
    for (const c of collected) {
      let at = 0;
      for (let b = 0; b < j; b++) at += 1 + c[at]!;
      const n = c[at]!;
      for (let i = 0; i < n; i++) inside.push(c[at + 1 + i]!);
    }
    return inside.sort(compareValues);
  });
  for (const t of intervals) values.set(t.rank, insides[slot.get(`${t.bracket}:${t.k}`)!]![t.rank - t.before]!);
  return true;
}

/** The fallback: sample-sort everything and read the ranks. */
async function bySorting(sources: readonly Source[], dtype: Dtype, ranks: readonly number[], values: Map<number, number>): Promise<void> {
  const buckets = await sampleSort(sources, dtype, { withIndex: false, emit: "values" });
  try {
    let start = 0;
    const reads: Promise<void>[] = [];
    for (const b of buckets) {
      const inside = ranks.filter((r) => r >= start && r < start + b.size).map((r) => r - start);
      const base = start;
      if (inside.length > 0) {
        const { result } = submitOp({ kernel: "select", attrs: { edges: [], collect: false, positions: inside }, inputs: [wholeBlockView(b.values!)], outputs: [], owner: b.values!.node, final: false });
        reads.push(result.then((r) => (r as number[]).forEach((v, i) => values.set(base + inside[i]!, v))));
      }
      start += b.size;
    }
    await Promise.all(reads);
  } finally {
    releaseBuckets(buckets);
  }
}
