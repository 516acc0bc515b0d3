// SPDX-License-Identifier: Apache-2.0
/** Concrete advanced-index positions: a mask's `nonzero()`, and bounds checks of integer arrays. */
import { IndexError } from "../../errors.js";
import { type Shape, sizeOf, stridesOf } from "../shape.js";
import type { OpaqueArray } from "./parts.js";
import type { AdvancedEntry, Dim } from "./resolved.js";

/** NumPy's `nonzero()`: for each axis of the mask, the coordinates of its true entries, C order. */
export function maskNonzero(values: ArrayLike<number>, shape: Shape): Float64Array[] {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (values[i] !== 0) count++;
  const out = shape.map(() => new Float64Array(count));
  const strides = stridesOf(shape);
  let j = 0;
  for (let flat = 0; flat < values.length; flat++) {
    if (values[flat] === 0) continue;
    let rest = flat;
    for (let k = 0; k < shape.length; k++) {
      const s = strides[k]!;
      const c = Math.floor(rest / s);
      out[k]![j] = c;
      rest -= c * s;
    }
    j++;
  }
  return out;
}

/**
 * Checks the known integer-array entries against their axes, in index order and C order within
 * each (NumPy reports the first bad value it meets), and normalizes negative values in place.
 * NumPy skips the check when the broadcast advanced shape is empty; so does this (values are then
 * never read).
 *
 * @throws IndexError "index 5 is out of bounds for axis 0 with size 3".
 */
export function checkArrayBounds(entries: readonly AdvancedEntry<OpaqueArray>[], shape: Shape, advShape: readonly Dim[]): void {
  if (advShape.includes(null) || sizeOf(advShape as readonly number[]) === 0) return;
  for (const e of entries) {
    if (e.kind !== "array") continue;
    const n = shape[e.axis]!;
    const values = e.values;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v >= 0 && v < n) continue;
      // Values already normalized by an earlier check are non-negative and pass above.
      if (v < -n || v >= n) throw new IndexError(`index ${v} is out of bounds for axis ${e.axis} with size ${n}`);
      values[i] = v + n;
    }
  }
}
