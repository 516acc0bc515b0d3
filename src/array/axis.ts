// SPDX-License-Identifier: Apache-2.0
/** Axis arguments: a number, a negative number, or an array of them (NumPy's `normalize_axis_*`). */
import { AxisError } from "../errors.js";

export type AxisArg = number | readonly number[] | null | undefined;

/** One axis in `[-ndim, ndim)` mapped to `[0, ndim)`. */
export function normalizeAxis(axis: number, ndim: number, what = "axis"): number {
  if (typeof axis !== "number" || !Number.isInteger(axis)) {
    throw new TypeError(`${what} must be an integer, got ${JSON.stringify(axis)}`);
  }
  if (axis < -ndim || axis >= ndim) {
    throw new AxisError(`${what} ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Sorted, de-duplicated axes; `null`/`undefined` means every axis. Repeats raise like NumPy. */
export function normalizeAxes(axis: AxisArg, ndim: number, what = "axis"): number[] {
  if (axis === null || axis === undefined) return Array.from({ length: ndim }, (_, i) => i);
  const list = typeof axis === "number" ? [axis] : axis;
  if (!Array.isArray(list)) throw new TypeError(`${what} must be a number or an array of numbers`);
  const axes = list.map((a) => normalizeAxis(a, ndim, what));
  if (new Set(axes).size !== axes.length) throw new AxisError(`repeated axis in '${what}' argument`);
  return axes.sort((a, b) => a - b);
}
