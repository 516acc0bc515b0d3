// SPDX-License-Identifier: Apache-2.0
/** `nt.linalg.pinv` and `matrixRank` from the distributed SVD, with NumPy 2's tolerances. */
import type { BlockArray } from "../block-array.js";
import type { ArrayLike } from "../convert.js";
import { full, zeros } from "../creation.js";
import { expandDims } from "../dims.js";
import { matmul } from "../matmul.js";
import { arrayOp } from "../op.js";
import { any, max } from "../reductions.js";
import { transpose } from "../transpose.js";
import { multiply, notEqual } from "../ufuncs.js";
import { epsOf, floatArray, perMatrix, requireStacked2d } from "./args.js";
import { countAbove, pseudoInverse } from "./lstsq.js";
import { scoped } from "./scope.js";
import { svd } from "./svd.js";

export interface PinvOptions {
  /** Relative cutoff: singular values ≤ rcond·max(S) are dropped (NumPy's default 1e-15). */
  rcond?: number | null;
  /** Accepted for NumPy compatibility; the general SVD runs either way. */
  hermitian?: boolean;
  /** NumPy 2's name for the cutoff; null means max(m, n)·eps. Not together with rcond. */
  rtol?: number | null;
}

function cutoffOf(options: PinvOptions, m: number, n: number, dtype: BlockArray["dtype"]): number {
  if (options.rcond !== undefined && options.rcond !== null) {
    if (options.rtol !== undefined) throw new RangeError("`rtol` and `rcond` can't be both set.");
    return options.rcond;
  }
  if (options.rtol === undefined) return 1e-15;
  return options.rtol ?? Math.max(m, n) * epsOf(dtype);
}

/**
 * The Moore–Penrose pseudo-inverse (NumPy's `linalg.pinv`): V·Σ⁺·Uᵀ from the SVD, singular
 * values at most rcond·max(S) treated as zero. Stacks invert each matrix.
 *
 * @example
 * const p = nt.linalg.pinv(a);
 * @throws LinAlgError for input with fewer than 2 dimensions
 */
export const pinv = arrayOp(function pinv(a: ArrayLike, options: PinvOptions = {}): BlockArray {
  const x = floatArray(a, "pinv: a");
  try {
    requireStacked2d(x);
    const [m, n] = x.shape.slice(-2) as [number, number];
    const rcond = cutoffOf(options, m, n, x.dtype);
    return perMatrix(x, [[n, m]], [x.dtype], (mat) => {
      if (m === 0 || n === 0) return [zeros([n, m], { dtype: x.dtype })];
      return scoped((t) => {
        const [u, s, vt] = svd(mat, { fullMatrices: false }).map((v) => t.t(v)) as [BlockArray, BlockArray, BlockArray];
        const inverse = t.t(pseudoInverse(s, t.t(multiply(t.t(max(s, { axis: -1 })), rcond))));
        const scaled = t.t(multiply(t.t(expandDims(inverse, 1)), t.t(transpose(u))));
        return [matmul(t.t(transpose(vt)), scaled)];
      });
    })[0]!;
  } finally {
    x.dispose();
  }
});

export interface MatrixRankOptions {
  /** Singular values at most tol count as zero (default: max(S)·rtol). */
  tol?: number | null;
  /** Accepted for NumPy compatibility. */
  hermitian?: boolean;
  /** Relative tolerance (default max(m, n)·eps). */
  rtol?: number | null;
}

/**
 * The rank of a matrix by SVD (NumPy's `linalg.matrix_rank`): the number of singular values above
 * tol (default max(S)·max(m, n)·eps); for arrays with fewer than 2 dimensions, 1 unless all zero.
 * Returns an int32 array (0-d for one matrix).
 */
export const matrixRank = arrayOp(function matrixRank(A: ArrayLike, options: MatrixRankOptions = {}): BlockArray {
  const x = floatArray(A, "matrixRank: A");
  try {
    if (x.ndim < 2) return scoped((t) => t.t(any(t.t(notEqual(x, 0)))).astype("int32"));
    const [m, n] = x.shape.slice(-2) as [number, number];
    return perMatrix(x, [[]], ["int32"], (mat) => {
      if (Math.min(m, n) === 0) return [full([], 0, { dtype: "int32" })];
      return scoped((t) => {
        const s = t.t(svd(mat, { computeUv: false }));
        const tol = options.tol ?? t.t(multiply(t.t(max(s, { axis: -1 })), options.rtol ?? Math.max(m, n) * epsOf(s.dtype)));
        return [countAbove(s, tol)];
      });
    })[0]!;
  } finally {
    x.dispose();
  }
});
