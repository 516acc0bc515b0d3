// SPDX-License-Identifier: Apache-2.0
/**
 * Distributions that are one transform of one uniform: random, uniform, normal, exponential. Each
 * fills a run in two tight passes over a chunk (Philox into uniforms, then the transform), with no
 * per-element call through a closure.
 */
import type { TypedArray } from "../../../array/dtype.js";
import { ElementWords, float24, uniforms53, words32 } from "./counter.js";
import { logPositive } from "./log.js";
import { standardNormal } from "./normal.js";
import { CHUNK, type Sampler, scratchDoubles, scratchWords } from "./sampler.js";

/** `random` into float64: the 53-bit uniform itself. */
export class Random64Sampler implements Sampler {
  constructor(
    private readonly rk: Int32Array,
    private readonly stream: number,
  ) {}

  /** Straight into the output: makeSampler uses this sampler for float64 outputs only. */
  fill(dst: TypedArray, pos: number, first: number, count: number): void {
    if (!(dst instanceof Float64Array)) throw new TypeError("random: the float64 sampler needs a float64 output");
    uniforms53(this.rk, this.stream, first, count, dst, pos);
  }

  element(index: number): number {
    const w = new ElementWords(this.rk, this.stream, 2);
    w.start(index);
    return w.nextDouble();
  }
}

/** `random` into float32: the 24-bit uniform of one word, four elements per Philox block (NumPy). */
export class Random32Sampler implements Sampler {
  constructor(
    private readonly rk: Int32Array,
    private readonly stream: number,
  ) {}

  fill(dst: TypedArray, pos: number, first: number, count: number): void {
    const w = scratchWords;
    for (let done = 0; done < count; done += CHUNK) {
      const n = Math.min(CHUNK, count - done);
      words32(this.rk, this.stream, first + done, n, w);
      const o = pos + done;
      for (let t = 0; t < n; t++) dst[o + t] = float24(w[t]!);
    }
  }

  element(index: number): number {
    const w = new ElementWords(this.rk, this.stream, 4);
    w.start(index);
    return float24(w.next());
  }
}

/** `uniform(low, high)`: low + (high - low)·u, NumPy's formula. */
export class UniformSampler implements Sampler {
  private readonly range: number;

  constructor(
    private readonly rk: Int32Array,
    private readonly stream: number,
    private readonly low: number,
    high: number,
  ) {
    this.range = high - low;
  }

  fill(dst: TypedArray, pos: number, first: number, count: number): void {
    const u = scratchDoubles;
    const { low, range } = this;
    for (let done = 0; done < count; done += CHUNK) {
      const n = Math.min(CHUNK, count - done);
      uniforms53(this.rk, this.stream, first + done, n, u);
      const o = pos + done;
      for (let t = 0; t < n; t++) dst[o + t] = low + range * u[t]!;
    }
  }

  element(index: number): number {
    const w = new ElementWords(this.rk, this.stream, 2);
    w.start(index);
    return this.low + this.range * w.nextDouble();
  }
}

/** `normal(loc, scale)` and `standardNormal` (loc 0, scale 1 leave z unchanged): loc + scale·z. */
export class NormalSampler implements Sampler {
  constructor(
    private readonly rk: Int32Array,
    private readonly stream: number,
    private readonly loc: number,
    private readonly scale: number,
  ) {}

  fill(dst: TypedArray, pos: number, first: number, count: number): void {
    const u = scratchDoubles;
    const { loc, scale } = this;
    for (let done = 0; done < count; done += CHUNK) {
      const n = Math.min(CHUNK, count - done);
      uniforms53(this.rk, this.stream, first + done, n, u);
      const o = pos + done;
      for (let t = 0; t < n; t++) dst[o + t] = loc + scale * standardNormal(u[t]!);
    }
  }

  element(index: number): number {
    const w = new ElementWords(this.rk, this.stream, 2);
    w.start(index);
    return this.loc + this.scale * standardNormal(w.nextDouble());
  }
}

/**
 * `exponential(scale)`: scale·(-log(1 - u)), inversion of the CDF (one uniform, no rejection). 1 - u
 * is exact on the 2^-53 grid, so this is -log1p(-u) without a second function to match natively.
 */
export class ExponentialSampler implements Sampler {
  constructor(
    private readonly rk: Int32Array,
    private readonly stream: number,
    private readonly scale: number,
  ) {}

  fill(dst: TypedArray, pos: number, first: number, count: number): void {
    const u = scratchDoubles;
    const scale = this.scale;
    for (let done = 0; done < count; done += CHUNK) {
      const n = Math.min(CHUNK, count - done);
      uniforms53(this.rk, this.stream, first + done, n, u);
      const o = pos + done;
      for (let t = 0; t < n; t++) dst[o + t] = scale * -logPositive(1 - u[t]!);
    }
  }

  element(index: number): number {
    const w = new ElementWords(this.rk, this.stream, 2);
    w.start(index);
    return this.scale * -logPositive(1 - w.nextDouble());
  }
}
