// SPDX-License-Identifier: Apache-2.0
/**
 * `nt.linalg.det` and `slogdet` from the tournament-pivoted elimination (src/linalg/solve.ts):
 * Π of U's diagonal and the pivots' parity, as NumPy reads them from LAPACK's getrf.
 */
import { ArrayGrid } from "../../array/grid.js";
import { slogdet as planSlogdet } from "../../linalg/solve.js";
import { ArrayData } from "../../plan/array-data.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, wrap } from "../convert.js";
import { full } from "../creation.js";
import { arrayOp } from "../op.js";
import { exp, multiply } from "../ufuncs.js";
import { double, held, linalgOp, named, perMatrix, requireSquare, requireStacked2d, rounded } from "./args.js";

/** NumPy's SlogdetResult: `const [sign, logabsdet] = nt.linalg.slogdet(a)`, or `.sign`, `.logabsdet`. */
export type SlogdetResult = readonly [sign: BlockArray, logabsdet: BlockArray] & { readonly sign: BlockArray; readonly logabsdet: BlockArray };

function slogdetMatrix(a: BlockArray): BlockArray[] {
  const dtype = a.dtype;
  if (a.shape[0] === 0) return [full([], 1, { dtype }), full([], 0, { dtype })];
  const x = held(a);
  const pair = planSlogdet(x);
  x.release();
  // Two 0-d views on the [sign, logabsdet] block.
  const block = pair.slots[0]!.block;
  const out = [0, 1].map((i) => wrap(ArrayData.fromSlots(ArrayGrid.fromChunks([], []), dtype, [{ block: block.retain(), offset: i, strides: [] }])));
  pair.release();
  return out;
}

function slogdetStack(a: ArrayLike, fn: string): BlockArray[] {
  const { x, dtype } = double(a, `${fn}: a`);
  try {
    requireStacked2d(x);
    requireSquare(x);
    return rounded(perMatrix(x, [[], []], [dtype, dtype], slogdetMatrix), dtype);
  } finally {
    x.dispose();
  }
}

/**
 * The sign and natural log of the absolute determinant (NumPy's `linalg.slogdet`): sign is ±1,
 * or 0 with logabsdet −∞ for an exactly singular matrix. Computed from the tiled LU with
 * tournament pivoting (no overflow: only logarithms are summed).
 *
 * @example
 * const [sign, logabsdet] = nt.linalg.slogdet(a);
 * @throws LinAlgError for input that is not a (stack of) square matrices
 */
export const slogdet = linalgOp((a: ArrayLike): SlogdetResult => named<SlogdetResult>(["sign", "logabsdet"], slogdetStack(a, "slogdet")), (_a: ArrayLike) => ["sign", "logabsdet"]);

/**
 * The determinant (NumPy's `linalg.det`): sign·exp(logabsdet) of the tiled LU, as NumPy computes
 * it (a singular matrix gives 0; NaN propagates).
 *
 * @throws LinAlgError for input that is not a (stack of) square matrices
 */
export const det = arrayOp(function det(a: ArrayLike): BlockArray {
  const [sign, logabsdet] = slogdetStack(a, "det") as [BlockArray, BlockArray];
  const e = exp(logabsdet);
  const out = multiply(sign, e);
  for (const t of [sign, logabsdet, e]) t.dispose();
  return out;
});
