// SPDX-License-Identifier: Apache-2.0
/**
 * The summation order every float sum, product and moments reduction uses, in TypeScript and in
 * the native engine alike, so results are bit-identical across kernel tables and layouts.
 *
 * A cell's values form a sequence (C order over the reduced axes). It is cut into chunks of
 * CHUNK = 256 positions. Within a chunk, position p goes to lane p mod LANES (16 lanes), each lane
 * accumulating sequentially from the identity; the chunk's value is then the halving tree
 * lane[k] ∘= lane[k + h] for h = 8, 4, 2, 1 (the shape of a SIMD horizontal reduction). Chunk
 * values are merged by a binary counter (a new value merges with the stack top while both have
 * the same level), which is pairwise summation over chunks; at the end the stack is folded from
 * the top, older ∘ newer. The error is O(CHUNK/LANES + log2 n) ulps, like NumPy's pairwise sum.
 */

export const LANES = 16;
export const CHUNK = 256;

/** Merges lanes[0..16) in place by the halving tree and returns lanes[0]. */
export function laneTree(lanes: Float64Array, op: (a: number, b: number) => number): number {
  for (let h = LANES >> 1; h >= 1; h >>= 1) {
    for (let k = 0; k < h; k++) lanes[k] = op(lanes[k]!, lanes[k + h]!);
  }
  return lanes[0]!;
}

/** A binary-counter cascade of chunk values, each a tuple of `width` numbers. */
export class Cascade {
  private readonly values: number[][] = [];
  private readonly levels: number[] = [];

  constructor(
    /** Merges older `a` with newer `b` into a new tuple. */
    private readonly merge: (a: readonly number[], b: readonly number[]) => number[],
  ) {}

  reset(): void {
    this.values.length = 0;
    this.levels.length = 0;
  }

  push(v: number[]): void {
    let level = 0;
    while (this.levels.length > 0 && this.levels[this.levels.length - 1] === level) {
      v = this.merge(this.values.pop()!, v);
      this.levels.pop();
      level++;
    }
    this.values.push(v);
    this.levels.push(level);
  }

  /** The fold of the stack from the top (older ∘ newer), or `empty` if nothing was pushed. */
  result(empty: number[]): number[] {
    const n = this.values.length;
    if (n === 0) return empty;
    let r = this.values[n - 1]!;
    for (let i = n - 2; i >= 0; i--) r = this.merge(this.values[i]!, r);
    return r;
  }
}
