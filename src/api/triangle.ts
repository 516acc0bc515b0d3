// SPDX-License-Identifier: Apache-2.0
/**
 * Triangles and diagonals: `tril`, `triu` and `diag` (views of the blocks they keep, shared zeros
 * for the blocks they clear, see plan/triangle.ts) and `diagonal` (strided views).
 */
import { namedAxis } from "../array/named-axis.js";
import { ShapeError } from "../errors.js";
import type { ArrayData } from "../plan/array-data.js";
import { diagonalView } from "../plan/diagonal.js";
import { broadcastView } from "../plan/axis-views.js";
import { diagMatrix, triangle } from "../plan/triangle.js";
import { transposeView } from "../plan/views.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, defaultGrid, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { withData } from "./with-data.js";

export interface KOptions {
  /** The diagonal: 0 the main one, > 0 above it, < 0 below it. */
  k?: number;
}

function kOf(options: number | KOptions | undefined, fn: string): number {
  const k = typeof options === "number" ? options : (options?.k ?? 0);
  if (typeof k !== "number" || !Number.isInteger(k)) throw new TypeError(`${fn}: 'float' object cannot be interpreted as an integer`);
  return k;
}

/** tril/triu of `x`; a 1-D `x` is first broadcast to a square, as NumPy does. */
function triangleData(x: ArrayData, k: number, lower: boolean, fn: string): ArrayData {
  if (x.ndim === 0) throw new ShapeError(`${fn}: input must be at least 1-d`);
  if (x.ndim > 1) return triangle(x, k, lower);
  const square = broadcastView(x, [x.shape[0]!, x.shape[0]!]);
  try {
    return triangle(square, k, lower);
  } finally {
    square.release();
  }
}

/**
 * `np.tril(m, k=0)`: zeros above the k-th diagonal of the last two axes (a 1-D `m` is broadcast
 * to a square, as NumPy does).
 * @example nt.tril(nt.ones([3, 3]), -1)
 */
export const tril = arrayOp(function tril(m: ArrayLike, k?: number | KOptions): BlockArray {
  const kk = kOf(k, "tril");
  return withData(m, "tril: m", (x) => wrap(triangleData(x, kk, true, "tril")));
});

/** `np.triu(m, k=0)`: zeros below the k-th diagonal of the last two axes. */
export const triu = arrayOp(function triu(m: ArrayLike, k?: number | KOptions): BlockArray {
  const kk = kOf(k, "triu");
  return withData(m, "triu: m", (x) => wrap(triangleData(x, kk, false, "triu")));
});

export interface DiagonalOptions {
  offset?: number;
  axis1?: number;
  axis2?: number;
}

function diagonalData(x: ArrayData, offset: number, axis1: unknown, axis2: unknown): ArrayData {
  if (x.ndim < 2) throw new ShapeError("diag requires an array of at least two dimensions");
  const a1 = namedAxis(axis1, x.ndim, "axis1");
  const a2 = namedAxis(axis2, x.ndim, "axis2");
  if (a1 === a2) throw new ShapeError("axis1 and axis2 cannot be the same");
  const perm = [...x.shape.map((_, i) => i).filter((i) => i !== a1 && i !== a2), a1, a2];
  const t = transposeView(x, perm);
  try {
    return diagonalView(t, offset);
  } finally {
    t.release();
  }
}

/**
 * `np.diagonal(a, offset=0, axis1=0, axis2=1)`: the diagonal of the (axis1, axis2) planes as a
 * new last axis; a view.
 * @example nt.diagonal(x, { offset: 1 })
 */
export const diagonal = arrayOp(function diagonal(a: ArrayLike, options: number | DiagonalOptions = {}): BlockArray {
  const o = typeof options === "number" ? { offset: options } : options;
  const offset = kOf(o.offset ?? 0, "diagonal");
  return withData(a, "diagonal: a", (x) => wrap(diagonalData(x, offset, o.axis1 ?? 0, o.axis2 ?? 1)));
});

/**
 * `np.diag(v, k=0)`: for 1-D `v` the square matrix with `v` on the k-th diagonal; for 2-D `v`
 * its k-th diagonal.
 * @example nt.diag([1, 2, 3])
 */
export const diag = arrayOp(function diag(v: ArrayLike, k?: number | KOptions): BlockArray {
  const kk = kOf(k, "diag");
  return withData(v, "diag: v", (x) => {
    if (x.ndim === 1) {
      const n = x.shape[0]! + Math.abs(kk);
      return wrap(diagMatrix(x, kk, defaultGrid([n, n], x.dtype)));
    }
    if (x.ndim === 2) return wrap(diagonalData(x, kk, 0, 1));
    throw new ShapeError("Input must be 1- or 2-d.");
  });
});
