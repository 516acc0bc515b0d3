// SPDX-License-Identifier: Apache-2.0
/** Reference kernels that look values up in sorted 1-D blocks: `searchsorted` and `isin`. */
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { compareValues, forEachIndexed } from "./order.js";

/**
 * The sorted concatenation of 1-D pieces, addressed by global position. Pieces are found by
 * binary search on their offsets, so a lookup costs O(log n) piece-and-element steps.
 */
class Pieces {
  readonly length: number;
  constructor(
    private readonly views: readonly View[],
    private readonly offsets: readonly number[],
  ) {
    const last = views.length - 1;
    this.length = last < 0 ? 0 : offsets[last]! + views[last]!.shape[0]!;
  }

  at(p: number): number {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid]! <= p) lo = mid;
      else hi = mid - 1;
    }
    const v = this.views[lo]!;
    return v.data[v.offset + (p - this.offsets[lo]!) * v.strides[0]!]!;
  }

  /** The first position whose element is >= x (left) or > x (right) in NumPy's order. */
  search(x: number, right: boolean): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = compareValues(this.at(mid), x);
      if (c < 0 || (right && c === 0)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export const searchsorted: KernelFn<"searchsorted"> = (inputs, outputs, { side, offsets }) => {
  const v = inputs[0]!;
  const out = outputs[0]!;
  const a = new Pieces(inputs.slice(1), offsets);
  let k = out.offset;
  forEachIndexed(v, null, (o) => (out.data[k++] = a.search(v.data[o]!, side === "right")));
};

/** Whether sorted 1-D `t` contains x (by ==: NaN is never found). */
function contains(t: View, x: number): boolean {
  if (x !== x) return false;
  let lo = 0;
  let hi = t.shape[0]!;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const y = t.data[t.offset + mid * t.strides[0]!]!;
    if (y === x) return true;
    if (compareValues(y, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

export const isin: KernelFn<"isin"> = (inputs, outputs, { invert }) => {
  const x = inputs[0]!;
  const out = outputs[0]!;
  const tests = inputs.slice(1);
  let k = out.offset;
  forEachIndexed(x, null, (o) => {
    const v = x.data[o]!;
    const found = tests.some((t) => contains(t, v));
    out.data[k++] = found !== invert ? 1 : 0;
  });
};
