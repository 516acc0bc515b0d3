// SPDX-License-Identifier: Apache-2.0
/**
 * Blocked triangular solve op(T)·X = B over tiles (right-looking block substitution, as LAPACK's
 * dtrsm by blocks): for each tile row k in the order the triangle dictates,
 *
 *   X_k = op(T)_kk⁻¹·B_k                   trsm, where B_k lives
 *   B_i = B_i − op(T)_ik·X_k   (i after k)  gemm, where B_i lives
 *
 * Every right-hand-side tile column is independent. op(T)_ik is a view of T's tile (transposed
 * tiles are read through their strides, never copied).
 */
import type { InputView } from "../runtime/runtime.js";
import { TileMatrix, run, transposed } from "./tiles.js";

export interface TriangularOptions {
  /** T is lower triangular (else upper); only that triangle of T's diagonal tiles is read. */
  readonly lower: boolean;
  /** Solve Tᵀ·X = B. */
  readonly trans: boolean;
  readonly unitDiagonal: boolean;
}

/**
 * X with op(T)·X = B. `t(i, j)` is tile (i, j) of T (only tiles of its triangle are asked for);
 * B's row chunks are T's partition. Returns X's tiles in B's layout (B's tiles are not consumed).
 */
export function solveTriangularTiles(t: (i: number, j: number) => InputView, b: TileMatrix, options: TriangularOptions): TileMatrix {
  const p = b.rows;
  const lowerSystem = options.lower !== options.trans;
  const op = (i: number, j: number): InputView => (options.trans ? transposed(t(j, i)) : t(i, j));
  const x = TileMatrix.build(b.dtype, b.rowChunks, b.colChunks, (i, j) => ({ ...b.tile(i, j), block: b.tile(i, j).block.retain() }));
  const order = Array.from({ length: p }, (_, i) => (lowerSystem ? i : p - 1 - i));
  order.forEach((k, step) => {
    for (let c = 0; c < x.cols; c++) {
      const attrs = { side: "left" as const, lower: options.lower, transA: options.trans, unitDiagonal: options.unitDiagonal, diagonalStart: b.rowBounds[k]! };
      const [xk] = run("triangularSolve", attrs, [t(k, k), x.tile(k, c)], [{ dtype: b.dtype, shape: x.tile(k, c).shape }], x.owner(k, c), true);
      x.set(k, c, xk!);
      for (const i of order.slice(step + 1)) {
        const [bi] = run("schurUpdate", {}, [op(i, k), x.tile(k, c), x.tile(i, c)], [{ dtype: b.dtype, shape: x.tile(i, c).shape }], x.owner(i, c), true);
        x.set(i, c, bi!);
      }
    }
  });
  return x;
}
