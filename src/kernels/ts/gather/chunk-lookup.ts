// SPDX-License-Identifier: Apache-2.0
/** Which chunk of an axis an index value falls in, for the match kernels. */

/**
 * The chunk of `bounds` (boundaries, ascending) holding a value in `[0, bounds[last])`: a division
 * when the chunks are regular (the last one may be shorter), else a binary search.
 */
export function chunkLookup(bounds: readonly number[]): (v: number) => number {
  const c0 = bounds[1]! - bounds[0]!;
  const last = bounds.length - 2;
  if (bounds.every((b, i) => i === bounds.length - 1 || b === i * c0)) return (v) => Math.min(Math.floor(v / c0), last);
  return (v) => {
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (bounds[mid]! <= v) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
}
