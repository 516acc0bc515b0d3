// SPDX-License-Identifier: Apache-2.0
/**
 * Rearranging and adding axes: `squeeze`, `expandDims`, `swapaxes`, `moveaxis` and
 * `broadcastTo`. All are views: the result shares the source's blocks with new strides.
 */
import { normalizeAxis } from "../array/axis.js";
import { namedAxes, namedAxis } from "../array/named-axis.js";
import { AxisError, ShapeError } from "../errors.js";
import { broadcastView } from "../plan/axis-views.js";
import { expandDimsView, squeezeView, transposeView } from "../plan/views.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { compactShape, withData } from "./with-data.js";

export interface SqueezeOptions {
  axis?: number | readonly number[] | null;
}

/**
 * `np.squeeze(a, axis=None)`: removes length-1 axes (all of them, or those in `axis`).
 * @example nt.squeeze(nt.zeros([1, 3, 1])).shape // [3]
 */
export const squeeze = arrayOp(function squeeze(a: ArrayLike, axis?: number | readonly number[] | null | SqueezeOptions): BlockArray {
  const spec = axis !== null && typeof axis === "object" && !Array.isArray(axis) ? (axis as SqueezeOptions).axis : (axis as number | readonly number[] | null | undefined);
  return withData(a, "squeeze: a", (x) => {
    let axes: number[];
    if (spec === null || spec === undefined) axes = x.shape.flatMap((d, i) => (d === 1 ? [i] : []));
    else {
      axes = (typeof spec === "number" ? [spec] : [...spec]).map((v) => normalizeAxis(v, x.ndim));
      if (new Set(axes).size !== axes.length) throw new AxisError("duplicate value in 'axis'");
      if (axes.some((i) => x.shape[i] !== 1)) throw new ShapeError("cannot select an axis to squeeze out which has size not equal to one");
      axes.sort((p, q) => p - q);
    }
    return wrap(squeezeView(x, axes));
  });
});

/**
 * `np.expand_dims(a, axis)`: inserts length-1 axes at positions `axis` of the result.
 * @example nt.expandDims(nt.zeros([3]), 0).shape // [1, 3]
 */
export const expandDims = arrayOp(function expandDims(a: ArrayLike, axis: number | readonly number[]): BlockArray {
  return withData(a, "expandDims: a", (x) => {
    const list = typeof axis === "number" ? [axis] : [...axis];
    const ndim = x.ndim + list.length;
    const axes = list.map((v) => normalizeAxis(v, ndim));
    if (new Set(axes).size !== axes.length) throw new AxisError("repeated axis");
    return wrap(expandDimsView(x, axes.sort((p, q) => p - q)));
  });
});

/** `np.swapaxes(a, axis1, axis2)`: axes `axis1` and `axis2` interchanged (a view). */
export const swapaxes = arrayOp(function swapaxes(a: ArrayLike, axis1: number, axis2: number): BlockArray {
  return withData(a, "swapaxes: a", (x) => {
    const i = namedAxis(axis1, x.ndim, "axis1");
    const j = namedAxis(axis2, x.ndim, "axis2");
    const perm = x.shape.map((_, k) => (k === i ? j : k === j ? i : k));
    return wrap(transposeView(x, perm));
  });
});

/**
 * `np.moveaxis(a, source, destination)`: axes moved to new positions, the others keeping their
 * order (a view).
 * @example nt.moveaxis(nt.zeros([3, 4, 5]), 0, -1).shape // [4, 5, 3]
 */
export const moveaxis = arrayOp(function moveaxis(a: ArrayLike, source: number | readonly number[], destination: number | readonly number[]): BlockArray {
  return withData(a, "moveaxis: a", (x) => {
    const src = namedAxes(source, x.ndim, "source");
    const dst = namedAxes(destination, x.ndim, "destination");
    if (src.length !== dst.length) throw new ShapeError("`source` and `destination` arguments must have the same number of elements");
    const order = x.shape.map((_, i) => i).filter((i) => !src.includes(i));
    for (const [d, s] of dst.map((d, k) => [d, src[k]!] as const).sort((p, q) => p[0] - q[0])) order.splice(d, 0, s);
    return wrap(transposeView(x, order));
  });
});

/**
 * `np.broadcast_to(array, shape)`: a read-only view with zero strides along broadcast axes.
 * @example nt.broadcastTo([1, 2, 3], [4, 3]).shape // [4, 3]
 */
export const broadcastTo = arrayOp(function broadcastTo(array: ArrayLike, shape: number | readonly number[]): BlockArray {
  const target = typeof shape === "number" ? [shape] : [...shape];
  for (const d of target) {
    if (typeof d !== "number" || !Number.isInteger(d)) throw new TypeError("'float' object cannot be interpreted as an integer");
  }
  if (target.some((d) => d < 0)) throw new ShapeError("all elements of broadcast shape must be non-negative");
  return withData(array, "broadcastTo: array", (x) => {
    if (x.ndim > target.length) throw new ShapeError("input operand has more dimensions than allowed by the axis remapping");
    const lead = target.length - x.ndim;
    if (!x.shape.every((d, i) => d === 1 || d === target[lead + i])) {
      throw new ShapeError(
        `operands could not be broadcast together with remapped shapes [original->remapped]: ${compactShape(x.shape)}  and requested shape ${compactShape(target)}`,
      );
    }
    return wrap(broadcastView(x, target));
  });
});
