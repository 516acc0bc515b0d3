// SPDX-License-Identifier: Apache-2.0
/**
 * Reference kernels of the sample sort's first two steps (plan/sort/sample-sort.ts): drawing
 * samples of a block, and splitting a block into buckets by the chosen splitters.
 */
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { comparePairs, cStrides, forEachIndexed, forEachValue } from "./order.js";

/** A 32-bit hash (lowbias32) of (seed, j), in [0, 1): the sample position inside stratum j. */
export function stratumFraction(seed: number, j: number): number {
  let h = (j + Math.imul(seed, 0x9e3779b9)) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 4294967296;
}

export const sortSample: KernelFn<"sortSample"> = (inputs, _outputs, { count, seed, countNaN, indexBase, indexStrides }) => {
  const x = inputs[0]!;
  const n = x.shape.reduce((p, d) => p * d, 1);
  const out: number[] = [0];
  if (countNaN) {
    let nan = 0;
    forEachValue(x, (v) => {
      if (v !== v) nan++;
    });
    out[0] = nan;
  }
  const s = Math.min(count, n);
  const local = cStrides(x.shape);
  for (let j = 0; j < s; j++) {
    const lo = Math.floor((j * n) / s);
    const hi = Math.floor(((j + 1) * n) / s);
    let pos = lo + Math.floor(stratumFraction(seed, j) * (hi - lo));
    let offset = x.offset;
    let index = indexBase;
    for (let d = 0; d < x.shape.length; d++) {
      const c = Math.floor(pos / local[d]!);
      pos -= c * local[d]!;
      offset += c * x.strides[d]!;
      index += c * indexStrides[d]!;
    }
    out.push(x.data[offset]!, index);
  }
  return out;
};

/** The value bin of v among `bins` bins linear over [lo, hi] (clamped, NaN last); the native split uses the same arithmetic. */
export function linearBin(v: number, lo: number, hi: number, bins: number): number {
  const range = hi - lo;
  const scale = bins > 1 && range > 0 && Number.isFinite(range) ? bins / range : 0;
  const top = bins - 1;
  let f = (v - lo) * scale;
  f = f > 0 ? f : 0;
  f = f < top ? f : top;
  return v !== v ? top : Math.trunc(f);
}

/** The bucket of (v, i): the number of splitters ordered before it (binary search). */
function bucketOf(v: number, i: number, sv: readonly number[], si: readonly number[]): number {
  let lo = 0;
  let hi = sv.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (comparePairs(sv[mid]!, si[mid]!, v, i) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const sortSplit: KernelFn<"sortSplit"> = (inputs, outputs, attrs) => {
  const x = inputs[0]!;
  const { splitValues: sv, splitIndices: si, withIndex, pieces, bins, ranges } = attrs;
  const p = sv.length + 1;
  const cells = p * bins;
  const n = x.shape.reduce((a, d) => a * d, 1);
  const cell = new Int32Array(n);
  const counts = new Array<number>(cells).fill(0);
  let k = 0;
  forEachIndexed(x, attrs, (o, g) => {
    const v = x.data[o]!;
    const b = bucketOf(v, g, sv, si);
    const c = bins > 1 ? b * bins + linearBin(v, ranges[2 * b]!, ranges[2 * b + 1]!, bins) : b;
    cell[k++] = c;
    counts[c]!++;
  });
  if (outputs.length === 0) return counts;
  // Each cell writes at its own running position inside its bucket's output.
  const valueOut = new Array(cells).fill(null) as (View | null)[];
  const indexOut = new Array(cells).fill(null) as (View | null)[];
  const next = new Array<number>(cells).fill(0);
  const outOf = (b: number): number => (pieces ? pieces.indexOf(b) : 0);
  let running = 0;
  for (let c = 0; c < cells; c++) {
    const b = Math.floor(c / bins);
    if (pieces && c % bins === 0) running = 0;
    const j = outOf(b);
    if (j >= 0) {
      valueOut[c] = outputs[j]!;
      if (withIndex) indexOut[c] = outputs[(pieces ? pieces.length : 1) + j]!;
    }
    next[c] = running;
    running += counts[c]!;
  }
  k = 0;
  forEachIndexed(x, attrs, (o, g) => {
    const c = cell[k++]!;
    const at = next[c]!++;
    const vo = valueOut[c]!;
    vo.data[vo.offset + at] = x.data[o]!;
    if (withIndex) indexOut[c]!.data[indexOut[c]!.offset + at] = g;
  });
  return counts;
};
