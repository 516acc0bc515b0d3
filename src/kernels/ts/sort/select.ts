// SPDX-License-Identifier: Apache-2.0
/**
 * Reference `select` kernel: one pass of the distributed selection (plan/sort/select.ts). Counts
 * how the non-NaN elements of a block fall around sorted edge values, or collects the elements
 * strictly between two edges.
 */
import type { KernelFn } from "../../manifest.js";
import { forEachIndexed, isDense } from "./order.js";
import type { View } from "../../view.js";

/** The view's elements (a subarray when dense, else a copy), for tight loops. */
function valuesOf(x: View): ArrayLike<number> {
  const n = x.shape.reduce((p, d) => p * d, 1);
  if (isDense(x)) return x.data.subarray(x.offset, x.offset + n);
  const out = new Float64Array(n);
  let k = 0;
  forEachIndexed(x, null, (o) => (out[k++] = x.data[o]!));
  return out;
}

/** The first position in sorted `edges` whose value is >= x. */
function lowerBound(edges: readonly number[], x: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const select: KernelFn<"select"> = (inputs, _outputs, { edges, collect, positions }) => {
  const x = inputs[0]!;
  const out: number[] = [];
  if (positions) {
    const wanted = new Map(positions.map((p, i) => [p, i]));
    let k = 0;
    forEachIndexed(x, null, (o) => {
      const i = wanted.get(k++);
      if (i !== undefined) out[i] = x.data[o]!;
    });
    return positions.map((_, i) => out[i]!);
  }
  const values = valuesOf(x);
  const n = values.length;
  if (collect) {
    for (const e of edges) {
      const lo = e[0]!;
      const hi = e[e.length - 1]!;
      const at = out.length;
      out.push(0);
      for (let i = 0; i < n; i++) {
        const v = values[i]!;
        if (v > lo && v < hi) out.push(v);
      }
      out[at] = out.length - at - 1;
    }
    return out;
  }
  // Per bracket: [below, eq_0, between_0, eq_1, ..., between_{k-2}, eq_{k-1}]. One pass for all
  // brackets (sorted, disjoint): every element counts below each bracket it precedes, and the
  // few inside one are placed by binary search.
  const counts = edges.map((e) => new Float64Array(2 * e.length));
  const los = Float64Array.from(edges, (e) => e[0]!);
  const his = Float64Array.from(edges, (e) => e[e.length - 1]!);
  const below = new Float64Array(edges.length);
  const m = edges.length;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    for (let w = 0; w < m; w++) {
      below[w] += +(v < los[w]!); // branch-free: which side of a window is unpredictable
      if (v >= los[w]! && v <= his[w]!) {
        const e = edges[w]!;
        const b = lowerBound(e, v);
        if (e[b] === v) counts[w]![1 + 2 * b]!++;
        else counts[w]![2 * b]!++;
      }
    }
  }
  counts.forEach((c, w) => {
    c[0] = below[w]!;
    for (const x of c) out.push(x);
  });
  return out;
};
