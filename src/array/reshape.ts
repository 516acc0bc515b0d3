// SPDX-License-Identifier: Apache-2.0
/**
 * Reshape metadata: resolving a requested shape (one unknown dimension), NumPy's wording of the
 * size-mismatch error, and the axis groups a C-order reshape decomposes into.
 */
import { ShapeError } from "../errors.js";
import { type Shape, sizeOf } from "./shape.js";

/**
 * NumPy's `convert_shape_to_string`: unknown (negative) dimensions print as "newaxis" and leading
 * ones are dropped, so `(-1, 4)` prints as `(4)` and `(2, -1)` as `(2,newaxis)`.
 */
export function formatRequestedShape(dims: readonly number[]): string {
  let i = 0;
  while (i < dims.length && dims[i]! < 0) i++;
  if (i === dims.length) return "()";
  const parts = [String(dims[i++])];
  for (; i < dims.length; i++) parts.push(dims[i]! < 0 ? "newaxis" : String(dims[i]));
  return dims.length === 1 ? `(${parts[0]},)` : `(${parts.join(",")})`;
}

/** Validates a shape argument that may contain one negative (unknown) entry. */
export function parseRequestedShape(value: unknown, what = "shape"): number[] {
  const dims = typeof value === "number" ? [value] : value;
  if (!Array.isArray(dims)) throw new TypeError(`${what} must be an integer or an array of integers, got ${JSON.stringify(value)}`);
  for (const d of dims) {
    if (typeof d !== "number" || !Number.isInteger(d)) throw new TypeError(`'${typeof d === "number" ? "float" : typeof d}' object cannot be interpreted as an integer`);
  }
  return [...(dims as number[])];
}

/**
 * The shape an array of `size` elements takes for `requested`, NumPy's `_fix_unknown_dimension`:
 * any one negative entry is inferred from the others.
 * @example resolveNewShape(6, [-1, 3]) // [2, 3]
 */
export function resolveNewShape(size: number, requested: readonly number[]): number[] {
  const unknown = requested.flatMap((d, i) => (d < 0 ? [i] : []));
  if (unknown.length > 1) throw new ShapeError("can only specify one unknown dimension");
  const known = sizeOf(requested.filter((d) => d >= 0));
  const mismatch = () => new ShapeError(`cannot reshape array of size ${size} into shape ${formatRequestedShape(requested)}`);
  if (unknown.length === 0) {
    if (known !== size) throw mismatch();
    return [...requested];
  }
  if (known === 0 || size % known !== 0) throw mismatch();
  return requested.map((d) => (d < 0 ? size / known : d));
}

/** Input axes and output axes whose lengths have equal products (length-1 axes belong to none). */
export interface AxisGroup {
  readonly inAxes: readonly number[];
  readonly outAxes: readonly number[];
}

/**
 * The finest decomposition of a reshape of a non-empty array into groups: within a group, the
 * output coordinates depend only on the group's input coordinates (C order), so groups can be
 * treated independently. `(2, 3, 4) -> (6, 4)` has groups {0,1}->{0} and {2}->{1}.
 */
export function reshapeGroups(inShape: Shape, outShape: Shape): AxisGroup[] {
  const ins = inShape.flatMap((d, i) => (d === 1 ? [] : [i]));
  const outs = outShape.flatMap((d, i) => (d === 1 ? [] : [i]));
  const groups: AxisGroup[] = [];
  let i = 0;
  let o = 0;
  while (i < ins.length && o < outs.length) {
    const inAxes = [ins[i]!];
    const outAxes = [outs[o]!];
    let pIn = inShape[ins[i++]!]!;
    let pOut = outShape[outs[o++]!]!;
    while (pIn !== pOut) {
      if (pIn < pOut) {
        inAxes.push(ins[i]!);
        pIn *= inShape[ins[i++]!]!;
      } else {
        outAxes.push(outs[o]!);
        pOut *= outShape[outs[o++]!]!;
      }
    }
    groups.push({ inAxes, outAxes });
  }
  return groups;
}
