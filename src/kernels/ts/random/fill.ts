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

/** The sampler of `dist` written as `dtype`, for counters under (key, stream). */
export function makeSampler(dist: RandomDistribution, dtype: Dtype, key: PhiloxKey, stream: number): Sampler {
  validateDistribution(dist, dtype);
  if (!Number.isInteger(stream) || stream < 0 || stream >= MAX_STREAMS) {
    throw new RangeError(`random: stream must be an integer in [0, 2**32) (got ${stream})`);
  }
  for (const k of key) {
    if (!Number.isInteger(k) || k < 0 || k > 0xffffffff) {
      throw new RangeError(`random: key words must be uint32 (got ${key.join(", ")})`);
    }
  }
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
  if (runLength > 1 && out.strides[last] !== 1) {
    throw new Error("generate: random output blocks must be contiguous along the last axis");
  }
  // Global C-order strides, and an odometer over the block's outer coordinates.
  const gstrides = new Array<number>(nd);
  let s = 1;
  for (let d = last; d >= 0; d--) {
    gstrides[d] = s;
    s *= globalShape[d]!;
  }
  const idx = new Array<number>(last).fill(0);
  let first = 0;
  for (let d = 0; d < nd; d++) first += blockStart[d]! * gstrides[d]!;
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
