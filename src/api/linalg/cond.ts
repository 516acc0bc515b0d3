// SPDX-License-Identifier: Apache-2.0
/** `nt.linalg.cond`: NumPy's condition number, from the SVD (p = null, ±2) or norm(A)·norm(A⁻¹). */
import { LinAlgError } from "../../errors.js";
import { BlockArray } from "../block-array.js";
import type { ArrayLike } from "../convert.js";
import { fullLike } from "../creation.js";
import { squeeze } from "../dims.js";
import { arrayOp } from "../op.js";
import { any } from "../reductions.js";
import { where } from "../selection.js";
import { split } from "../split.js";
import { divide, isnan, logicalAnd, logicalNot, multiply } from "../ufuncs.js";
import { floatArray, perMatrix, requireSquare, requireStacked2d } from "./args.js";
import { type NormOrder, norm } from "./norm.js";
import { type Scope, scoped } from "./scope.js";
import { inv } from "./solve.js";
import { svd } from "./svd.js";

/** s[..., i] for i in {0, −1} of the last axis. */
function end(t: Scope, s: BlockArray, last: boolean): BlockArray {
  const k = s.shape[s.ndim - 1]!;
  const part = split(s, [last ? k - 1 : 1], { axis: -1 }).map((v) => t.t(v))[last ? 1 : 0]!;
  return t.t(squeeze(part, -1));
}

/** NumPy's cleanup: a NaN result becomes inf unless the matrix itself holds NaN. */
function nanToInf(t: Scope, r: BlockArray, a: BlockArray): BlockArray {
  const hasNan = t.t(any(t.t(isnan(a)), { axis: [-2, -1] }));
  return where(t.t(logicalAnd(t.t(isnan(r)), t.t(logicalNot(hasNan)))), Infinity, r);
}

/** norm(A)·norm(A⁻¹) of one square matrix; inf when A is singular (known once inv fails). */
function normCond(a: BlockArray, p: NormOrder): BlockArray {
  const held = a.copy();
  const inverse = inv(held);
  const normOf = (t: Scope, x: BlockArray) => t.t(norm(x, { ord: p, axis: [-2, -1] }));
  const finish = (make: (t: Scope) => BlockArray): BlockArray => {
    const r = scoped(make);
    held.dispose();
    inverse.dispose();
    return r;
  };
  return BlockArray.deferred(
    inverse.wait().then(
      () => finish((t) => nanToInf(t, t.t(multiply(normOf(t, held), normOf(t, inverse))), held)),
      (e: unknown) => {
        if (!(e instanceof LinAlgError)) {
          held.dispose();
          inverse.dispose();
          throw e;
        }
        // NumPy's cond inverts with errors ignored: a singular matrix has condition number inf.
        return finish((t) => fullLike(normOf(t, held), Infinity));
      },
    ),
  );
}

/**
 * The condition number of a matrix (NumPy's `linalg.cond`) in the norm `p`: for p null, 2 or −2
 * the ratio of extreme singular values; otherwise (square matrices only) norm(A, p)·norm(A⁻¹, p),
 * a deferred array since a singular A is only known once its inverse fails. NaN results become
 * inf unless the matrix holds NaN, as NumPy does.
 *
 * @throws LinAlgError for input with fewer than 2 dimensions, for empty matrices, and for
 *   non-square input when p is not null or ±2
 */
export const cond = arrayOp(function cond(x: ArrayLike, p: NormOrder = null): BlockArray {
  const a = floatArray(x, "cond: x");
  try {
    requireStacked2d(a);
    if (a.size === 0) throw new LinAlgError("cond is not defined on empty arrays");
    if (p === null || p === 2 || p === -2) {
      return scoped((t) => {
        const s = t.t(svd(a, { computeUv: false }));
        const [first, last] = [end(t, s, false), end(t, s, true)];
        return nanToInf(t, t.t(p === -2 ? divide(last, first) : divide(first, last)), a);
      });
    }
    requireSquare(a);
    // Deferred per matrix: its inputs must outlive this call, so each keeps its own copy.
    return perMatrix(a, [[]], [a.dtype], (m) => [normCond(m, p)])[0]!;
  } finally {
    a.dispose();
  }
});
