// SPDX-License-Identifier: Apache-2.0
/** `nt.linalg.solveTriangular` (scipy.linalg.solve_triangular): blocked substitution over tiles. */
import { squarePartition } from "../../linalg/partition.js";
import { TileMatrix } from "../../linalg/tiles.js";
import { solveTriangularTiles } from "../../linalg/triangular-solve.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, wrap } from "../convert.js";
import { arrayOp } from "../op.js";
import { reshape } from "../reshape.js";
import { held } from "./args.js";
import { commonFloat } from "./solve.js";

export interface SolveTriangularOptions {
  /** Solve with A (0, "N"), Aᵀ (1, "T") or Aᴴ (2, "C"; = Aᵀ for real A). Default 0. */
  trans?: 0 | 1 | 2 | "N" | "T" | "C";
  /** Use A's lower triangle (default: the upper one, as scipy). */
  lower?: boolean;
  /** Take A's diagonal as ones (it is not read). */
  unitDiagonal?: boolean;
}

/** Python's repr of a shape tuple: (3, 3), (2,), (). */
function pyShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

function transposed(trans: SolveTriangularOptions["trans"]): boolean {
  switch (trans ?? 0) {
    case 0:
    case "N":
      return false;
    case 1:
    case 2:
    case "T":
    case "C":
      return true;
    default:
      throw new RangeError(`solveTriangular: trans must be 0, 1, 2, "N", "T" or "C", got ${JSON.stringify(trans)}`);
  }
}

/**
 * Solves op(A)·x = b for triangular A (scipy's `linalg.solve_triangular`, an extension of NumPy's
 * namespace): right-looking block substitution — a trsm on each diagonal tile, gemm updates of
 * the remaining right-hand-side tiles where they live. Only A's chosen triangle is read.
 *
 * @example
 * const x = nt.linalg.solveTriangular(l, b, { lower: true });
 * @throws RangeError("expected square matrix") and scipy's shape message for mismatched b; the
 *   result rejects with LinAlgError("singular matrix: resolution failed at diagonal i") for a
 *   zero on A's diagonal
 */
export const solveTriangular = arrayOp(function solveTriangular(a: ArrayLike, b: ArrayLike, options: SolveTriangularOptions = {}): BlockArray {
  const trans = transposed(options.trans);
  const [x, y] = commonFloat(a, b, "solveTriangular");
  const parts: BlockArray[] = [x, y];
  try {
    if (x.ndim !== 2 || x.shape[0] !== x.shape[1]) throw new RangeError("expected square matrix");
    const n = x.shape[0]!;
    if (y.ndim < 1 || y.ndim > 2 || y.shape[0] !== n) {
      throw new RangeError(`shapes of a ${pyShape(x.shape)} and b ${pyShape(y.shape)} are incompatible`);
    }
    if (y.size === 0) return y.copy();
    const vector = y.ndim === 1;
    const y2 = vector ? parts[parts.push(reshape(y, [n, 1])) - 1]! : y;
    const chunks = squarePartition(x.data);
    const [ad, bd] = [held(x), held(y2)];
    const at = TileMatrix.of(ad, chunks, chunks);
    const bt = TileMatrix.of(bd, chunks, bd.grid.chunks[1]!);
    ad.release();
    bd.release();
    const solution = solveTriangularTiles((i, j) => at.tile(i, j), bt, { lower: options.lower === true, trans, unitDiagonal: options.unitDiagonal === true });
    at.release();
    bt.release();
    const out = wrap(solution.toData());
    solution.release();
    if (!vector) return out;
    parts.push(out);
    return reshape(out, [n]);
  } finally {
    for (const p of parts) p.dispose();
  }
});
