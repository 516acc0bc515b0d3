// SPDX-License-Identifier: Apache-2.0
/** Sampling through the generate kernel on plain typed-array views, block by block. */
import { type Dtype, type TypedArray, allocTyped } from "../../src/array/dtype.js";
import type { KernelFn, RandomDistribution } from "../../src/kernels/manifest.js";
import { nativeKernels } from "../../src/kernels/native/index.js";
import { generate as tsGenerate } from "../../src/kernels/ts/generate.js";
import { type PhiloxKey, seedKey } from "../../src/kernels/ts/random/index.js";

export interface SampleOptions {
  readonly seed?: number;
  readonly stream?: number;
  readonly dtype?: Dtype;
  /** Block shape; the global shape is cut into blocks of it (edge blocks smaller). Default: one block. */
  readonly blockShape?: readonly number[];
  /** Elements of padding before each block in its buffer, so views start at a non-zero offset. */
  readonly padding?: number;
  /** The generate kernel to sample with: the TypeScript one unless given. */
  readonly generate?: KernelFn<"generate">;
}

const native = nativeKernels();

/**
 * The generate kernel of each kernel table, to run a test on both: the native one is skipped
 * (with the reason) when the addon does not load.
 */
export const GENERATE_KERNELS: readonly { name: string; generate: KernelFn<"generate">; skip?: string }[] = [
  { name: "ts", generate: tsGenerate },
  native instanceof Error
    ? { name: "native", generate: tsGenerate, skip: `native addon not loaded: ${native.message}` }
    : { name: "native", generate: native.generate },
];

function cStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  return strides;
}

/** All start coordinates of a grid of `blockShape` blocks over `shape`, in C order. */
function blockStarts(shape: readonly number[], blockShape: readonly number[]): number[][] {
  let starts: number[][] = [[]];
  shape.forEach((n, d) => {
    const next: number[][] = [];
    for (const s of starts) for (let b = 0; b < Math.max(n, 1); b += Math.max(blockShape[d]!, 1)) next.push([...s, b]);
    starts = next;
  });
  return starts;
}

/**
 * The array of `shape` sampled from `dist`, generated block by block with the generate kernel and
 * assembled into one C-order typed array.
 */
export function sampleArray(dist: RandomDistribution, shape: readonly number[], opts: SampleOptions = {}): TypedArray {
  const dtype = opts.dtype ?? "float64";
  const key: PhiloxKey = seedKey(opts.seed ?? 12345);
  const blockShape = opts.blockShape ?? shape;
  const padding = opts.padding ?? 0;
  const generate = opts.generate ?? tsGenerate;
  const size = shape.reduce((p, d) => p * d, 1);
  const result = allocTyped(dtype, size);
  const gstrides = cStrides(shape);
  for (const start of blockStarts(shape, blockShape)) {
    const bshape = shape.map((n, d) => Math.min(blockShape[d]!, n - start[d]!));
    const bsize = bshape.reduce((p, d) => p * d, 1);
    const data = allocTyped(dtype, bsize + padding);
    const strides = cStrides(bshape);
    generate([], [{ dtype, data, offset: padding, shape: bshape, strides }], {
      globalShape: shape,
      blockStart: start,
      generator: { kind: "random", key, stream: opts.stream ?? 0, distribution: dist },
    });
    // Scatter the block into the global array.
    for (let i = 0; i < bsize; i++) {
      let r = i;
      let g = 0;
      for (let d = bshape.length - 1; d >= 0; d--) {
        g += (start[d]! + (r % bshape[d]!)) * gstrides[d]!;
        r = Math.floor(r / bshape[d]!);
      }
      result[g] = data[padding + i]!;
    }
  }
  return result;
}

/** A 1-D sample of `n` elements in one block. */
export function sample(dist: RandomDistribution, n: number, opts: SampleOptions = {}): TypedArray {
  return sampleArray(dist, [n], opts);
}

/** Index of the first element where a and b differ as bit patterns (Object.is), or -1. */
export function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Math.min(a.length, b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return i;
  return -1;
}
