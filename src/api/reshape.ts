// SPDX-License-Identifier: Apache-2.0
/**
 * `reshape`, `ravel` and `flatten`. A reshape is metadata only when the blocks allow it (see
 * plan/reshape.ts); otherwise each result block is gathered on the nodes, never on the driver.
 */
import { parseRequestedShape, resolveNewShape } from "../array/reshape.js";
import { ShapeError } from "../errors.js";
import type { ArrayData } from "../plan/array-data.js";
import { reshape as planReshape } from "../plan/reshape.js";
import { transposeView } from "../plan/views.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { withData } from "./with-data.js";

export type Order = "C" | "F" | "A" | "K";

export interface ReshapeOptions {
  /** "C" (default) reads and writes in row-major order, "F" in column-major order. */
  order?: Order;
}

function parseOrder(order: unknown, allowK: boolean): "C" | "F" {
  if (order === undefined || order === "C" || order === "A" || (allowK && order === "K")) return "C";
  if (order === "F") return "F";
  if (order === "K") throw new ShapeError("order 'K' is not permitted for reshaping");
  throw new ShapeError(`order must be one of 'C', 'F', 'A', or 'K' (got '${String(order)}')`);
}

/** Reshapes planner array `x` in `order`: F order is C order of the reversed axes. */
export function reshapeData(x: ArrayData, shape: readonly number[], order: "C" | "F"): ArrayData {
  if (order === "C") return planReshape(x, shape);
  const rev = (n: number) => Array.from({ length: n }, (_, i) => n - 1 - i);
  const t = transposeView(x, rev(x.ndim));
  try {
    const r = planReshape(t, [...shape].reverse());
    try {
      return transposeView(r, rev(shape.length));
    } finally {
      r.release();
    }
  } finally {
    t.release();
  }
}

/**
 * `np.reshape(a, shape)`: the same elements in a new shape; one entry may be -1 (inferred).
 * @example nt.reshape(nt.arange(6), [2, -1]) // shape (2, 3)
 */
export const reshape = arrayOp(function reshape(a: ArrayLike, shape: number | readonly number[], options: ReshapeOptions = {}): BlockArray {
  const requested = parseRequestedShape(shape, "reshape: shape");
  const order = parseOrder(options.order, false);
  return withData(a, "reshape: a", (x) => wrap(reshapeData(x, resolveNewShape(x.size, requested), order)));
});

/** `np.ravel(a)`: the elements as a 1-D array (a view when the blocks allow it). */
export const ravel = arrayOp(function ravel(a: ArrayLike, options: ReshapeOptions = {}): BlockArray {
  const order = parseOrder(options.order, true);
  return withData(a, "ravel: a", (x) => wrap(reshapeData(x, [x.size], order)));
});

/**
 * `a.flatten()`: the elements as a 1-D array. Blocks are immutable in numts, so sharing them is
 * indistinguishable from NumPy's copy.
 */
export const flatten = arrayOp(function flatten(a: ArrayLike, options: ReshapeOptions = {}): BlockArray {
  return ravel(a, { order: options.order === "K" ? "C" : options.order });
});
