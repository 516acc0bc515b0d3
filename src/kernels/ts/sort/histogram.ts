// SPDX-License-Identifier: Apache-2.0
/**
 * Reference `histogram` and `bincount` kernels: per-block float64 counts (or weight sums) that the
 * planner tree-sums. Uniform bins follow NumPy's `histogram` fast path exactly (bin index from
 * (x - first) / denom * bins, then corrected by one against the edges); explicit edges count
 * `edges[i] <= x < edges[i+1]`, the last bin closed, like NumPy's sorted-search path.
 */
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { forEachIndexed } from "./order.js";

/** The bin of x among explicit sorted edges, or -1 when outside (NaN is outside). */
function binOf(edges: readonly number[], x: number): number {
  const last = edges.length - 1;
  if (!(x >= edges[0]! && x <= edges[last]!)) return -1;
  if (x === edges[last]) return last - 1;
  let lo = 0;
  let hi = last;
  // The last edge <= x: edges[lo] <= x < edges[lo + 1].
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= x) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Calls `body(x, w)` for every element of `x` with its weight (1 without weights). */
function forEachWeighted(x: View, w: View | undefined, body: (x: number, w: number) => void): void {
  if (!w) {
    forEachIndexed(x, null, (o) => body(x.data[o]!, 1));
    return;
  }
  const ws: number[] = [];
  forEachIndexed(w, null, (o) => ws.push(w.data[o]!));
  let k = 0;
  forEachIndexed(x, null, (o) => body(x.data[o]!, ws[k++]!));
}

export const histogram: KernelFn<"histogram"> = (inputs, outputs, { edges, uniform }) => {
  const out = outputs[0]!;
  const counts = out.data;
  counts.fill(0, out.offset, out.offset + edges.length - 1);
  if (!uniform) {
    forEachWeighted(inputs[0]!, inputs[1], (x, w) => {
      const b = binOf(edges, x);
      if (b >= 0) counts[out.offset + b] += w;
    });
    return;
  }
  const { first, last, denom, bins, binF32, divF32 } = uniform;
  const f = Math.fround;
  forEachWeighted(inputs[0]!, inputs[1], (raw, w) => {
    const x = binF32 ? f(raw) : raw;
    if (!(x >= first && x <= last)) return;
    const sub = binF32 ? f(x - first) : x - first;
    let b = Math.trunc(divF32 ? f(f(sub / denom) * bins) : (sub / denom) * bins);
    if (b === bins) b--;
    if (x < edges[b]!) b--;
    if (b !== bins - 1 && x >= edges[b + 1]!) b++;
    counts[out.offset + b] += w;
  });
};

export const bincount: KernelFn<"bincount"> = (inputs, outputs, { length }) => {
  const out = outputs[0]!;
  out.data.fill(0, out.offset, out.offset + length);
  forEachWeighted(inputs[0]!, inputs[1], (x, w) => {
    out.data[out.offset + x] += w;
  });
};
