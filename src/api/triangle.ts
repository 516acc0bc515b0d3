// SPDX-License-Identifier: Apache-2.0
/**
 * Triangles and diagonals: `tril`, `triu` (a generated mask fused with `where`, so they fuse with
 * the elementwise work around them), `diagonal` (strided views) and `diag`.
 */
import { broadcastShapes } from "../array/broadcast.js";
import { ArrayGrid } from "../array/grid.js";
import { namedAxis } from "../array/named-axis.js";
import { ShapeError } from "../errors.js";
import type { ArrayData } from "../plan/array-data.js";
import { generate } from "../plan/creation.js";
import { diagonalView } from "../plan/diagonal.js";
import { elementwise } from "../plan/elementwise.js";
import { pad } from "../plan/pad.js";
import { expandDimsView, transposeView } from "../plan/views.js";
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

/**
 * `where(mask, x, 0)` (or `where(mask, 0, x)` when `keepWhereFalse`) with `mask` the `tri(k)`
 * pattern over the last two axes, generated in x's chunks so no operand needs re-blocking.
 */
function triangle(x: ArrayData, k: number, keepWhereFalse: boolean, fn: string): ArrayData {
  if (x.ndim === 0) throw new ShapeError(`${fn}: input must be at least 1-d`);
  const rows = x.ndim === 1 ? x.shape[0]! : x.shape[x.ndim - 2]!;
  const rowChunks = x.ndim === 1 ? x.grid.chunks[0]! : x.grid.chunks[x.ndim - 2]!;
  const grid = ArrayGrid.fromChunks([rows, x.shape[x.ndim - 1]!], [rowChunks, x.grid.chunks[x.ndim - 1]!]);
  const mask = generate(grid, "bool", { kind: "tri", k: keepWhereFalse ? k - 1 : k });
  try {
    const zero = { scalar: 0, dtype: x.dtype };
    const args = keepWhereFalse ? [mask, zero, x] : [mask, x, zero];
    return elementwise("where", args, ["bool", x.dtype, x.dtype], x.dtype, broadcastShapes(grid.shape, x.shape));
  } finally {
    mask.release();
  }
}

/**
 * `np.tril(m, k=0)`: zeros above the k-th diagonal of the last two axes (a 1-D `m` is broadcast
 * to a square, as NumPy does).
 * @example nt.tril(nt.ones([3, 3]), -1)
 */
export const tril = arrayOp(function tril(m: ArrayLike, k?: number | KOptions): BlockArray {
  const kk = kOf(k, "tril");
  return withData(m, "tril: m", (x) => wrap(triangle(x, kk, false, "tril")));
});

/** `np.triu(m, k=0)`: zeros below the k-th diagonal of the last two axes. */
export const triu = arrayOp(function triu(m: ArrayLike, k?: number | KOptions): BlockArray {
  const kk = kOf(k, "triu");
  return withData(m, "triu: m", (x) => wrap(triangle(x, kk, true, "triu")));
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

/** The square matrix with `v` on its k-th diagonal: `where(eye(k), v along the diagonal, 0)`. */
function diagMatrix(v: ArrayData, k: number): ArrayData {
  const n = v.shape[0]! + Math.abs(k);
  // v padded to length n, indexed by column (k >= 0) or by row (k < 0).
  const padded = pad(v, [k >= 0 ? [k, 0] : [-k, 0]], { kind: "constant", values: [[0, 0]] });
  const line = expandDimsView(padded, [k >= 0 ? 0 : 1]);
  padded.release();
  const mask = generate(defaultGrid([n, n], v.dtype), "bool", { kind: "eye", k });
  try {
    const zero = { scalar: 0, dtype: v.dtype };
    return elementwise("where", [mask, line, zero], ["bool", v.dtype, v.dtype], v.dtype, [n, n], mask.grid);
  } finally {
    mask.release();
    line.release();
  }
}

/**
 * `np.diag(v, k=0)`: for 1-D `v` the square matrix with `v` on the k-th diagonal; for 2-D `v`
 * its k-th diagonal.
 * @example nt.diag([1, 2, 3])
 */
export const diag = arrayOp(function diag(v: ArrayLike, k?: number | KOptions): BlockArray {
  const kk = kOf(k, "diag");
  return withData(v, "diag: v", (x) => {
    if (x.ndim === 1) return wrap(diagMatrix(x, kk));
    if (x.ndim === 2) return wrap(diagonalData(x, kk, 0, 1));
    throw new ShapeError("Input must be 1- or 2-d.");
  });
});
