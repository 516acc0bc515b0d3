// SPDX-License-Identifier: Apache-2.0
/**
 * The default block shape: about one block per worker, so every worker gets work and every task
 * carries enough of it to dwarf the ~50 µs dispatch cost; small arrays stay in one block.
 */
import { type Shape, sizeOf } from "./shape.js";

/** Below this many bytes an array is one block: splitting it would cost more than it saves. */
export const SINGLE_BLOCK_BYTES = 4 * 1024 * 1024;

/** Prime factors of n, largest first. */
export function primeFactors(n: number): number[] {
  const out: number[] = [];
  for (let p = 2; p * p <= n; p++) {
    while (n % p === 0) {
      out.push(p);
      n /= p;
    }
  }
  if (n > 1) out.push(n);
  return out.reverse();
}

/**
 * A block shape giving about `workers` blocks for an array of `shape` and `itemSize`. Each prime
 * factor of the block count splits the axis whose blocks are currently longest, so tall-skinny
 * arrays get row blocks and square arrays square blocks (NumS §2.2, simplified). The count is
 * capped so that no block is smaller than SINGLE_BLOCK_BYTES.
 */
export function defaultBlockShape(shape: Shape, itemSize: number, workers: number): number[] {
  const bytes = sizeOf(shape) * itemSize;
  if (shape.length === 0 || bytes <= SINGLE_BLOCK_BYTES || workers <= 1) return shape.map((n) => Math.max(1, n));
  const target = Math.max(1, Math.min(workers, Math.floor(bytes / SINGLE_BLOCK_BYTES)));
  const grid = shape.map(() => 1);
  for (const p of primeFactors(target)) {
    let best = -1;
    for (let i = 0; i < shape.length; i++) {
      if (shape[i]! / (grid[i]! * p) < 1) continue;
      if (best < 0 || shape[i]! / grid[i]! > shape[best]! / grid[best]!) best = i;
    }
    if (best >= 0) grid[best]! *= p;
  }
  return shape.map((n, i) => Math.max(1, Math.ceil(n / grid[i]!)));
}
