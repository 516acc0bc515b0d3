// SPDX-License-Identifier: Apache-2.0
/** `x.rechunk(blockShape)`: the same values in a new block layout (Dask's `rechunk`). */
import { ArrayGrid } from "../array/grid.js";
import { formatShape } from "../array/shape.js";
import { ShapeError } from "../errors.js";
import { elementwise } from "../plan/elementwise.js";
import type { BlockArray } from "./block-array.js";
import { wrap } from "./convert.js";
import { arrayOp } from "./op.js";

export const rechunk = arrayOp(function rechunk(x: BlockArray, blockShape: number | readonly (number | null)[]): BlockArray {
  const spec = typeof blockShape === "number" ? x.shape.map(() => blockShape) : blockShape;
  if (!Array.isArray(spec) || spec.length !== x.ndim) {
    throw new ShapeError(`rechunk: blockShape ${JSON.stringify(blockShape)} must have one entry per axis of shape ${formatShape(x.shape)}`);
  }
  const resolved = spec.map((b, i) => (b === null || b === -1 ? Math.max(1, x.shape[i]!) : b));
  for (const b of resolved) {
    if (!Number.isInteger(b) || b < 1) throw new ShapeError(`rechunk: block sizes must be positive integers, got ${JSON.stringify(blockShape)}`);
  }
  const grid = ArrayGrid.regular(x.shape, resolved);
  return wrap(elementwise("copy", [x.data], [x.dtype], x.dtype, x.shape, grid));
});
