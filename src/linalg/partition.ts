// SPDX-License-Identifier: Apache-2.0
/**
 * Tile sizes for the 2-D factorizations. Cholesky, LU and the triangular solves need the same
 * partition of rows and columns (diagonal tiles square); an array already cut that way, in tiles
 * of a useful size, is factored in place, otherwise it is re-blocked once.
 */
import type { ArrayData } from "../plan/array-data.js";
import { context } from "../plan/context.js";

/** Tiles smaller than this make tasks too short (BLAS below ~1 ms of work); larger ones too few. */
const MIN_TILE = 128;
const MAX_TILE = 2048;

/** Equal chunks of `tile` covering n (the last one ragged). */
export function chunksOf(n: number, tile: number): number[] {
  const out: number[] = [];
  for (let s = 0; s < n; s += tile) out.push(Math.min(tile, n - s));
  return out;
}

/**
 * The tile size for an n×n factorization: about 4 tile rows per worker thread's worth of
 * parallelism (enough independent updates to keep every worker busy through the end of the
 * factorization), within [MIN_TILE, MAX_TILE] and never more tiles than needed for a small matrix.
 */
export function tileSize(n: number): number {
  const workers = context().workers;
  const target = Math.ceil(n / Math.max(2, 4 * Math.sqrt(workers)));
  return Math.max(Math.min(n, MIN_TILE), Math.min(MAX_TILE, target));
}

/** The partition a square factorization of `a` uses for its rows and columns. */
export function squarePartition(a: ArrayData): number[] {
  const [rows, cols] = [a.grid.chunks[0]!, a.grid.chunks[1]!];
  const n = a.shape[0]!;
  const same = rows.length === cols.length && rows.every((c, i) => c === cols[i]);
  const largest = Math.max(0, ...rows);
  if (same && largest <= MAX_TILE && (largest >= MIN_TILE || rows.length === 1)) return [...rows];
  return chunksOf(n, tileSize(n));
}
