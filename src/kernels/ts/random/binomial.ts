// SPDX-License-Identifier: Apache-2.0
/**
 * `binomial(n, p)`, NumPy's algorithms (numpy/random/src/distributions/distributions.c): with
 * r = min(p, 1 - p) (and the result mirrored to n - x when p > 0.5), inversion by sequential search
 * when n·r <= 30, and otherwise BTPE (V. Kachitvichyanukul and B. W. Schmeiser, "Binomial random
 * variate generation", CACM 31(2), 1988): triangle, parallelogram and exponential-tail envelopes
 * with squeeze tests, about two uniforms per try; step 5.3 with the Stirling-series signs corrected
 * as in numpy/numpy#31238.
 *
 * The setup depends only on (n, p), so it is done once per block. Each element reads its own
 * counters (1 lane), so its count of uniforms never shifts another's.
 */
import type { TypedArray } from "../../../array/dtype.js";
import { ElementWords } from "./counter.js";
import type { Sampler } from "./sampler.js";

export class BinomialSampler implements Sampler {
  private readonly words: ElementWords;
  /** min(p, 1 - p), the success probability actually sampled, and 1 - r. */
  private readonly r: number;
  private readonly q: number;
  private readonly mirrored: boolean;
  private readonly useInversion: boolean;
  // Inversion: q^n and the search bound.
  private readonly qn: number;
  private readonly bound: number;
  // BTPE: the mode, the envelope's breakpoints and areas.
  private readonly m: number;
  private readonly p1: number;
  private readonly xm: number;
  private readonly xl: number;
  private readonly xr: number;
  private readonly c: number;
  private readonly laml: number;
  private readonly lamr: number;
  private readonly p2: number;
  private readonly p3: number;
  private readonly p4: number;

  constructor(
    rk: Int32Array,
    stream: number,
    private readonly n: number,
    p: number,
  ) {
    this.words = new ElementWords(rk, stream, 1);
    this.mirrored = p > 0.5;
    const r = this.mirrored ? 1 - p : p;
    const q = 1 - r;
    this.r = r;
    this.q = q;
    const np = n * r;
    this.useInversion = np <= 30;
    this.qn = Math.exp(n * Math.log(q));
    this.bound = Math.trunc(Math.min(n, np + 10 * Math.sqrt(np * q + 1)));
    const fm = np + r;
    this.m = Math.floor(fm);
    this.p1 = Math.floor(2.195 * Math.sqrt(np * q) - 4.6 * q) + 0.5;
    this.xm = this.m + 0.5;
    this.xl = this.xm - this.p1;
    this.xr = this.xm + this.p1;
    this.c = 0.134 + 20.5 / (15.3 + this.m);
    let a = (fm - this.xl) / (fm - this.xl * r);
    this.laml = a * (1 + a / 2);
    a = (this.xr - fm) / (this.xr * q);
    this.lamr = a * (1 + a / 2);
    this.p2 = this.p1 * (1 + 2 * this.c);
    this.p3 = this.p2 + this.c / this.laml;
    this.p4 = this.p3 + this.c / this.lamr;
  }

  fill(dst: TypedArray, pos: number, first: number, count: number): void {
    for (let t = 0; t < count; t++) dst[pos + t] = this.element(first + t);
  }

  element(index: number): number {
    if (this.n === 0 || this.r === 0) return this.mirrored ? this.n : 0;
    this.words.start(index);
    const x = this.useInversion ? this.inversion(this.words) : this.btpe(this.words);
    return this.mirrored ? this.n - x : x;
  }

  /** Sequential search of the CDF from 0, restarting (as NumPy does) past a 10-sigma bound. */
  private inversion(words: ElementWords): number {
    const { n, r, q, qn, bound } = this;
    let x = 0;
    let px = qn;
    let u = words.nextDouble();
    while (u > px) {
      x++;
      if (x > bound) {
        x = 0;
        px = qn;
        u = words.nextDouble();
      } else {
        u -= px;
        px = ((n - x + 1) * r * px) / (x * q);
      }
    }
    return x;
  }

  /** BTPE's steps 1–5, numbered as in the paper and in NumPy. */
  private btpe(words: ElementWords): number {
    const { n, r, q, m, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4 } = this;
    const nrq = n * r * q;
    for (;;) {
      // Step 1: triangular region, accepted at once.
      const u = words.nextDouble() * p4;
      let v = words.nextDouble();
      if (u <= p1) return Math.floor(xm - p1 * v + u);
      let y: number;
      if (u <= p2) {
        // Step 2: parallelograms.
        const x = xl + (u - p1) / c;
        v = v * c + 1 - Math.abs(m - x + 0.5) / p1;
        if (v > 1) continue;
        y = Math.floor(x);
      } else if (u <= p3) {
        // Step 3: left exponential tail.
        y = Math.floor(xl + Math.log(v) / laml);
        if (y < 0 || v === 0) continue;
        v = v * (u - p2) * laml;
      } else {
        // Step 4: right exponential tail.
        y = Math.floor(xr - Math.log(v) / lamr);
        if (y > n || v === 0) continue;
        v = v * (u - p3) * lamr;
      }
      const k = Math.abs(y - m);
      if (k <= 20 || k >= nrq / 2 - 1) {
        // Step 5.1: evaluate f(y) / f(m) by the recurrence.
        const s = r / q;
        const a = s * (n + 1);
        let f = 1;
        if (m < y) {
          for (let i = m + 1; i <= y; i++) f *= a / i - s;
        } else if (m > y) {
          for (let i = y + 1; i <= m; i++) f /= a / i - s;
        }
        if (v <= f) return y;
        continue;
      }
      // Step 5.2: squeeze on log v, then the final Stirling-based comparison (5.3).
      const rho = (k / nrq) * ((k * (k / 3 + 0.625) + 0.16666666666666666) / nrq + 0.5);
      const t = (-k * k) / (2 * nrq);
      const logV = Math.log(v);
      if (logV < t - rho) return y;
      if (logV > t + rho) continue;
      const x1 = y + 1;
      const f1 = m + 1;
      const z = n + 1 - m;
      const w = n - y + 1;
      const logRatio =
        xm * Math.log(f1 / x1) + (n - m + 0.5) * Math.log(z / w) + (y - m) * Math.log((w * r) / (x1 * q)) +
        stirlingTail(f1) + stirlingTail(z) - stirlingTail(x1) - stirlingTail(w);
      if (logV <= logRatio) return y;
    }
  }
}

/**
 * log Γ(x) minus its Stirling approximation, 1/(12x) - 1/(360x³) + 1/(1260x⁵) - 1/(1680x⁷) +
 * 1/(1188x⁹), over the common denominator 166320. The paper (and NumPy before numpy/numpy#31238)
 * added all four corrections in step 5.3 and NumPy had 13680 for 13860; log f(y)/f(m) needs
 * + for m! and (n-m)! and - for y! and (n-y)!, as here.
 */
function stirlingTail(x: number): number {
  const x2 = x * x;
  return (13860 - (462 - (132 - (99 - 140 / x2) / x2) / x2) / x2) / x / 166320;
}
