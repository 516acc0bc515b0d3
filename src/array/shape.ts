// SPDX-License-Identifier: Apache-2.0
/** Shapes and strides: plain readonly arrays of non-negative integers, C order. */
import { ShapeError } from "../errors.js";

export type Shape = readonly number[];

/** Largest number of elements numts accepts in one array (indices stay exact in float64 and int32 grids). */
export const MAX_SIZE = 2 ** 48;

export function sizeOf(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** C-order strides in elements. */
export function stridesOf(shape: Shape): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

export function shapesEqual(a: Shape, b: Shape): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** NumPy's tuple repr: `(3, 4)`, `(3,)`, `()`. */
export function formatShape(shape: Shape): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

/**
 * A shape as NumPy's broadcasting, indexing and assignment errors print it: no spaces, `(2,3)`,
 * `(3,)`, `()`. `null` (a length that depends on data) prints as `?`.
 */
export function formatDims(shape: readonly (number | null)[]): string {
  const dims = shape.map((d) => (d === null ? "?" : String(d)));
  return dims.length === 1 ? `(${dims[0]},)` : `(${dims.join(",")})`;
}

/** Validates a user-supplied shape (a number or an array of numbers), naming the argument. */
export function parseShape(value: unknown, what = "shape"): number[] {
  const dims = typeof value === "number" ? [value] : value;
  if (!Array.isArray(dims)) {
    throw new TypeError(`${what} must be a non-negative integer or an array of them, got ${describe(value)}`);
  }
  for (const d of dims) {
    if (typeof d !== "number" || !Number.isInteger(d)) {
      throw new TypeError(`${what} must contain integers, got ${describe(d)} in ${JSON.stringify(value)}`);
    }
    if (d < 0) throw new ShapeError(`negative dimensions are not allowed (${what} ${JSON.stringify(value)})`);
  }
  const shape = dims as number[];
  if (sizeOf(shape) > MAX_SIZE) {
    throw new ShapeError(`array is too big: ${what} ${formatShape(shape)} has ${sizeOf(shape)} elements`);
  }
  return [...shape];
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `array ${JSON.stringify(value)}`;
  if (typeof value === "object") return (value as object).constructor?.name ?? "object";
  return `${typeof value} ${String(value)}`;
}
