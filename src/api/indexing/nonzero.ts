// SPDX-License-Identifier: Apache-2.0
/**
 * `nonzero` and `argwhere`: the coordinates of the non-zero elements, as int32 (numts has no
 * int64; int32 addresses every element of an array numts can hold). Their length depends on the
 * values, so the results are deferred arrays; `nonzero`'s arrays are column views of `argwhere`'s.
 */
import { slice } from "../../array/index/slice.js";
import { ShapeError } from "../../errors.js";
import { argwhereBlocks, countBlocks } from "../../plan/indexing/mask-select.js";
import { materialize } from "../../plan/materialize.js";
import { BlockArray } from "../block-array.js";
import { type ArrayLike, toLocal, wrap } from "../convert.js";
import { arrayOp } from "../op.js";
import { withData } from "../with-data.js";
import { getItem } from "./get.js";

/**
 * `np.argwhere(a)`: the coordinates of the non-zero elements of `a`, one row each (C order), as
 * an int32 array of shape `[count, a.ndim]`.
 *
 * @example
 * await nt.argwhere([[0, 1], [2, 0]]).toNested() // [[0, 1], [1, 0]]
 */
export const argwhere = arrayOp(function argwhere(a: ArrayLike): BlockArray {
  return withData(a, "argwhere: a", (x) => {
    materialize(x);
    x.retain();
    const result = countBlocks(x)
      .then((counts) => wrap(argwhereBlocks(x, counts)))
      .finally(() => x.release());
    return BlockArray.deferred(result);
  });
});

/**
 * `np.nonzero(a)`: for each axis of `a`, the int32 coordinates of its non-zero elements along
 * that axis (C order). The arrays are deferred (their length depends on the values).
 *
 * @example
 * const [rows, cols] = nt.nonzero([[0, 1], [2, 0]]) // [0, 1] and [1, 0]
 * @throws ShapeError for a 0-d array, as NumPy 2.
 */
export function nonzero(a: ArrayLike): BlockArray[] {
  const local = a instanceof BlockArray ? null : toLocal(a, "nonzero: a")!;
  const ndim = local ? local.ndim : (a as BlockArray).ndim;
  if (ndim === 0) {
    throw new ShapeError("Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
  }
  const coords = argwhere(local ?? a);
  const columns = Array.from({ length: ndim }, (_, i) => getItem(coords, [slice(null), i]));
  void Promise.allSettled(columns.map((c) => c.resolved())).then(() => coords.dispose());
  return columns;
}
