// SPDX-License-Identifier: Apache-2.0
/**
 * Joining arrays: `concatenate`, `stack`, `vstack`, `hstack`, `dstack`, `columnStack`. Input
 * blocks are reused as the result's blocks (no copy) when the inputs agree on the other axes'
 * chunks; otherwise the result is re-blocked automatically (see plan/concat.ts).
 */
import { normalizeAxis } from "../array/axis.js";
import { type Dtype, parseDtype } from "../array/dtype.js";
import { canCast, promoteTypes } from "../array/promotion.js";
import { DtypeError, ShapeError } from "../errors.js";
import type { ArrayData } from "../plan/array-data.js";
import { concatenate as planConcatenate } from "../plan/concat.js";
import { elementwise } from "../plan/elementwise.js";
import { expandDimsView, transposeView } from "../plan/views.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { reshapeData } from "./reshape.js";
import { withDataList } from "./with-data.js";

export type Casting = "no" | "equiv" | "safe" | "same_kind" | "unsafe";

export interface ConcatenateOptions {
  /** The axis to join along (default 0); null flattens the inputs first. */
  axis?: number | null;
  /** The result dtype (default: the inputs' promoted dtype). */
  dtype?: Dtype;
  /** How inputs may be cast to `dtype` (default "same_kind"). */
  casting?: Casting;
}

/** Checks the inputs' shapes against NumPy's rules and returns the result dtype. */
function checkJoin(xs: readonly ArrayData[], axis: number, options: ConcatenateOptions): Dtype {
  const first = xs[0]!;
  xs.forEach((x, i) => {
    if (x.ndim !== first.ndim) {
      throw new ShapeError(
        `all the input arrays must have same number of dimensions, but the array at index 0 has ${first.ndim} dimension(s) and the array at index ${i} has ${x.ndim} dimension(s)`,
      );
    }
    x.shape.forEach((d, k) => {
      if (k !== axis && d !== first.shape[k]) {
        throw new ShapeError(
          `all the input array dimensions except for the concatenation axis must match exactly, but along dimension ${k}, the array at index 0 has size ${first.shape[k]} and the array at index ${i} has size ${d}`,
        );
      }
    });
  });
  if (options.dtype === undefined) return xs.map((x) => x.dtype).reduce(promoteTypes);
  const dtype = parseDtype(options.dtype, "concatenate: dtype");
  const casting = options.casting ?? "same_kind";
  for (const x of xs) {
    if (!canCast(x.dtype, dtype, casting)) {
      throw new DtypeError(`Cannot cast array data from dtype('${x.dtype}') to dtype('${dtype}') according to the rule '${casting}'`);
    }
  }
  return dtype;
}

/** Joins planner arrays along `axis` (validated), casting them to `dtype` where needed. */
function join(xs: readonly ArrayData[], axis: number, dtype: Dtype): ArrayData {
  const cast = xs.map((x) => (x.dtype === dtype ? x.retain() : elementwise("cast", [x], [x.dtype], dtype, x.shape, x.grid)));
  try {
    return planConcatenate(cast, axis);
  } finally {
    for (const c of cast) c.release();
  }
}

/** Applies `view` to every array, joins the views, and releases them. */
function joinViews(xs: readonly ArrayData[], view: (x: ArrayData) => ArrayData, axis: number | null, options: ConcatenateOptions): ArrayData {
  const views = xs.map(view);
  try {
    return concatenateData(views, axis, options);
  } finally {
    for (const v of views) v.release();
  }
}

function concatenateData(xs: readonly ArrayData[], axis: number | null, options: ConcatenateOptions): ArrayData {
  if (xs.length === 0) throw new ShapeError("need at least one array to concatenate");
  if (axis === null) return joinViews(xs, (x) => reshapeData(x, [x.size], "C"), 0, options);
  if (xs[0]!.ndim === 0) throw new ShapeError("zero-dimensional arrays cannot be concatenated");
  const ax = normalizeAxis(axis, xs[0]!.ndim);
  return join(xs, ax, checkJoin(xs, ax, options));
}

