// SPDX-License-Identifier: Apache-2.0
/**
 * Runs of equal values in a sorted bucket: the statistics `sortPieces` returns (so the planner can
 * size the outputs of `unique` and the set operations before computing them) and the `sortRuns`
 * kernel that emits one entry per kept run. Equality is NumPy's `unique` equality: NaN equals NaN
 * (equal_nan=True) and -0.0 equals 0.0. A run "has A" when it holds an element of the first
 * operand (global index below `split`) and "has B" when it holds one of the second.
 */
import type { TypedArray } from "../../../array/dtype.js";
import type { KernelFn } from "../../manifest.js";
import type { RunMode } from "../../sort-manifest.js";
import { sameValue } from "./order.js";

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

/** Calls `body(start, end, min, max)` for every run of equal values of a sorted array. */
export function forEachRun(values: TypedArray, offset: number, n: number, indices: TypedArray | null, indexOffset: number, body: (start: number, end: number, min: number, max: number) => void): void {
  let start = 0;
  while (start < n) {
    const v = values[offset + start]!;
    let end = start + 1;
    while (end < n && sameValue(values[offset + end]!, v)) end++;
    let min = 0;
    let max = 0;
    if (indices) {
      min = Infinity;
      max = -Infinity;
      for (let i = start; i < end; i++) {
        const g = indices[indexOffset + i]!;
        if (g < min) min = g;
        if (g > max) max = g;
      }
    }
    body(start, end, min, max);
    start = end;
  }
}

/** The run statistics of a sorted bucket (see RUN_STATS). Without indices every run "has A". */
export function runStats(values: TypedArray, offset: number, n: number, indices: TypedArray | null, indexOffset: number, split: number): number[] {
  const s = new Array<number>(RUN_STATS.length).fill(0);
  const runs: [number, number, number, number][] = [];
  forEachRun(values, offset, n, indices, indexOffset, (a, b, min, max) => runs.push([a, b, min, max]));
  s[RUN_STATS.distinct] = runs.length;
  if (runs.length === 0) return s;
  runs.forEach(([, , min, max], r) => {
    if (r === 0 || r === runs.length - 1) return;
    const hasA = !indices || min < split;
    const hasB = indices !== null && max >= split;
    if (hasA && hasB) s[RUN_STATS.innerAB]++;
    else if (hasA) s[RUN_STATS.innerA]++;
    else s[RUN_STATS.innerB]++;
  });
  const [f0, f1, fmin, fmax] = runs[0]!;
  const [l0, l1, lmin, lmax] = runs[runs.length - 1]!;
  s[RUN_STATS.firstLen] = f1 - f0;
  s[RUN_STATS.firstMin] = fmin;
  s[RUN_STATS.firstMax] = fmax;
  s[RUN_STATS.lastLen] = l1 - l0;
  s[RUN_STATS.lastMin] = lmin;
  s[RUN_STATS.lastMax] = lmax;
  s[RUN_STATS.firstValue] = values[offset]!;
  s[RUN_STATS.lastValue] = values[offset + n - 1]!;
  return s;
}

export const sortRuns: KernelFn<"sortRuns"> = (inputs, outputs, attrs) => {
  const { mode, split, skipFirst, lastExtra, lastHasB, emit } = attrs;
  const values = inputs[0]!;
  const indices = inputs.length > 1 ? inputs[1]! : null;
  const n = values.shape[0]!;
  const runs: [number, number, number, number][] = [];
  forEachRun(values.data, values.offset, n, indices?.data ?? null, indices?.offset ?? 0, (a, b, min, max) => runs.push([a, b, min, max]));
  let k = 0;
  runs.forEach(([a, b, min, max], r) => {
    if (r === 0 && skipFirst) return;
    const last = r === runs.length - 1;
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
