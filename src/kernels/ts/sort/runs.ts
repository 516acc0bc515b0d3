// SPDX-License-Identifier: Apache-2.0
/**
 * Runs of equal values in a sorted bucket: the statistics `sortPieces` returns (so the planner can
 * size the outputs of `unique` and the set operations before computing them) and the `sortRuns`
 * kernel that emits one entry per kept run. Equality is NumPy's `unique` equality: NaN equals NaN
 * (equal_nan=True) and -0.0 equals 0.0 (see forEachRun). A run "has A" when it holds an element of the first
 * operand (global index below `split`) and "has B" when it holds one of the second.
 */
import type { TypedArray } from "../../../array/dtype.js";
import type { KernelFn } from "../../manifest.js";
import type { RunMode } from "../../sort-manifest.js";

/** Positions in `RunStats` (a plain number array, so it can travel as a kernel result). */
export const RUN_STATS = {
  distinct: 0,
  innerA: 1,
  innerB: 2,
  innerAB: 3,
  firstLen: 4,
  firstMin: 5,
  firstMax: 6,
  lastLen: 7,
  lastMin: 8,
  lastMax: 9,
  firstValue: 10,
  lastValue: 11,
  length: 12,
} as const;

/** Whether a run is kept by a set operation, given what it holds. */
export function keepRun(mode: RunMode, hasA: boolean, hasB: boolean, isNaN: boolean): boolean {
  switch (mode) {
    case "unique":
    case "union":
      return true;
    case "intersect":
      return hasA && hasB && !isNaN; // NumPy compares with ==, and NaN != NaN
    case "setdiff":
      return hasA && (!hasB || isNaN);
  }
}

/**
 * Calls `body(start, end, min, max)` for every run of equal values of a sorted array (min/max:
 * the run's smallest and largest index, 0 without indices). One tight pass: values are compared
 * with the run's first one, NaN equal to NaN.
 */
export function forEachRun(values: TypedArray, offset: number, n: number, indices: TypedArray | null, indexOffset: number, body: (start: number, end: number, min: number, max: number) => void): void {
  if (n === 0) return;
  let start = 0;
  let first = values[offset]!;
  let firstNaN = first !== first;
  let min = indices ? indices[indexOffset]! : 0;
  let max = min;
  for (let i = 1; i < n; i++) {
    const v = values[offset + i]!;
    if (v === first || (firstNaN && v !== v)) {
      if (indices) {
        const g = indices[indexOffset + i]!;
        if (g < min) min = g;
        if (g > max) max = g;
      }
      continue;
    }
    body(start, i, min, max);
    start = i;
    first = v;
    firstNaN = v !== v;
    min = max = indices ? indices[indexOffset + i]! : 0;
  }
  body(start, n, min, max);
}

/** The run statistics of a sorted bucket (see RUN_STATS). Without indices every run "has A". */
export function runStats(values: TypedArray, offset: number, n: number, indices: TypedArray | null, indexOffset: number, split: number): number[] {
  const s = new Array<number>(RUN_STATS.length).fill(0);
  // Runs are visited in order; each is classified once the next one starts (the last run and
  // the first are reported separately, so a run is "inner" when it is neither).
  let d = 0;
  let prev: [number, number, number] | null = null;
  const inner = (min: number, max: number) => {
    const hasA = !indices || min < split;
    const hasB = indices !== null && max >= split;
    if (hasA && hasB) s[RUN_STATS.innerAB]++;
    else if (hasA) s[RUN_STATS.innerA]++;
    else s[RUN_STATS.innerB]++;
  };
  forEachRun(values, offset, n, indices, indexOffset, (a, b, min, max) => {
    if (d === 0) {
      s[RUN_STATS.firstLen] = b - a;
      s[RUN_STATS.firstMin] = min;
      s[RUN_STATS.firstMax] = max;
    } else if (d >= 2 && prev) inner(prev[1], prev[2]);
    prev = [b - a, min, max];
    d++;
  });
  s[RUN_STATS.distinct] = d;
  if (d === 0 || !prev) return s;
  const last: [number, number, number] = prev;
  s[RUN_STATS.lastLen] = last[0];
  s[RUN_STATS.lastMin] = last[1];
  s[RUN_STATS.lastMax] = last[2];
  s[RUN_STATS.firstValue] = values[offset]!;
  s[RUN_STATS.lastValue] = values[offset + n - 1]!;
  return s;
}

export const sortRuns: KernelFn<"sortRuns"> = (inputs, outputs, attrs) => {
  const { mode, split, skipFirst, lastExtra, lastHasB, emit } = attrs;
  const values = inputs[0]!;
  const indices = inputs.length > 1 ? inputs[1]! : null;
  const n = values.shape[0]!;
  let k = 0;
  let r = 0;
  forEachRun(values.data, values.offset, n, indices?.data ?? null, indices?.offset ?? 0, (a, b, min, max) => {
    const first = r++ === 0;
    if (first && skipFirst) return;
    const last = b === n;
    const v = values.data[values.offset + a]!;
    const hasA = !indices || min < split;
    const hasB = (indices !== null && max >= split) || (last && lastHasB);
    if (!keepRun(mode, hasA, hasB, v !== v)) return;
    emit.forEach((what, j) => {
      const out = outputs[j]!;
      out.data[out.offset + k] = what === "values" ? v : what === "index" ? min : b - a + (last ? lastExtra : 0);
    });
    k++;
  });
};
