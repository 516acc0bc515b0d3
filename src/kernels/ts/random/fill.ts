// SPDX-License-Identifier: Apache-2.0
/**
 * The `random` branch of the generate kernel: fills one block of a random array. The block is cut
 * into its C-order runs along the last axis, which are contiguous in both the block and the
 * global array, and each run is one `Sampler.fill` call.
 */
import type { Dtype } from "../../../array/dtype.js";
import type { RandomDistribution, RandomGenerator } from "../../manifest.js";
import type { View } from "../../view.js";
import { BinomialSampler } from "./binomial.js";
import { ExponentialSampler, NormalSampler, Random32Sampler, Random64Sampler, UniformSampler } from "./continuous.js";
import { validateDistribution } from "./distributions.js";
import { integersSampler } from "./integers.js";
import { type PhiloxKey, roundKeys } from "./philox.js";
import { PoissonSampler } from "./poisson.js";
import type { Sampler } from "./sampler.js";
import { MAX_STREAMS } from "./seed.js";

/** Throws unless `dist` can be written as `dtype` under (key, stream): what every fill checks first. */
export function validateRandom(dist: RandomDistribution, dtype: Dtype, key: PhiloxKey, stream: number): void {
  validateDistribution(dist, dtype);
  if (!Number.isInteger(stream) || stream < 0 || stream >= MAX_STREAMS) {
    throw new RangeError(`random: stream must be an integer in [0, 2**32) (got ${stream})`);
  }
  for (const k of key) {
    if (!Number.isInteger(k) || k < 0 || k > 0xffffffff) {
      throw new RangeError(`random: key words must be uint32 (got ${key.join(", ")})`);
    }
  }
}

/** The sampler of `dist` written as `dtype`, for counters under (key, stream). */
export function makeSampler(dist: RandomDistribution, dtype: Dtype, key: PhiloxKey, stream: number): Sampler {
  validateRandom(dist, dtype, key, stream);
  const rk = roundKeys(key);
  switch (dist.name) {
    case "random":
      return dtype === "float32" ? new Random32Sampler(rk, stream) : new Random64Sampler(rk, stream);
    case "uniform":
      return new UniformSampler(rk, stream, dist.low, dist.high);
    case "normal":
      return new NormalSampler(rk, stream, dist.loc, dist.scale);
    case "exponential":
      return new ExponentialSampler(rk, stream, dist.scale);
    case "integers":
      return integersSampler(rk, stream, dist.low, (dist.endpoint ? dist.high : dist.high - 1) - dist.low + 1);
    case "poisson":
      return new PoissonSampler(rk, stream, dist.lam);
    case "binomial":
      return new BinomialSampler(rk, stream, dist.n, dist.p);
  }
}

/** Where a block's runs lie: the global C-order strides and the flat index of its first element. */
export interface RunGeometry {
  readonly globalStrides: readonly number[];
  readonly first: number;
}

/**
 * The run geometry of `out`, a block starting at `blockStart` of an array of `globalShape`; throws
 * unless its runs (along the last axis) are contiguous.
 */
export function runGeometry(out: View, globalShape: readonly number[], blockStart: readonly number[]): RunGeometry {
  const nd = out.shape.length;
  const last = nd - 1;
  if (nd > 0 && out.shape[last]! > 1 && out.strides[last] !== 1) {
    throw new Error("generate: random output blocks must be contiguous along the last axis");
  }
  const globalStrides = new Array<number>(nd);
  let s = 1;
  for (let d = last; d >= 0; d--) {
    globalStrides[d] = s;
    s *= globalShape[d]!;
  }
  let first = 0;
  for (let d = 0; d < nd; d++) first += blockStart[d]! * globalStrides[d]!;
  return { globalStrides, first };
}

/**
 * Fills `out` (a contiguous block starting at `blockStart` of an array of `globalShape`) with
 * elements of `g`'s random array.
 */
export function fillRandom(
  out: View,
  globalShape: readonly number[],
  blockStart: readonly number[],
  g: RandomGenerator,
): void {
  const sampler = makeSampler(g.distribution, out.dtype, g.key, g.stream);
  const nd = out.shape.length;
  if (out.shape.some((d) => d === 0)) return;
  if (nd === 0) {
    sampler.fill(out.data, out.offset, 0, 1);
    return;
  }
  const last = nd - 1;
  const runLength = out.shape[last]!;
  const { globalStrides: gstrides, first: start } = runGeometry(out, globalShape, blockStart);
  // An odometer over the block's outer coordinates.
  const idx = new Array<number>(last).fill(0);
  let first = start;
  let pos = out.offset;
  for (;;) {
    sampler.fill(out.data, pos, first, runLength);
    let d = last - 1;
    for (; d >= 0; d--) {
      idx[d]!++;
      pos += out.strides[d]!;
      first += gstrides[d]!;
      if (idx[d]! < out.shape[d]!) break;
      pos -= out.strides[d]! * out.shape[d]!;
      first -= gstrides[d]! * out.shape[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}
