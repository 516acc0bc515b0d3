// SPDX-License-Identifier: Apache-2.0
/**
 * Solving A·X = B: tournament-pivoted elimination of [A | B] (calu.ts) then block back
 * substitution with U, or, for a matrix known to be positive definite, Cholesky (cholesky.ts)
 * and two triangular solves — half the flops and no pivoting. Also det/slogdet from the
 * elimination's U and pivots. X has B's column blocks; its row blocks are A's partition.
 */
import { ArrayGrid } from "../array/grid.js";
import { ArrayData } from "../plan/array-data.js";
import { stridesOf } from "../array/shape.js";
import { eliminate } from "./calu.js";
import { cholesky } from "./cholesky.js";
import { squarePartition } from "./partition.js";
import { TileMatrix, blockView, run } from "./tiles.js";
import { solveTriangularTiles } from "./triangular-solve.js";

/** X with A·X = B for square `a` (n×n) and 2-D `b` (n×r), both of one float dtype. */
export function solve(a: ArrayData, b: ArrayData, positiveDefinite = false): ArrayData {
  const chunks = squarePartition(a);
  if (positiveDefinite) {
    const l = cholesky(a);
    const lt = TileMatrix.of(l, chunks, chunks);
    l.release();
    const bt = TileMatrix.of(b, chunks, b.grid.chunks[1]!);
    const y = solveTriangularTiles((i, j) => lt.tile(i, j), bt, { lower: true, trans: false, unitDiagonal: false });
    bt.release();
    const x = solveTriangularTiles((i, j) => lt.tile(i, j), y, { lower: true, trans: true, unitDiagonal: false });
    y.release();
    lt.release();
    return finish(x);
  }
  const e = eliminate(a, b, chunks, true);
  const x = solveTriangularTiles((i, j) => (i === j ? blockView(e.steps[i]!.lu) : e.u.tile(i, j)), e.b!, { lower: false, trans: false, unitDiagonal: false });
  e.release();
  return finish(x);
}

function finish(x: TileMatrix): ArrayData {
  const out = x.toData();
  x.release();
  return out;
}

/** NumPy's slogdet of square `a`: a 2-element array [sign, logabsdet] in one block. */
export function slogdet(a: ArrayData): ArrayData {
  const chunks = squarePartition(a);
  const e = eliminate(a, null, chunks, false);
  const inputs = e.steps.flatMap((s) => [blockView(s.piv), blockView(s.lu)]);
  const [block] = run("luSlogdet", { tops: e.steps.map((s) => s.top) }, inputs, [{ dtype: a.dtype, shape: [2] }], 0, true);
  e.release();
  return ArrayData.fromSlots(ArrayGrid.fromChunks([2], [[2]]), a.dtype, [{ block: block!, offset: 0, strides: stridesOf([2]) }]);
}
