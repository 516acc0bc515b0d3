// SPDX-License-Identifier: Apache-2.0
/**
 * `nt.linalg.norm`: every vector and matrix norm of NumPy's `linalg.norm`, composed from
 * distributed reductions; the matrix 2-norm and nuclear norm from the distributed SVD.
 */
import { normalizeAxis } from "../../array/axis.js";
import type { BlockArray } from "../block-array.js";
import type { ArrayLike } from "../convert.js";
import { moveaxis } from "../dims.js";
import { arrayOp } from "../op.js";
import { max, min, sum } from "../reductions.js";
import { reshape } from "../reshape.js";
import { absolute, notEqual, power, sqrt, square } from "../ufuncs.js";
import { floatArray } from "./args.js";
import { type Scope, scoped } from "./scope.js";
import { svd } from "./svd.js";

export type NormOrder = number | "fro" | "f" | "nuc" | null;

export interface NormOptions {
  /** The order (NumPy's table: vectors any p, ±inf, 0; matrices ±1, ±2, ±inf, "fro", "nuc"). */
  ord?: NormOrder;
  /** A vector norm along one axis, a matrix norm over two; all axes (1-D or 2-D input) when null. */
  axis?: number | readonly number[] | null;
  keepdims?: boolean;
}

function optionsOf(ord: NormOrder | NormOptions | undefined, options: NormOptions): NormOptions {
  if (ord !== null && typeof ord === "object") return ord;
  return { ...options, ord: ord === undefined ? options.ord : ord };
}

/** A vector norm along `axis`. */
function vectorNorm(t: Scope, x: BlockArray, ord: NormOrder, axis: number, keepdims: boolean): BlockArray {
  const o = { axis, keepdims };
  if (ord === Infinity) return max(t.t(absolute(x)), o);
  if (ord === -Infinity) return min(t.t(absolute(x)), o);
  if (ord === 0) return sum(t.t(t.t(notEqual(x, 0)).astype(x.dtype)), o);
  if (ord === 1) return sum(t.t(absolute(x)), o);
  if (ord === null || ord === 2) return sqrt(t.t(sum(t.t(square(x)), o)));
  if (typeof ord === "string") throw new RangeError(`Invalid norm order '${ord}' for vectors`);
  const s = t.t(sum(t.t(power(t.t(absolute(x)), ord)), o));
  return power(s, 1 / ord);
}

/** A matrix norm over the axes (row, col) (normalized, distinct). */
function matrixNorm(t: Scope, x: BlockArray, ord: NormOrder, row: number, col: number, keepdims: boolean): BlockArray {
  let out: BlockArray;
  if (ord === 2 || ord === -2 || ord === "nuc") {
    const s = t.t(svd(t.t(moveaxis(x, [row, col], [-2, -1])), { computeUv: false }));
    out = ord === 2 ? max(s, { axis: -1 }) : ord === -2 ? min(s, { axis: -1 }) : sum(s, { axis: -1 });
  } else if (ord === 1 || ord === -1) {
    const colSums = t.t(sum(t.t(absolute(x)), { axis: row }));
    const c = col > row ? col - 1 : col;
    out = ord === 1 ? max(colSums, { axis: c }) : min(colSums, { axis: c });
  } else if (ord === Infinity || ord === -Infinity) {
    const rowSums = t.t(sum(t.t(absolute(x)), { axis: col }));
    const r = row > col ? row - 1 : row;
    out = ord === Infinity ? max(rowSums, { axis: r }) : min(rowSums, { axis: r });
  } else if (ord === null || ord === "fro" || ord === "f") {
    out = sqrt(t.t(sum(t.t(square(x)), { axis: [row, col] })));
  } else {
    throw new RangeError("Invalid norm order for matrices.");
  }
  if (!keepdims) return out;
  const shape = [...x.shape];
  shape[row] = 1;
  shape[col] = 1;
  t.t(out);
  return reshape(out, shape);
}

function axesOf(axis: number | readonly number[], ndim: number): number[] {
  const list = typeof axis === "number" ? [axis] : [...axis];
  for (const a of list) if (typeof a !== "number" || !Number.isFinite(a)) throw new TypeError("'axis' must be None, an integer or a tuple of integers");
  return list.map((a) => Math.trunc(a));
}

/**
 * A matrix or vector norm (NumPy's `linalg.norm`): with `axis` null, the 2-norm of the flattened
 * array when `ord` is null (or "fro" of a matrix, 2 of a vector), else a vector norm of 1-D or a
 * matrix norm of 2-D input; with one axis a vector norm along it, with two a matrix norm over them.
 * `ord` may also be given positionally: `nt.linalg.norm(a, 2)`.
 *
 * @example
 * nt.linalg.norm(x);                          // Frobenius / Euclidean
 * nt.linalg.norm(a, { ord: 1, axis: 0 });     // the 1-norm of each column
 * @throws RangeError for orders the table does not define; AxisError for bad axes
 */
export const norm = arrayOp(function norm(x: ArrayLike, ord?: NormOrder | NormOptions, options: NormOptions = {}): BlockArray {
  const o = optionsOf(ord, options);
  const order = o.ord ?? null;
  const keepdims = o.keepdims ?? false;
  const a = floatArray(x, "norm: x");
  return scoped((t) => {
    t.t(a);
    const nd = a.ndim;
    if (o.axis === undefined || o.axis === null) {
      if (order === null || ((order === "fro" || order === "f") && nd === 2) || (order === 2 && nd === 1)) {
        const r = sqrt(t.t(sum(t.t(square(a)))));
        if (!keepdims) return r;
        t.t(r);
        return reshape(r, a.shape.map(() => 1));
      }
    }
    const axes = o.axis === undefined || o.axis === null ? a.shape.map((_, i) => i) : axesOf(o.axis, nd);
    if (axes.length === 1) return vectorNorm(t, a, order, normalizeAxis(axes[0]!, nd), keepdims);
    if (axes.length === 2) {
      const [row, col] = [normalizeAxis(axes[0]!, nd), normalizeAxis(axes[1]!, nd)];
      if (row === col) throw new RangeError("Duplicate axes given.");
      return matrixNorm(t, a, order, row, col, keepdims);
    }
    throw new RangeError("Improper number of dimensions to norm.");
  });
});