function arrayList(arrays: readonly ArrayLike[], fn: string): readonly ArrayLike[] {
  if (!Array.isArray(arrays)) throw new TypeError(`${fn}: expected an array of arrays, got ${typeof arrays}`);
  return arrays;
}

/**
 * `np.concatenate(arrays, axis=0)`: joins arrays along an existing axis.
 * @example nt.concatenate([a, b], { axis: 1 })
 */
export const concatenate = arrayOp(function concatenate(arrays: readonly ArrayLike[], options: ConcatenateOptions = {}): BlockArray {
  return withDataList(arrayList(arrays, "concatenate"), "concatenate: arrays", (xs) =>
    wrap(concatenateData(xs, options.axis === undefined ? 0 : options.axis, options)),
  );
});

export type StackOptions = Omit<ConcatenateOptions, "axis"> & { axis?: number };

/**
 * `np.stack(arrays, axis=0)`: joins equally shaped arrays along a new axis.
 * @example nt.stack([a, b], { axis: -1 })
 */
export const stack = arrayOp(function stack(arrays: readonly ArrayLike[], options: StackOptions = {}): BlockArray {
  return withDataList(arrayList(arrays, "stack"), "stack: arrays", (xs) => {
    if (xs.length === 0) throw new ShapeError("need at least one array to stack");
    const shape = xs[0]!.shape;
    if (xs.some((x) => x.ndim !== shape.length || x.shape.some((d, i) => d !== shape[i]))) {
      throw new ShapeError("all input arrays must have the same shape");
    }
    const axis = normalizeAxis(options.axis ?? 0, shape.length + 1);
    return wrap(joinViews(xs, (x) => expandDimsView(x, [axis]), axis, options));
  });
});

/** A view of `x` with at least `n` axes, NumPy's `atleast_1d/2d/3d` placement of the new ones. */
function atLeast(x: ArrayData, n: 1 | 2 | 3): ArrayData {
  if (x.ndim >= n) return x.retain();
  if (x.ndim === 0) return expandDimsView(x, Array.from({ length: n }, (_, i) => i));
  if (n === 2) return expandDimsView(x, [0]);
  return expandDimsView(x, x.ndim === 1 ? [0, 2] : [2]);
}

type HelperOptions = Omit<ConcatenateOptions, "axis">;

/** `np.vstack(tup)`: stacks arrays row-wise (1-D arrays become rows). */
export const vstack = arrayOp(function vstack(tup: readonly ArrayLike[], options: HelperOptions = {}): BlockArray {
  return withDataList(arrayList(tup, "vstack"), "vstack: tup", (xs) => wrap(joinViews(xs, (x) => atLeast(x, 2), 0, options)));
});

/** `np.hstack(tup)`: stacks arrays column-wise (along axis 0 for 1-D arrays, else axis 1). */
export const hstack = arrayOp(function hstack(tup: readonly ArrayLike[], options: HelperOptions = {}): BlockArray {
  return withDataList(arrayList(tup, "hstack"), "hstack: tup", (xs) => {
    const axis = xs.length > 0 && xs[0]!.ndim <= 1 ? 0 : 1;
    return wrap(joinViews(xs, (x) => atLeast(x, 1), axis, options));
  });
});

/** `np.dstack(tup)`: stacks arrays along the third axis. */
export const dstack = arrayOp(function dstack(tup: readonly ArrayLike[], options: HelperOptions = {}): BlockArray {
  return withDataList(arrayList(tup, "dstack"), "dstack: tup", (xs) => wrap(joinViews(xs, (x) => atLeast(x, 3), 2, options)));
});

/** `np.column_stack(tup)`: 1-D arrays as columns, 2-D arrays as they are, joined along axis 1. */
export const columnStack = arrayOp(function columnStack(tup: readonly ArrayLike[], options: HelperOptions = {}): BlockArray {
  return withDataList(arrayList(tup, "columnStack"), "columnStack: tup", (xs) =>
    wrap(
      joinViews(
        xs,
        (x) => {
          if (x.ndim >= 2) return x.retain();
          const row = atLeast(x, 2);
          try {
            return transposeView(row, [1, 0]);
          } finally {
            row.release();
          }
        },
        1,
        options,
      ),
    ),
  );
});
