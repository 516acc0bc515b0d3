// SPDX-License-Identifier: Apache-2.0
/**
 * Tile sizes for the 2-D factorizations. Cholesky, LU and the triangular solves need the same
 * partition of rows and columns (diagonal tiles square); an array already cut that way is
 * factored in its own tiles, otherwise it is re-blocked once.
 */
import type { ArrayData } from "../plan/array-data.js";
import { context } from "../plan/context.js";

/** Tiles smaller than this make tasks too short (BLAS below ~1 ms of work); larger ones too few. */
const MIN_TILE = 128;
const MAX_TILE = 2048;
/** Re-blocking never makes tiles smaller than this (a layout of thin blocks is not a tiling). */
const MIN_RETILE = 8;

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

/**
 * The tile size to re-block `a` with: the default for its size, or the array's own block size when
 * that is finer (the layout the caller chose), but never below MIN_RETILE.
 */
export function retileSize(a: ArrayData): number {
  const n = Math.max(...a.shape);
  const finest = Math.min(...a.grid.chunks.map((c) => Math.max(1, ...c)));
  return Math.max(Math.min(n, MIN_RETILE), Math.min(tileSize(n), finest));
}

/**
 * The partition a square factorization of `a` uses for its rows and columns: the array's own when
 * rows and columns are cut alike (in tiles of at most MAX_TILE), else equal tiles of `retileSize`.
 */
export function squarePartition(a: ArrayData): number[] {
  const [rows, cols] = [a.grid.chunks[0]!, a.grid.chunks[1]!];
  const same = rows.length === cols.length && rows.every((c, i) => c === cols[i]);
  if (same && Math.max(0, ...rows) <= MAX_TILE) return [...rows];
  return chunksOf(a.shape[0]!, retileSize(a));
}
