// SPDX-License-Identifier: Apache-2.0
/** Axis arguments named in the error, as NumPy words it for `swapaxes`, `moveaxis`, `diagonal`. */
import { AxisError } from "../errors.js";

/**
 * One axis in `[-ndim, ndim)` mapped to `[0, ndim)`; out of range raises
 * `AxisError("axis1: axis 2 is out of bounds for array of dimension 2")` when `name` is given.
 */
export function namedAxis(axis: unknown, ndim: number, name?: string): number {
  if (typeof axis !== "number" || !Number.isInteger(axis)) {
    throw new TypeError(`'${typeof axis === "number" ? "float" : typeof axis}' object cannot be interpreted as an integer`);
  }
  if (axis < -ndim || axis >= ndim) {
    throw new AxisError(`${name ? `${name}: ` : ""}axis ${axis} is out of bounds for array of dimension ${ndim}`);
  }
  return axis < 0 ? axis + ndim : axis;
}

/** Several axes (`np.normalize_axis_tuple`): repeats raise `repeated axis in \`name\` argument`. */
export function namedAxes(axes: unknown, ndim: number, name: string): number[] {
  const list = typeof axes === "number" ? [axes] : axes;
  if (!Array.isArray(list)) throw new TypeError(`${name} must be an integer or an array of integers, got ${JSON.stringify(axes)}`);
  const out = list.map((a) => namedAxis(a, ndim, name));
  if (new Set(out).size !== out.length) throw new AxisError(`repeated axis in \`${name}\` argument`);
  return out;
}
