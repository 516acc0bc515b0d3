// SPDX-License-Identifier: Apache-2.0
/**
 * `tile` and `repeat`. Tiling shares source blocks where the source is split along an axis and
 * writes whole periods per block elsewhere (plan/tile.ts); repeating expands each source block
 * on its own (plan/repeat.ts).
 */
import { defaultBlockShape } from "../array/block-shape.js";
import { isFloat, itemSize } from "../array/dtype.js";
import { normalizeAxis } from "../array/axis.js";
import { ShapeError, DtypeError } from "../errors.js";
import { NDArray } from "../array/ndarray.js";
import { fromNested } from "../array/nested.js";
import type { ArrayData } from "../plan/array-data.js";
import { context } from "../plan/context.js";
import { repeat as planRepeat } from "../plan/repeat.js";
import { tile as planTile } from "../plan/tile.js";
import { expandDimsView } from "../plan/views.js";
import { BlockArray } from "./block-array.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { reshapeData } from "./reshape.js";
import { withData } from "./with-data.js";

function integers(values: readonly unknown[]): number[] {
  for (const v of values) {
    if (typeof v !== "number" || !Number.isInteger(v)) throw new TypeError("'float' object cannot be interpreted as an integer");
  }
  return values as number[];
}

/**
 * `np.tile(A, reps)`: `A` repeated `reps[d]` times along each axis (`A` gains leading axes when
 * `reps` is longer, `reps` gains leading 1s when shorter).
 * @example nt.tile([1, 2], [2, 3]).shape // [2, 6]
 */
export const tile = arrayOp(function tile(A: ArrayLike, reps: number | readonly number[]): BlockArray {
  const r = integers(typeof reps === "number" ? [reps] : [...reps]);
  if (r.some((v) => v < 0)) throw new ShapeError("negative dimensions are not allowed");
  return withData(A, "tile: A", (x) => {
    const nd = Math.max(x.ndim, r.length);
    const full = [...new Array<number>(nd - r.length).fill(1), ...r];
    const src = x.ndim < nd ? expandDimsView(x, Array.from({ length: nd - x.ndim }, (_, i) => i)) : x.retain();
    try {
      return wrap(planTile(src, full));
    } finally {
      src.release();
    }
  });
});

export interface RepeatOptions {
  /** The axis to repeat along; null (default) repeats the flattened array. */
  axis?: number | null;
}

/** Repeat counts: a number, or one per element (local), validated as NumPy does. */
function localCounts(repeats: number | readonly number[] | NDArray): number | Float64Array {
  if (typeof repeats === "number") {
    integers([repeats]);
    if (repeats < 0) throw new ShapeError("repeats may not contain negative values.");
    return repeats;
  }
  const local = repeats instanceof NDArray ? repeats : fromNested(repeats as number[]);
  if (repeats instanceof NDArray && isFloat(local.dtype)) {
    throw new DtypeError(`Cannot cast array data from dtype('${local.dtype}') to dtype('int64') according to the rule 'safe'`);
  }
  if (local.ndim > 1) {
    throw new ShapeError("setting an array element with a sequence. The requested array would exceed the maximum number of dimension of 1.");
  }
  const values = Float64Array.from(local.data as Iterable<number>);
  if (values.some((v) => !Number.isInteger(v))) {
    throw new DtypeError("Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
  }
  if (values.some((v) => v < 0)) throw new ShapeError("repeats may not contain negative values.");
  return local.ndim === 0 ? values[0]! : values;
}

function repeatData(x: ArrayData, counts: number | Float64Array, axis: number | null): ArrayData {
  if (axis === null) {
    const flat = reshapeData(x, [x.size], "C");
    try {
      return repeatData(flat, counts, 0);
    } finally {
      flat.release();
    }
  }
  const ax = normalizeAxis(axis, x.ndim);
  const n = x.shape[ax]!;
  let c = counts;
  if (typeof c !== "number" && c.length === 1) c = c[0]!;
  if (typeof c !== "number" && c.length !== n) {
    throw new ShapeError(`operands could not be broadcast together with shape (${n},) (${c.length},)`);
  }
  const shape = [...x.shape];
  shape[ax] = typeof c === "number" ? n * c : c.reduce((s, v) => s + v, 0);
  const maxChunk = defaultBlockShape(shape, itemSize(x.dtype), context().workers)[ax]!;
  return planRepeat(x, c, ax, maxChunk);
}

/**
 * `np.repeat(a, repeats, axis=None)`: each element repeated `repeats` times, or `repeats[i]`
 * times for element i along `axis`. A BlockArray of counts gives a deferred result (the shape
 * depends on their sum).
 * @example nt.repeat([1, 2], [1, 3]) // [1, 2, 2, 2]
 */
export const repeat = arrayOp(function repeat(
  a: ArrayLike,
  repeats: number | readonly number[] | NDArray | BlockArray,
  options: number | RepeatOptions = {},
): BlockArray {
  const axis = typeof options === "number" ? options : (options.axis ?? null);
  if (repeats instanceof BlockArray) {
    return BlockArray.deferred(repeats.toArray().then((local) => repeat(a, local, { axis })));
  }
  const counts = localCounts(repeats);
  return withData(a, "repeat: a", (x) => wrap(repeatData(x, counts, axis)));
});
