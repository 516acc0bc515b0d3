// SPDX-License-Identifier: Apache-2.0
/** Iteration over integer boxes (sets of grid entries), in C order. */

/** Calls `fn` for every index `lo <= idx <= hi` (inclusive on both ends), C order. */
export function forEachInBox(lo: readonly number[], hi: readonly number[], fn: (idx: readonly number[]) => void): void {
  if (lo.some((l, i) => l > hi[i]!)) return;
  const idx = [...lo];
  for (;;) {
    fn(idx);
    let axis = idx.length - 1;
    while (axis >= 0 && idx[axis] === hi[axis]) {
      idx[axis] = lo[axis]!;
      axis--;
    }
    if (axis < 0) return;
    idx[axis]!++;
  }
}
