// SPDX-License-Identifier: Apache-2.0
/** NumPy broadcasting of shapes. */
import { ShapeError } from "../errors.js";
import { type Shape, formatDims } from "./shape.js";

/** The broadcast shape of all operands, or NumPy's error naming every shape. */
export function broadcastShapes(...shapes: Shape[]): number[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(ndim).fill(1);
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const axis = ndim - shape.length + i;
      const d = shape[i]!;
      if (d === out[axis]) continue;
      if (out[axis] === 1) out[axis] = d;
      else if (d !== 1) {
        throw new ShapeError(
          `operands could not be broadcast together with shapes ${shapes.map(formatDims).join(" ")}`,
        );
      }
    }
  }
  return out;
}

/** Whether `from` broadcasts to exactly `to` (as np.broadcast_to requires). */
export function broadcastsTo(from: Shape, to: Shape): boolean {
  if (from.length > to.length) return false;
  const lead = to.length - from.length;
  return from.every((d, i) => d === 1 || d === to[lead + i]);
}

/**
 * Element strides that read an operand of shape `from` (with its own strides) as if it had shape
 * `to`: broadcast axes get stride 0.
 */
export function broadcastStrides(from: Shape, strides: readonly number[], to: Shape): number[] {
  const lead = to.length - from.length;
  return to.map((d, axis) => {
    const i = axis - lead;
    if (i < 0) return 0;
    return from[i] === 1 && d !== 1 ? 0 : strides[i]!;
  });
}
