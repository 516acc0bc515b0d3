// SPDX-License-Identifier: Apache-2.0
/**
 * Which QR a matrix gets: direct TSQR (tsqr.ts) when it is tall and skinny — one column of
 * blocks, R small enough for one node — and tiled Householder QR (tiled-qr.ts) otherwise. Both
 * give Q orthogonal to machine precision; TSQR communicates only n×n factors.
 */
import type { ArrayData } from "../plan/array-data.js";
import { tiledQr } from "./tiled-qr.js";
import { tsqr } from "./tsqr.js";

/** Tall-skinny: TSQR when n is at most this and m ≥ 2n. */
const TSQR_MAX_COLS = 4096;

export function isTallSkinny(m: number, n: number): boolean {
  return n <= TSQR_MAX_COLS && m >= 2 * n;
}

/** QR of 2-D `a` (m, n ≥ 1) in NumPy's modes; R is k×n (m×n in mode "complete"). */
export function qr(a: ArrayData, mode: "reduced" | "complete" | "r"): { q: ArrayData | null; r: ArrayData } {
  const [m, n] = a.shape as [number, number];
  // A complete Q of a tall matrix is m×m: not tall-skinny any more, so it takes the tiled path.
  if (mode !== "complete" && isTallSkinny(m, n)) return tsqr(a, mode);
  return tiledQr(a, mode);
}
