// SPDX-License-Identifier: Apache-2.0
/**
 * Reordering elements: `flip`, `fliplr`, `flipud` (negative-stride views) and `roll` (views of
 * the two rotated parts of each axis). None of them copies a block.
 */
import { normalizeAxis } from "../array/axis.js";
import { AxisError, ShapeError } from "../errors.js";
import { flipAxes, rollAxes } from "../plan/axis-views.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { reshapeData } from "./reshape.js";
import { withData } from "./with-data.js";

export interface FlipOptions {
  /** Axes to reverse (default: all). */
  axis?: number | readonly number[] | null;
}

/**
 * `np.flip(m, axis=None)`: elements in reverse order along the given axes (a view).
 * @example nt.flip([[1, 2], [3, 4]], { axis: 1 }) // [[2, 1], [4, 3]]
 */
export const flip = arrayOp(function flip(m: ArrayLike, options: number | FlipOptions = {}): BlockArray {
  const axis = typeof options === "number" ? options : options.axis;
  return withData(m, "flip: m", (x) => {
    const list = axis === null || axis === undefined ? null : typeof axis === "number" ? [axis] : [...axis];
    const axes = list === null ? x.shape.map((_, i) => i) : list.map((a) => normalizeAxis(a, x.ndim));
    if (new Set(axes).size !== axes.length) throw new AxisError("repeated axis");
    return wrap(flipAxes(x, axes));
  });
});

/** `np.fliplr(m)`: columns reversed (axis 1). */
export const fliplr = arrayOp(function fliplr(m: ArrayLike): BlockArray {
  return withData(m, "fliplr: m", (x) => {
    if (x.ndim < 2) throw new ShapeError("Input must be >= 2-d.");
    return wrap(flipAxes(x, [1]));
  });
});

/** `np.flipud(m)`: rows reversed (axis 0). */
export const flipud = arrayOp(function flipud(m: ArrayLike): BlockArray {
  return withData(m, "flipud: m", (x) => {
    if (x.ndim < 1) throw new ShapeError("Input must be >= 1-d.");
    return wrap(flipAxes(x, [0]));
  });
});

export interface RollOptions {
  /** Axes to roll along (default: the flattened array). */
  axis?: number | readonly number[] | null;
}

/** NumPy's broadcast of `shift` against `axis` (a scalar pairs with every entry of the other). */
function pairs(shift: readonly number[], axis: readonly number[]): Array<[number, number]> {
  if (shift.length !== axis.length && shift.length !== 1 && axis.length !== 1) {
    throw new ShapeError(
      `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (${shift.length},) and arg 1 with shape (${axis.length},).`,
    );
  }
  const n = Math.max(shift.length, axis.length);
  return Array.from({ length: n }, (_, i) => [shift[shift.length === 1 ? 0 : i]!, axis[axis.length === 1 ? 0 : i]!]);
}

/**
 * `np.roll(a, shift, axis=None)`: elements shifted cyclically; shifts along a repeated axis add up.
 * @example nt.roll([1, 2, 3, 4], 1) // [4, 1, 2, 3]
 */
export const roll = arrayOp(function roll(a: ArrayLike, shift: number | readonly number[], options: number | readonly number[] | RollOptions = {}): BlockArray {
  const axis = typeof options === "number" || Array.isArray(options) ? (options as number | readonly number[]) : (options as RollOptions).axis;
  const shifts = typeof shift === "number" ? [shift] : [...shift];
  for (const s of shifts) {
    if (typeof s !== "number" || !Number.isInteger(s)) throw new TypeError("'float' object cannot be interpreted as an integer");
  }
  return withData(a, "roll: a", (x) => {
    if (axis === null || axis === undefined) {
      const flat = reshapeData(x, [x.size], "C");
      try {
        const rolled = rollAxes(flat, [shifts.reduce((p, q) => p + q, 0)]);
        try {
          return wrap(reshapeData(rolled, x.shape, "C"));
        } finally {
          rolled.release();
        }
      } finally {
        flat.release();
      }
    }
    const axes = (typeof axis === "number" ? [axis] : [...axis]).map((v) => normalizeAxis(v, x.ndim));
    const total = x.shape.map(() => 0);
    for (const [s, ax] of pairs(shifts, axes)) total[ax]! += s;
    return wrap(rollAxes(x, total));
  });
});

