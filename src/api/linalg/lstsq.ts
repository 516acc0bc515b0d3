// SPDX-License-Identifier: Apache-2.0
/**
 * `nt.linalg.lstsq`: least squares through the SVD of the distributed QR (A = Q·R, R = U_R·Σ·Vᵀ,
 * src/linalg/svd.ts), so the answer is NumPy's (LAPACK gelsd's) minimum-norm solution also for
 * rank-deficient A, with the same rcond cutoff: x = V·Σ⁺·(Q·U_R)ᵀ·b.
 */
import { LinAlgError } from "../../errors.js";
import { BlockArray } from "../block-array.js";
import { checkValues } from "../../plan/check.js";
import { type ArrayLike, wrap } from "../convert.js";
import { full, zeros } from "../creation.js";
import { expandDims } from "../dims.js";
import { matmul } from "../matmul.js";
import { max, sum } from "../reductions.js";
import { reshape } from "../reshape.js";
import { where } from "../selection.js";
import { transpose } from "../transpose.js";
import { divide, greater, multiply, square, subtract } from "../ufuncs.js";
import { epsOf, linalgOp, require2d, rounded } from "./args.js";
import { scoped } from "./scope.js";
import { commonDouble } from "./solve.js";
import { svd } from "./svd.js";

export interface LstsqOptions {
  /** Singular values at most rcond·max(S) count as zero (default: eps·max(m, n), NumPy 2's). */
  rcond?: number | null;
}

/** lstsq's four results, as NumPy's tuple: `const [x, residuals, rank, s] = nt.linalg.lstsq(a, b)`. */
export type LstsqResult = readonly [x: BlockArray, residuals: BlockArray, rank: BlockArray, s: BlockArray];

/** How many of the singular values `s` exceed `cutoff` (int32). */
export function countAbove(s: BlockArray, cutoff: BlockArray | number): BlockArray {
  return scoped((t) => t.t(sum(t.t(greater(s, cutoff)), { axis: -1 })).astype("int32"));
}

/** Σ⁺ as a vector: 1/s where s > cutoff, else 0. */
export function pseudoInverse(s: BlockArray, cutoff: BlockArray | number): BlockArray {
  return scoped((t) => where(t.t(greater(s, cutoff)), t.t(divide(1, s)), 0));
}

/**
 * The least-squares solution of A·x = b (NumPy's `linalg.lstsq`): x minimizing ‖b − A·x‖₂, of
 * minimum norm when A is rank deficient. Returns NumPy's four results: x; the residuals
 * ‖b − A·x‖² per column when rank = n < m, else an empty array (its shape depends on the rank,
 * so it is a deferred array); the rank (0-d int32); the singular values of A.
 *
 * @example
 * const [x, residuals, rank, s] = nt.linalg.lstsq(a, b);
 * @throws LinAlgError for arrays that are not 2-D (b may be 1-D) and for mismatched rows
 *   ("Incompatible dimensions"); the results reject with LinAlgError("SVD did not converge") for NaN
 */
export const lstsq = linalgOp(
  function lstsq(a: ArrayLike, b: ArrayLike, options: LstsqOptions = {}): LstsqResult {
    const [x, y, resultDtype] = commonDouble(a, b, "lstsq");
    const result = scoped((t): LstsqResult => {
      t.t(x);
      t.t(y);
      const vector = y.ndim === 1;
      const y2 = vector ? t.t(reshape(y, [y.shape[0]!, 1])) : y;
      require2d(x);
      require2d(y2);
      const [m, n] = x.shape as [number, number];
      const k = y2.shape[1]!;
      if (y2.shape[0] !== m) throw new LinAlgError("Incompatible dimensions");
      const dtype = x.dtype;
      // NumPy computes in double, so the default cutoff is double's eps whatever the input dtype.
      const rcond = options.rcond ?? epsOf(dtype) * Math.max(m, n);
      const xShape = vector ? [n] : [n, k];
      if (Math.min(m, n) === 0 || k === 0) {
        // LAPACK is not called: zeros, and NumPy's residuals ‖b‖² when the rank (0) equals n (0 < m).
        const residuals = n === 0 && m > 0 ? sum(t.t(square(y2)), { axis: 0 }) : zeros([0], { dtype });
        return [zeros(xShape, { dtype }), residuals, full([], 0, { dtype: "int32" }), zeros([0], { dtype })] as const;
      }
      // NumPy's gelsd fails on NaN and ±Inf with its own message; check A before the SVD sees it.
      const finite = t.t(wrap(checkValues(x.data, "finite", "LinAlgError", "SVD did not converge in Linear Least Squares")));
      const [u, s, vt] = svd(finite, { fullMatrices: false }).map((v) => t.t(v)) as [BlockArray, BlockArray, BlockArray];
      const cutoff = t.t(multiply(t.t(max(s, { axis: -1 })), rcond));
      const inverse = t.t(pseudoInverse(s, cutoff));
      const rank = countAbove(s, cutoff);
      const c = t.t(matmul(t.t(transpose(u)), y2));
      const scaled = t.t(multiply(t.t(expandDims(inverse, 1)), c));
      const x2 = t.t(matmul(t.t(transpose(vt)), scaled));
      const solution = vector ? reshape(x2, [n]) : x2.copy();
      return [solution, residualsOf(x, y2, x2, rank, n), rank, s.copy()] as const;
    });
    return rounded(result, resultDtype);
  },
  (_a: ArrayLike, _b: ArrayLike, _o?: LstsqOptions) => 4,
);

/**
 * NumPy's residuals: Σ (b − A·x)² per column when the rank is n and m > n, else empty. The sums
 * are scheduled at once; the rank decides (when known) which array the deferred result becomes.
 */
function residualsOf(a: BlockArray, b: BlockArray, x: BlockArray, rank: BlockArray, n: number): BlockArray {
  const m = a.shape[0]!;
  const dtype = a.dtype;
  if (m <= n) return zeros([0], { dtype });
  const sums = scoped((t) => sum(t.t(square(t.t(subtract(b, t.t(matmul(a, x)))))), { axis: 0 }));
  const r = rank.copy();
  return BlockArray.deferred(
    r.item().then(
      (value) => {
        r.dispose();
        if (value === n) return sums;
        sums.dispose();
        return zeros([0], { dtype });
      },
      (e: unknown) => {
        r.dispose();
        sums.dispose();
        throw e;
      },
    ),
  );
}
