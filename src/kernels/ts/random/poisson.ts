// SPDX-License-Identifier: Apache-2.0
/**
 * `poisson(lam)`, NumPy's algorithms (numpy/random/src/distributions/distributions.c): Knuth's
 * multiplication method for lam < 10 (multiply uniforms until the product drops to e^-lam; about
 * lam + 1 uniforms), and Hörmann's PTRS transformed rejection with squeeze (W. Hörmann, "The
 * transformed rejection method for generating Poisson random variables", Insurance: Mathematics
 * and Economics 12, 1993) for lam >= 10 (two uniforms per try, accepting about 90% of tries).
 *
 * Each element reads its own counters (1 lane), so its count of uniforms never shifts another's.
 */
import type { TypedArray } from "../../../array/dtype.js";
import { ElementWords } from "./counter.js";
import type { Sampler } from "./sampler.js";

/** Coefficients of the Stirling series of log Γ (NumPy's random_loggam, after Zhang and Jin). */
const LOGGAM_A = [
  8.333333333333333e-2, -2.777777777777778e-3, 7.936507936507937e-4, -5.952380952380952e-4, 8.417508417508418e-4,
  -1.917526917526918e-3, 6.41025641025641e-3, -2.955065359477124e-2, 1.796443723688307e-1, -1.3924322169059,
];
const LOG_2PI = 1.8378770664093453;

/**
 * log Γ(x) for x > 0 as NumPy's random_loggam computes it (shift below 7, then the Stirling series),
 * so PTRS accepts exactly where NumPy's does.
 */
export function loggam(x: number): number {
  if (x === 1 || x === 2) return 0;
  const n = x <= 7 ? Math.trunc(7 - x) : 0;
  let x0 = x + n;
  const x2 = 1 / (x0 * x0);
  let gl0 = LOGGAM_A[9]!;
  for (let k = 8; k >= 0; k--) gl0 = gl0 * x2 + LOGGAM_A[k]!;
  let gl = gl0 / x0 + 0.5 * LOG_2PI + (x0 - 0.5) * Math.log(x0) - x0;
  for (let k = 1; k <= n; k++) {
    gl -= Math.log(x0 - 1);
    x0 -= 1;
  }
  return gl;
}

export class PoissonSampler implements Sampler {
  private readonly words: ElementWords;
  // PTRS constants (lam >= 10), or e^-lam for the multiplication method.
  private readonly expNegLam: number;
  private readonly logLam: number;
  private readonly a: number;
  private readonly b: number;
  private readonly logInvAlpha: number;
  private readonly vr: number;

  constructor(
    rk: Int32Array,
    stream: number,
    private readonly lam: number,
  ) {
    this.words = new ElementWords(rk, stream, 1);
    this.expNegLam = Math.exp(-lam);
    this.logLam = Math.log(lam);
    this.b = 0.931 + 2.53 * Math.sqrt(lam);
    this.a = -0.059 + 0.02483 * this.b;
    this.logInvAlpha = Math.log(1.1239 + 1.1328 / (this.b - 3.4));
    this.vr = 0.9277 - 3.6224 / (this.b - 2);
  }

  fill(dst: TypedArray, pos: number, first: number, count: number): void {
    for (let t = 0; t < count; t++) dst[pos + t] = this.element(first + t);
  }

  element(index: number): number {
    if (this.lam === 0) return 0;
    this.words.start(index);
    return this.lam >= 10 ? this.ptrs(this.words) : this.multiplication(this.words);
  }

  private multiplication(words: ElementWords): number {
    let x = 0;
    let prod = words.nextDouble();
    while (prod > this.expNegLam) {
      x++;
      prod *= words.nextDouble();
    }
    return x;
  }

  private ptrs(words: ElementWords): number {
    const { lam, logLam, a, b, logInvAlpha, vr } = this;
    for (;;) {
      const u = words.nextDouble() - 0.5;
      const v = words.nextDouble();
      const us = 0.5 - Math.abs(u);
      const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
      if (us >= 0.07 && v <= vr) return k;
      if (k < 0 || (us < 0.013 && v > us)) continue;
      // log(v) = -Infinity for v = 0 is fine: it accepts.
      if (Math.log(v) + logInvAlpha - Math.log(a / (us * us) + b) <= -lam + k * logLam - loggam(k + 1)) return k;
    }
  }
}
