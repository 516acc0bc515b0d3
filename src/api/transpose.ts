// SPDX-License-Identifier: Apache-2.0
/** `np.transpose`: permuted axes as a view (no data moves until something reads it). */
import { normalizeAxes } from "../array/axis.js";
import { transposeView } from "../plan/views.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, releaseTemporaries, toData, wrap } from "./convert.js";
import { arrayOp } from "./op.js";

/** Reverses the axes, or permutes them by `axes` (result axis i is input axis axes[i]). */
export const transpose = arrayOp(function transpose(a: ArrayLike, axes?: readonly number[] | null): BlockArray {
  const x = toData(a, "transpose: a");
  try {
    const nd = x.ndim;
    const perm = axes ?? x.shape.map((_, i) => nd - 1 - i);
    if (!Array.isArray(perm) || perm.length !== nd || normalizeAxes(perm, nd).length !== nd) {
      throw new RangeError(`axes don't match array: got ${JSON.stringify(axes)} for an array of ${nd} dimensions`);
    }
    return wrap(transposeView(x, perm.map((p: number) => (p < 0 ? p + nd : p))));
  } finally {
    releaseTemporaries([a], [x]);
  }
});
