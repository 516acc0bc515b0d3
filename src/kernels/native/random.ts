// SPDX-License-Identifier: Apache-2.0
/**
 * The native `generate` kernel: random arrays of the one-uniform distributions and integers are
 * filled by the addon (native/random/), bit for bit the values of kernels/ts/random/; every other
 * generator (arange, eye, poisson, binomial, permutation, …) stays with the TypeScript kernel.
 */
import { DTYPE_CODE, type TypedArray } from "../../array/dtype.js";
import type { KernelFn, RandomDistribution } from "../manifest.js";
import { runGeometry, validateRandom } from "../ts/random/fill.js";
import type { NativeAddon } from "./addon.js";

declare module "./addon.js" {
  interface NativeAddon {
    /** Fills one block of a random array (native/random/fill.cc); the wrapper validates. */
    randomFill(
      dist: number,
      a: number,
      b: number,
      key0: number,
      key1: number,
      stream: number,
      dtype: number,
      out: TypedArray,
      offset: number,
      shape: readonly number[],
      strides: readonly number[],
      globalStrides: readonly number[],
      first: number,
    ): void;
  }
}

/** The addon's code and two parameters for `dist`, or null if it has no native sampler. */
function nativeParams(dist: RandomDistribution): [number, number, number] | null {
  switch (dist.name) {
    case "random":
      return [0, 0, 0];
    case "uniform":
      return [1, dist.low, dist.high - dist.low];
    case "normal":
      return [2, dist.loc, dist.scale];
    case "exponential":
      return [3, dist.scale, 0];
    case "integers":
      return [4, dist.low, (dist.endpoint ? dist.high : dist.high - 1) - dist.low + 1];
    default:
      return null;
  }
}

export function nativeGenerate(addon: NativeAddon, fallback: KernelFn<"generate">): KernelFn<"generate"> {
  return (inputs, outputs, attrs) => {
    const { generator, globalShape, blockStart } = attrs;
    const params = generator.kind === "random" ? nativeParams(generator.distribution) : null;
    if (generator.kind !== "random" || params === null) return fallback(inputs, outputs, attrs);
    const out = outputs[0]!;
    validateRandom(generator.distribution, out.dtype, generator.key, generator.stream);
    if (out.shape.some((d) => d === 0)) return;
    const { globalStrides, first } = runGeometry(out, globalShape, blockStart);
    const [code, a, b] = params;
    addon.randomFill(
      code,
      a,
      b,
      generator.key[0],
      generator.key[1],
      generator.stream,
      DTYPE_CODE[out.dtype],
      out.data,
      out.offset,
      out.shape,
      out.strides,
      globalStrides,
      first,
    );
  };
}
