// SPDX-License-Identifier: Apache-2.0
/**
 * Tiled right-looking Cholesky (LAPACK's dpotrf by blocks; the tile algorithm of Buttari, Langou,
 * Kurzak & Dongarra, "A class of parallel tiled linear algebra algorithms for multicore
 * architectures", Parallel Computing 35(1), 2009). For each tile column k:
 *
 *   L_kk = chol(A_kk)                      potrf, on the diagonal tile's owner
 *   L_ik = A_ik·L_kk⁻ᵀ          (i > k)    trsm, where A_ik lives
 *   A_ij = A_ij − L_ik·L_jkᵀ    (i ≥ j > k) gemm (syrk when i = j), where A_ij lives
 *
 * Every op is its tile's final op, so LSHS runs it on the tile's owner: tiles never move, only
 * the panel L_·k travels to the owners of the trailing tiles that need it (ScaLAPACK's
 * broadcast). Reads only the lower triangle. Memory: A's size plus the tiles being updated.
 */
import type { ArrayData } from "../plan/array-data.js";
import { squarePartition } from "./partition.js";
import { TileMatrix, run, transposed } from "./tiles.js";
import { ZeroTiles } from "./zero.js";

/** The lower Cholesky factor of symmetric positive-definite `a` (n×n, float), zeros above. */
export function cholesky(a: ArrayData): ArrayData {
  const chunks = squarePartition(a);
  const t = TileMatrix.of(a, chunks, chunks);
  const p = chunks.length;
  const dtype = a.dtype;
  for (let k = 0; k < p; k++) {
    const ck = chunks[k]!;
    // The panel (potrf, trsm) and the next column's updates are the critical path: urgent.
    const [lkk] = run("cholesky", {}, [t.tile(k, k)], [{ dtype, shape: [ck, ck] }], t.owner(k, k), true, true);
    t.set(k, k, lkk!);
    for (let i = k + 1; i < p; i++) {
      const [lik] = run("triangularSolve", { side: "right", lower: true, transA: true }, [t.tile(k, k), t.tile(i, k)], [{ dtype, shape: [chunks[i]!, ck] }], t.owner(i, k), true, true);
      t.set(i, k, lik!);
    }
    for (let j = k + 1; j < p; j++) {
      for (let i = j; i < p; i++) {
        // Diagonal tiles: syrk on the lower triangle (all potrf reads), half a gemm's flops.
        const attrs = { lower: i === j };
        const [aij] = run("schurUpdate", attrs, [t.tile(i, k), transposed(t.tile(j, k)), t.tile(i, j)], [{ dtype, shape: [chunks[i]!, chunks[j]!] }], t.owner(i, j), true, j === k + 1);
        t.set(i, j, aij!);
      }
    }
  }
  const zeros = new ZeroTiles(dtype);
  const out = t.toData((i, j) => (i >= j ? { ...t.tile(i, j), block: t.tile(i, j).block.retain() } : zeros.view([chunks[i]!, chunks[j]!])));
  zeros.release();
  t.release();
  return out;
}
