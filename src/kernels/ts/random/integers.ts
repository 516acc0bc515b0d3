// SPDX-License-Identifier: Apache-2.0
/**
 * `integers(low, high, endpoint)`: unbiased uniform integers in [low, high) (or [low, high] with
 * `endpoint`), for ranges up to 2^53 (numts has no int64; ranges beyond 2^32 need float64 output).
 *
 * Ranges up to 2^32 use Lemire's nearly-divisionless method (D. Lemire, "Fast random integer
 * generation in an interval", ACM TOMACS 29(1), 2019): r = ⌊x·s / 2^32⌋ for a 32-bit word x,
 * rejecting x when (x·s mod 2^32) < (2^32 - s) mod s, which happens with probability < s / 2^32.
 * Four elements share a Philox block; a rejected element continues with its own counters (see
 * counter.ts), so rejections never shift other elements' words.
 *
 * Larger ranges (float64 output) use bitmask rejection on a 53-bit uniform: the top
 * ⌈log2 s⌉ bits, rejected when >= s (probability < 1/2). A 64-bit Lemire would need a 64×64-bit
 * product, which JavaScript can only do slowly.
 */
import type { TypedArray } from "../../../array/dtype.js";
import { ElementWords, TWO_POW_32, uniforms53, words32 } from "./counter.js";
import { mulhi32 } from "./philox.js";
import { CHUNK, type Sampler, scratchDoubles, scratchWords } from "./sampler.js";

/** Samples in [low, low + span) for 1 <= span <= 2^32 by Lemire's method. */
export class LemireSampler implements Sampler {
  private readonly spanHi: number;
  private readonly spanLo: number;
  /** (2^32 - span) mod span: low products below it are rejected. */
  private readonly threshold: number;
  private readonly words: ElementWords;

  constructor(
    private readonly rk: Int32Array,
    private readonly stream: number,
    private readonly low: number,
    private readonly span: number,
  ) {
    this.spanHi = span >>> 16;
    this.spanLo = span & 0xffff;
    this.threshold = span === TWO_POW_32 ? 0 : (TWO_POW_32 - span) % span;
    this.words = new ElementWords(rk, stream, 4);
  }

  fill(dst: TypedArray, pos: number, first: number, count: number): void {
    const w = scratchWords;
    const { low, span, spanHi, spanLo, threshold } = this;
    for (let done = 0; done < count; done += CHUNK) {
      const n = Math.min(CHUNK, count - done);
      words32(this.rk, this.stream, first + done, n, w);
      const o = pos + done;
      if (span === TWO_POW_32) {
        for (let t = 0; t < n; t++) dst[o + t] = low + (w[t]! >>> 0);
        continue;
      }
      for (let t = 0; t < n; t++) {
        const x = w[t]!;
        if (Math.imul(x, span) >>> 0 < threshold) {
          this.words.resume(first + done + t);
          dst[o + t] = low + lemireBelow(this.words, span);
        } else {
          dst[o + t] = low + (mulhi32(x, spanHi, spanLo) >>> 0);
        }
      }
    }
  }

  element(index: number): number {
    const w = new ElementWords(this.rk, this.stream, 4);
    w.start(index);
    return this.low + lemireBelow(w, this.span);
  }
}

/**
 * One step of Lemire's method for 1 <= span < 2^32: ⌊x·span / 2^32⌋ if word x is accepted, else -1.
 * The threshold (a division) is computed only when the low product falls below span.
 */
export function lemireTry(x: number, span: number): number {
  const l = Math.imul(x, span) >>> 0;
  if (l >= span || l >= (TWO_POW_32 - span) % span) return mulhi32(x, span >>> 16, span & 0xffff) >>> 0;
  return -1;
}

/** Lemire's method on the words of `words`: a uniform integer in [0, span), 1 <= span <= 2^32. */
export function lemireBelow(words: ElementWords, span: number): number {
  if (span === TWO_POW_32) return words.next();
  for (;;) {
    const r = lemireTry(words.next(), span);
    if (r >= 0) return r;
  }
}

/** Samples in [low, low + span) for 2^32 < span <= 2^53 by bitmask rejection of 53-bit uniforms. */
export class MaskedSampler implements Sampler {
  /** 2^⌈log2 span⌉: u·scale is the top ⌈log2 span⌉ bits of u's 53. */
  private readonly scale: number;
  private readonly words: ElementWords;

  constructor(
    private readonly rk: Int32Array,
    private readonly stream: number,
    private readonly low: number,
    private readonly span: number,
  ) {
    let scale = TWO_POW_32;
    while (scale < span) scale *= 2;
    this.scale = scale;
    this.words = new ElementWords(rk, stream, 2);
  }

  fill(dst: TypedArray, pos: number, first: number, count: number): void {
    const u = scratchDoubles;
    const { low, span, scale } = this;
    for (let done = 0; done < count; done += CHUNK) {
      const n = Math.min(CHUNK, count - done);
      uniforms53(this.rk, this.stream, first + done, n, u);
      const o = pos + done;
      for (let t = 0; t < n; t++) {
        const r = Math.floor(u[t]! * scale);
        if (r < span) {
          dst[o + t] = low + r;
        } else {
          this.words.resume(first + done + t);
          dst[o + t] = low + this.draw(this.words);
        }
      }
    }
  }

  element(index: number): number {
    const w = new ElementWords(this.rk, this.stream, 2);
    w.start(index);
    return this.low + this.draw(w);
  }

  private draw(words: ElementWords): number {
    for (;;) {
      const r = Math.floor(words.nextDouble() * this.scale);
      if (r < this.span) return r;
    }
  }
}

/** The sampler of integers in [low, low + span). */
export function integersSampler(rk: Int32Array, stream: number, low: number, span: number): Sampler {
  return span <= TWO_POW_32 ? new LemireSampler(rk, stream, low, span) : new MaskedSampler(rk, stream, low, span);
}
