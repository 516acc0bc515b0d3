// SPDX-License-Identifier: Apache-2.0
/**
 * `nt.linalg.solve` and `inv`: tournament-pivoted LU (CALU) of [A | B] over the tile grid, then
 * block back substitution (src/linalg/solve.ts); Cholesky for `assumeA: "pos"`.
 */
import { broadcastShapes } from "../../array/broadcast.js";
import { ShapeError } from "../../errors.js";
import { solve as planSolve } from "../../linalg/solve.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, wrap } from "../convert.js";
import { eye } from "../creation.js";
import { broadcastTo } from "../dims.js";
import { arrayOp } from "../op.js";
import { reshape } from "../reshape.js";
import { double, floatArray, held, perItem, perMatrix, requireSquare, requireStacked2d, rounded } from "./args.js";

export interface SolveOptions {
  /**
   * What is known of A (scipy's `assume_a`): "gen" (default) any square matrix, by LU with
   * tournament pivoting; "pos" symmetric positive definite, by Cholesky (half the work; only the
   * lower triangle is read; a matrix that is not positive definite fails with LinAlgError).
   */
  assumeA?: "gen" | "pos";
}

/** Both operands in one float dtype: float32 only when both are float32 (NumPy's result type). */
export function commonFloat(a: ArrayLike, b: ArrayLike, fn: string): [BlockArray, BlockArray] {
  const [x, y] = [floatArray(a, `${fn}: a`), floatArray(b, `${fn}: b`)];
  if (x.dtype === y.dtype) return [x, y];
  return [rounded(x, "float64"), rounded(y, "float64")];
}

/** Both operands in float64 (NumPy computes in double) and the result dtype. */
export function commonDouble(a: ArrayLike, b: ArrayLike, fn: string): [BlockArray, BlockArray, "float64" | "float32"] {
  const [x, y] = commonFloat(a, b, fn);
  const dtype = x.dtype === "float32" ? "float32" : "float64";
  return [rounded(x, "float64"), rounded(y, "float64"), dtype];
}

/** X for one matrix A and one B (n or n×k). */
function solveOne(a: BlockArray, b: BlockArray, positiveDefinite: boolean): BlockArray {
  const n = a.shape[0]!;
  if (n === 0 || b.size === 0) return b.copy();
  const vector = b.ndim === 1;
  const b2 = vector ? reshape(b, [n, 1]) : b;
  const [x, y] = [held(a), held(b2)];
  const out = wrap(planSolve(x, y, positiveDefinite));
  x.release();
  y.release();
  if (!vector) return out;
  b2.dispose();
  const flat = reshape(out, [n]);
  out.dispose();
  return flat;
}

/**
 * Solves A·X = B (NumPy's `linalg.solve`). `b` is a vector when it is 1-D (NumPy 2's rule), else
 * a matrix of right-hand sides; stacks of systems broadcast over the leading axes. Blocked LU
 * with tournament pivoting (CALU): every tile column's pivots are chosen by a tree of
 * partial-pivoting LUs of the column's tiles, so the panel needs one reduction instead of one per
 * column; rows are exchanged and updated where their tiles live.
 *
 * @example
 * const x = nt.linalg.solve(a, b);
 * const y = nt.linalg.solve(spd, b, { assumeA: "pos" });
 * @throws LinAlgError for non-square A, ShapeError (NumPy's message) when B does not match; the
 *   result rejects with LinAlgError("Singular matrix") for an exactly singular A.
 */
export const solve = arrayOp(function solve(a: ArrayLike, b: ArrayLike, options: SolveOptions = {}): BlockArray {
  const assume = options.assumeA ?? "gen";
  if (assume !== "gen" && assume !== "pos") throw new RangeError(`solve: assumeA must be "gen" or "pos", got ${JSON.stringify(assume)}`);
  const [x, y, dtype] = commonDouble(a, b, "solve");
  const parts: BlockArray[] = [x, y];
  try {
    requireStacked2d(x);
    requireSquare(x);
    const m = x.shape[x.ndim - 1]!;
    const vector = y.ndim === 1;
    const [gufunc, signature, rows] = vector ? ["solve1", "(m,m),(m)->(m)", y.shape[0]!] : ["solve", "(m,m),(m,n)->(m,n)", y.shape[y.ndim - 2]!];
    if (y.ndim === 0 || rows !== m) {
      throw new ShapeError(`${gufunc}: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${signature} (size ${y.ndim === 0 ? 0 : rows} is different from ${m})`);
    }
    const core = vector ? 1 : 2;
    const batch = broadcastShapes(x.shape.slice(0, -2), y.shape.slice(0, y.ndim - core));
    const xb = parts[parts.push(broadcastTo(x, [...batch, m, m])) - 1]!;
    const yb = parts[parts.push(broadcastTo(y, [...batch, ...y.shape.slice(y.ndim - core)])) - 1]!;
    const item = y.shape.slice(y.ndim - core);
    return rounded(perItem([{ x: xb, core: 2 }, { x: yb, core }], [item], [dtype], ([ai, bi]) => [solveOne(ai!, bi!, assume === "pos")])[0]!, dtype);
  } finally {
    for (const p of parts) p.dispose();
  }
});

/**
 * The inverse of a square matrix (NumPy's `linalg.inv`): solves A·X = I with the same tiled LU
 * (the identity's tiles are eliminated with A).
 *
 * @throws LinAlgError for non-square input; the result rejects with LinAlgError("Singular matrix").
 */
export const inv = arrayOp(function inv(a: ArrayLike): BlockArray {
  const { x, dtype } = double(a, "inv: a");
  try {
    requireStacked2d(x);
    requireSquare(x);
    const n = x.shape[x.ndim - 1]!;
    const out = perMatrix(x, [[n, n]], [dtype], (m) => {
      if (n === 0) return [m.copy()];
      const identity = eye(n, { dtype: "float64", blockShape: m.blockShape });
      const r = solveOne(m, identity, false);
      identity.dispose();
      return [r];
    })[0]!;
    return rounded(out, dtype);
  } finally {
    x.dispose();
  }
});
