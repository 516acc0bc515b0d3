// SPDX-License-Identifier: Apache-2.0
/**
 * `take` and `takeAlongAxis`: integer-array indexing along one axis, planned like `x.get(...)` (a
 * routed gather for indices known here, a matching gather for distributed ones).
 */
import { normalizeAxis } from "../../array/axis.js";
import { dtypeKind, dtypeOfTyped } from "../../array/dtype.js";
import type { IndexPart } from "../../array/index/parts.js";
import { slice } from "../../array/index/slice.js";
import { NDArray } from "../../array/ndarray.js";
import { ShapeError, IndexError } from "../../errors.js";
import { BlockArray } from "../block-array.js";
import { type ArrayLike, toData, wrap } from "../convert.js";
import { arrayOp } from "../op.js";
import { ravel } from "../reshape.js";
import { getItem } from "./get.js";
import { type ClipMode, applyMode, indexPart, parseMode, toIndices } from "./index-args.js";

export interface TakeOptions {
  /** The axis to take along; null (the default) takes from the flattened array. */
  readonly axis?: number | null;
  /** Out-of-range indices: "raise" (default), "wrap" around, or "clip" to the ends. */
  readonly mode?: ClipMode;
}

/** NumPy's error for the first known index outside `[-n, n)`. */
function checkBounds(values: Float64Array, axis: number, n: number): void {
  for (const v of values) if (v < -n || v >= n) throw new IndexError(`index ${v} is out of bounds for axis ${axis} with size ${n}`);
}

/** `a` as a BlockArray, and whether it was made here (to dispose). */
export function asBlockArray(a: ArrayLike, what: string): { x: BlockArray; made: boolean } {
  return a instanceof BlockArray ? { x: a, made: false } : { x: wrap(toData(a, what)), made: true };
}

/**
 * `np.take(a, indices, axis=None, mode='raise')`: the elements of `a` at `indices` along `axis`
 * (of the flattened array when `axis` is null). The result's shape is `a.shape[:axis] +
 * indices.shape + a.shape[axis+1:]`.
 *
 * @example
 * await nt.take(nt.arange(10).multiply(2), [[0, 3], [9, -1]]).toNested() // [[0, 6], [18, 18]]
 * @throws IndexError for out-of-range indices with mode "raise" (distributed indices: the result
 *   rejects), TypeError for float indices, AxisError for a bad axis, RangeError for a bad mode.
 */
export const take = arrayOp(function take(a: ArrayLike, indices: ArrayLike, options: TakeOptions = {}): BlockArray {
  const mode = parseMode(options.mode);
  const { x, made } = asBlockArray(a, "take: a");
  let flat: BlockArray | null = null;
  try {
    const flatten = options.axis === null || options.axis === undefined;
    const axis = flatten ? 0 : normalizeAxis(options.axis!, x.ndim);
    const n = flatten ? x.size : x.shape[axis]!;
    const idx = applyMode(toIndices(indices, "take: indices", "same_kind"), n, mode);
    // Known indices are checked before anything is scheduled (flattening may move data).
    if (!(idx instanceof BlockArray)) checkBounds(idx.values, axis, n);
    if (flatten) flat = ravel(x);
    const src = flat ?? x;
    try {
      const parts: IndexPart<BlockArray>[] = [...Array.from({ length: axis }, () => slice(null)), indexPart(idx)];
      return getItem(src, parts);
    } finally {
      if (idx instanceof BlockArray && idx !== indices) idx.dispose();
    }
  } finally {
    flat?.dispose();
    if (made) x.dispose();
  }
});

/**
 * `np.take_along_axis(arr, indices, axis=-1)`: `arr` read at `indices` along `axis`, the other
 * axes matched index by index (broadcast), as the output of `argsort` or `argmax(keepdims)`
 * expects. `axis` null reads the flattened array with 1-d indices.
 *
 * @example
 * await nt.takeAlongAxis(nt.array([[10, 30, 20]]), [[0, 2, 1]], 1).toNested() // [[10, 20, 30]]
 * @throws IndexError for non-integer indices and out-of-range ones, ShapeError when the numbers
 *   of dimensions differ, AxisError for a bad axis.
 */
export const takeAlongAxis = arrayOp(function takeAlongAxis(arr: ArrayLike, indices: ArrayLike, axis: number | null = -1): BlockArray {
  const dtype =
    indices instanceof BlockArray || indices instanceof NDArray ? indices.dtype : ArrayBuffer.isView(indices) ? dtypeOfTyped(indices) : null;
  if (dtype !== null && dtypeKind(dtype) !== "i" && dtypeKind(dtype) !== "u") throw new IndexError("`indices` must be an integer array");
  if (Array.isArray(indices) && (indices as unknown[]).flat(Infinity).some((v) => typeof v !== "number")) {
    throw new IndexError("`indices` must be an integer array");
  }
  const idx = toIndices(indices, "takeAlongAxis: indices", "same_kind");
  const { x, made } = asBlockArray(arr, "takeAlongAxis: arr");
  let flat: BlockArray | null = null;
  try {
    if (axis === null && idx.shape.length !== 1) throw new ShapeError("when axis=None, `indices` must have a single dimension.");
    const ax = axis === null ? 0 : normalizeAxis(axis, x.ndim);
    if (axis !== null && idx.shape.length !== x.ndim) throw new ShapeError("`indices` and `arr` must have the same number of dimensions");
    if (axis === null) {
      if (!(idx instanceof BlockArray)) checkBounds(idx.values, 0, x.size);
      flat = ravel(x);
    }
    const src = flat ?? x;
    // NumPy's fancy index: a broadcasting arange along every other axis.
    const parts = src.shape.map((n, d): IndexPart<BlockArray> => {
      if (d === ax) return indexPart(idx);
      const shape = src.shape.map((_, j) => (j === d ? n : 1));
      return new NDArray(Int32Array.from({ length: n }, (_, i) => i), shape, "int32");
    });
    return getItem(src, parts);
  } finally {
    flat?.dispose();
    if (made) x.dispose();
  }
});
