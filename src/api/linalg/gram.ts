// SPDX-License-Identifier: Apache-2.0
/**
 * `nt.linalg.gram` and `nt.linalg.gramAndProduct`: the weighted Gram matrix Xᵀ·diag(w)·X of a tall
 * matrix (a GLM's Hessian), optionally of X with a column of ones appended, and the product Xᵀ·V
 * in the same pass over X. Not NumPy functions: NumPy spells them `X.T @ (w[:, None] * X)`, which
 * materializes the scaled copy of X and does twice the flops of a symmetric rank-k update.
 */
import type { Dtype } from "../../array/dtype.js";
import { ShapeError } from "../../errors.js";
import { gram as gramPlan } from "../../linalg/gram.js";
import type { ArrayData } from "../../plan/array-data.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "../convert.js";
import { arrayOp } from "../op.js";

export interface GramOptions {
  /** Row weights w (length n; any sign): the result is Xᵀ·diag(w)·X. Default: all ones. */
  weights?: ArrayLike | null;
  /**
   * Read X as [X, 1], a column of ones appended (never stored): the result is (d+1)×(d+1) with
   * Xᵀw in its last column and Σw in its corner — the normal equations of a model with an
   * intercept. Default false.
   */
  appendOnes?: boolean;
}

const SHAPE = (s: readonly number[]) => `(${s.join(",")}${s.length === 1 ? "," : ""})`;

/** float32 when every operand is float32, else float64. */
function resultDtype(xs: readonly ArrayData[]): Dtype {
  return xs.every((x) => x.dtype === "float32") ? "float32" : "float64";
}

function run(fn: string, x: ArrayLike, v: ArrayLike | null, options: GramOptions): BlockArray[] {
  const inputs: ArrayLike[] = [x];
  const datas: ArrayData[] = [];
  try {
    const a = toData(x, `${fn}: x`);
    datas.push(a);
    if (a.ndim !== 2) throw new ShapeError(`${fn}: x must be 2-D, got an array of shape ${SHAPE(a.shape)}`);
    const n = a.shape[0]!;
    let w: ArrayData | null = null;
    if (options.weights !== undefined && options.weights !== null) {
      inputs.push(options.weights);
      w = toData(options.weights, `${fn}: weights`);
      datas.push(w);
      if (w.ndim !== 1 || w.shape[0] !== n) throw new ShapeError(`${fn}: weights must have shape (${n},) to match x ${SHAPE(a.shape)}, got ${SHAPE(w.shape)}`);
    }
    let p: ArrayData | null = null;
    if (v !== null) {
      inputs.push(v);
      p = toData(v, `${fn}: v`);
      datas.push(p);
      if ((p.ndim !== 1 && p.ndim !== 2) || p.shape[0] !== n) {
        throw new ShapeError(`${fn}: v must be 1-D or 2-D with ${n} rows to match x ${SHAPE(a.shape)}, got ${SHAPE(p.shape)}`);
      }
    }
    for (const d of datas) if (d.dtype === "bool") throw new TypeError(`${fn}: boolean operands are not supported; cast them with astype first`);
    const results = gramPlan(a, { weights: w, product: p, appendOnes: options.appendOnes === true, dtype: resultDtype(datas) });
    return results.map(wrap);
  } finally {
    datas.forEach((d, i) => isTemporary(inputs[i]!) && d.release());
  }
}

/**
 * The Gram matrix Xᵀ·diag(w)·X of a 2-D array (symmetric, d×d; (d+1)×(d+1) with `appendOnes`),
 * computed per row block by weighted symmetric rank-k updates and tree-summed.
 *
 * @example
 * const H = nt.linalg.gram(X, { weights: mu.multiply(nt.subtract(1, mu)) }); // logistic Hessian
 * @param x - the n×d matrix (float64 or float32; other dtypes are converted to float64)
 * @param options - `weights` (length n) and `appendOnes`
 * @throws ShapeError when x is not 2-D or the weights do not have length n
 */
export const gram = arrayOp(function gram(x: ArrayLike, options: GramOptions = {}): BlockArray {
  return run("gram", x, null, options)[0]!;
});

/**
 * Xᵀ·diag(w)·X and Xᵀ·v in one pass over X (both with the column of ones under `appendOnes`): a
 * Newton step's Hessian and gradient, reading each block of X once.
 *
 * @example
 * const [H, g] = nt.linalg.gramAndProduct(X, mu.subtract(y), { weights: s, appendOnes: true });
 * @param x - the n×d matrix
 * @param v - length n (the product is a vector of length d) or n×k (a d×k matrix)
 * @param options - `weights` (length n) and `appendOnes`
 * @throws ShapeError when x is not 2-D or v, weights do not have n rows; PendingShapeError when
 *   an operand's shape still depends on data (await `x.resolved()` first)
 */
export function gramAndProduct(x: ArrayLike, v: ArrayLike, options: GramOptions = {}): [BlockArray, BlockArray] {
  const [c, p] = run("gramAndProduct", x, v, options);
  return [c!, p!];
}
