// SPDX-License-Identifier: Apache-2.0
/**
 * `compress`: the slices of an array along an axis where a 1-d condition is non-zero. A known
 * condition is a known-position gather; a distributed one of the axis' length is a boolean mask
 * (a deferred selection, block by block); any other length goes through its `nonzero()` (a
 * shorter condition selects nothing past its end; true entries past the axis raise, as NumPy).
 */
import { normalizeAxis } from "../../array/axis.js";
import type { IndexPart } from "../../array/index/parts.js";
import { slice } from "../../array/index/slice.js";
import { ShapeError } from "../../errors.js";
import { BlockArray } from "../block-array.js";
import { type ArrayLike, toLocal } from "../convert.js";
import { arrayOp } from "../op.js";
import { ravel } from "../reshape.js";
import { astype } from "../selection.js";
import { getItem } from "./get.js";
import { nonzero } from "./nonzero.js";
import { asBlockArray, take } from "./take.js";

export interface CompressOptions {
  /** The axis to select along; null (the default) selects from the flattened array. */
  readonly axis?: number | null;
}

/**
 * `np.compress(condition, a, axis=None)`: the slices of `a` along `axis` where `condition` is
 * non-zero (of the flattened `a` when `axis` is null).
 *
 * @example
 * await nt.compress([0, 1, 1], nt.arange(6).reshape(3, 2), { axis: 0 }).toNested() // [[2, 3], [4, 5]]
 * @throws ShapeError when the condition is not 1-d, IndexError for true entries past the axis,
 *   AxisError for a bad axis.
 */
export const compress = arrayOp(function compress(condition: ArrayLike, a: ArrayLike, options: CompressOptions = {}): BlockArray {
  const local = condition instanceof BlockArray ? null : toLocal(condition, "compress: condition")!;
  const ndim = local ? local.ndim : (condition as BlockArray).ndim;
  if (ndim !== 1) throw new ShapeError("condition must be a 1-d array");
  const { x, made } = asBlockArray(a, "compress: a");
  const flat = options.axis === null || options.axis === undefined ? ravel(x) : null;
  const cleanup = () => {
    flat?.dispose();
    if (made) x.dispose();
  };
  let deferred: BlockArray | null = null;
  try {
    const src = flat ?? x;
    const axis = flat ? 0 : normalizeAxis(options.axis!, src.ndim);
    if (local) {
      const positions: number[] = [];
      local.data.forEach((v, i) => v !== 0 && positions.push(i));
      return take(src, positions, { axis });
    }
    const cond = condition as BlockArray;
    if (cond.size !== src.shape[axis]) {
      // Waits for the positions: the arrays it reads must outlive this call.
      const [positions] = nonzero(cond);
      deferred = take(src, positions!, { axis });
      void deferred.resolved().then(
        () => (positions!.dispose(), cleanup()),
        () => (positions!.dispose(), cleanup()),
      );
      return deferred;
    }
    const mask = cond.dtype === "bool" ? cond : astype(cond, "bool");
    try {
      const parts: IndexPart<BlockArray>[] = [...Array.from({ length: axis }, () => slice(null)), mask];
      return getItem(src, parts);
    } finally {
      if (mask !== cond) mask.dispose();
    }
  } finally {
    if (deferred === null) cleanup();
  }
});
