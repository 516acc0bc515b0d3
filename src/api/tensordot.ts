// SPDX-License-Identifier: Apache-2.0
/** `tensordot`: sums products over chosen axis pairs of two arrays (NumPy's rules and messages). */
import { AxisError, IndexError, ShapeError } from "../errors.js";
import type { BlockArray } from "./block-array.js";
import { contractArrays, resultType, withArrays } from "./contract-args.js";
import type { ArrayLike } from "./convert.js";
import { arrayOp } from "./op.js";

/**
 * Which axes to sum over: N (the last N of `a` with the first N of `b`; N ≤ 0 sums none), or a
 * pair `[axesA, axesB]` of axes (or single axes) summed pairwise.
 */
export type TensordotAxes = number | readonly [number | readonly number[], number | readonly number[]];

export interface TensordotOptions {
  axes?: TensordotAxes;
}

function integers(value: unknown): number[] {
  const list = typeof value === "number" ? [value] : value;
  if (!Array.isArray(list) || !list.every((x) => Number.isInteger(x))) {
    throw new TypeError(`tensordot: axes must be an integer or a pair of axis lists, got ${JSON.stringify(value)}`);
  }
  return [...(list as number[])];
}

/** NumPy's parsing of `axes`: the two axis lists, unnormalized. */
function parseAxes(axes: TensordotAxes): [number[], number[]] {
  if (typeof axes === "number") {
    if (!Number.isInteger(axes)) throw new TypeError(`tensordot: axes must be an integer, got ${axes}`);
    const n = Math.max(0, axes);
    return [Array.from({ length: n }, (_, i) => i - n), Array.from({ length: n }, (_, i) => i)];
  }
  if (!Array.isArray(axes) || axes.length !== 2) {
    throw new TypeError(`tensordot: axes must be an integer or a pair of axis lists, got ${JSON.stringify(axes)}`);
  }
  return [integers(axes[0]), integers(axes[1])];
}

/** Python's `shape[i]` (negative from the end), or its IndexError. */
function dimAt(shape: readonly number[], i: number): number {
  if (i < -shape.length || i >= shape.length) throw new IndexError("tuple index out of range");
  return shape[i < 0 ? i + shape.length : i]!;
}

/**
 * The sum of products over axis pairs: `axes` N pairs the last N axes of `a` with the first N of
 * `b` (default 2); `[[1, 0], [0, 1]]` pairs a's axis 1 with b's 0 and a's 0 with b's 1. The
 * result has a's remaining axes, then b's.
 *
 * @example
 * const c = nt.tensordot(a, b, { axes: [[1], [0]] });   // also nt.tensordot(a, b, 1)
 * @throws ShapeError "shape-mismatch for sum" when paired axes differ in length or the lists in length
 * @throws IndexError for an axis out of range, AxisError for a repeated axis
 */
export const tensordot = arrayOp(function tensordot(a: ArrayLike, b: ArrayLike, options: TensordotAxes | TensordotOptions = {}): BlockArray {
  const axes = typeof options === "number" || Array.isArray(options) ? (options as TensordotAxes) : ((options as TensordotOptions).axes ?? 2);
  const [axesA, axesB] = parseAxes(axes);
  if (new Set(axesA).size !== axesA.length || new Set(axesB).size !== axesB.length) {
    throw new AxisError("duplicate axes are not allowed in tensordot");
  }
  return withArrays("tensordot", [a, b], ([x, y]) => {
    let equal = axesA.length === axesB.length;
    for (let k = 0; equal && k < axesA.length; k++) {
      if (dimAt(x!.shape, axesA[k]!) !== dimAt(y!.shape, axesB[k]!)) equal = false;
    }
    if (!equal) throw new ShapeError("shape-mismatch for sum");
    const na = axesA.map((i) => (i < 0 ? i + x!.ndim : i));
    const nb = axesB.map((i) => (i < 0 ? i + y!.ndim : i));
    if (new Set(na).size !== na.length || new Set(nb).size !== nb.length) throw new AxisError("repeated axis in transpose");
    // a's axes keep labels 0..; b's free axes follow; summed pairs share a's label.
    const la = x!.shape.map((_, i) => i);
    let next = x!.ndim;
    const lb = y!.shape.map((_, i) => {
      const k = nb.indexOf(i);
      return k >= 0 ? na[k]! : next++;
    });
    const out = [...la.filter((l) => !na.includes(l)), ...lb.filter((_, i) => !nb.includes(i))];
    return contractArrays([x!, y!], [la, lb], out, resultType([x!, y!]));
  });
});
