// SPDX-License-Identifier: Apache-2.0
/** The manipulation functions BlockArray exposes as methods, and the method-only `reshape(...dims)`. */
import type { NDArray } from "../array/ndarray.js";
import type { BlockArray } from "./block-array.js";
import { type ReshapeOptions, reshape } from "./reshape.js";

export { ravel, flatten, type ReshapeOptions } from "./reshape.js";
export { squeeze, swapaxes, type SqueezeOptions } from "./dims.js";
export { repeat, type RepeatOptions } from "./tile-repeat.js";
export { diagonal, type DiagonalOptions } from "./triangle.js";

export type Repeats = number | readonly number[] | NDArray | BlockArray;

/** `x.reshape(shape, options?)` or NumPy's `x.reshape(d0, d1, ...)`. */
export type ReshapeArgs = [shape: number | readonly number[], options?: ReshapeOptions] | number[];

export function reshapeMethod(x: BlockArray, shapeArgs: ReshapeArgs): BlockArray {
  const args: readonly unknown[] = shapeArgs;
  const [first, second] = args;
  if (Array.isArray(first)) return reshape(x, first as readonly number[], (second as ReshapeOptions | undefined) ?? {});
  return reshape(x, args as number[]);
}
