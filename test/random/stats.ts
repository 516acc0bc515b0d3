// SPDX-License-Identifier: Apache-2.0
/**
 * The distribution functions and goodness-of-fit tests the random tests need, written here (the
 * tests run without Python) and checked against SciPy in stats.test.ts.
 */

/** log Γ(x) for x > 0: Lanczos (g = 7, n = 9), relative error ~1e-15. */
export function lgamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** The regularized upper incomplete gamma Q(a, x): series below a + 1, Lentz's continued fraction above. */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = -x + a * Math.log(x) - lgamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 10000 && Math.abs(term) > Math.abs(sum) * 1e-17; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(logPrefix) * h;
}

/** P(X > x) for X chi-square with k degrees of freedom. */
export function chiSquareSf(x: number, k: number): number {
  return gammaQ(k / 2, x / 2);
}

/** Φ(z), through erfc(|z|/√2) = Q(1/2, z²/2) (accurate in both tails). */
export function normalCdf(z: number): number {
  const tail = 0.5 * gammaQ(0.5, (z * z) / 2);
  return z < 0 ? tail : 1 - tail;
}

/** P(K > x) for the Kolmogorov distribution: 2 Σ (-1)^(k-1) exp(-2k²x²). */
export function kolmogorovSf(x: number): number {
  if (x <= 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) sum += (k % 2 === 1 ? 1 : -1) * Math.exp(-2 * k * k * x * x);
  return Math.min(1, Math.max(0, 2 * sum));
}

export interface TestResult {
  readonly statistic: number;
  readonly p: number;
}

/**
 * One-sample Kolmogorov–Smirnov test of `sample` against the continuous CDF `cdf`, with Stephens'
 * finite-n correction of the asymptotic distribution (Stephens 1970).
 */
export function ksTest(sample: ArrayLike<number>, cdf: (x: number) => number): TestResult {
  const xs = Float64Array.from(sample).sort();
  const n = xs.length;
  let d = 0;
  for (let i = 0; i < n; i++) {
    const f = cdf(xs[i]!);
    d = Math.max(d, (i + 1) / n - f, f - i / n);
  }
  const sn = Math.sqrt(n);
  return { statistic: d, p: kolmogorovSf((sn + 0.12 + 0.11 / sn) * d) };
}

/**
 * Pearson's chi-square test of integer `sample` against `pmf` on the support [lo, hi]: outcomes are
 * pooled from each end inward until every bin expects at least 5, and the leftover mass beyond
 * [lo, hi] joins the end bins.
 */
export function chiSquareTest(
  sample: ArrayLike<number>,
  pmf: (k: number) => number,
  lo: number,
  hi: number,
): TestResult & { bins: number } {
  const n = sample.length;
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const k = sample[i]!;
    if (k < lo || k > hi || !Number.isInteger(k)) throw new Error(`sample value ${k} outside the support [${lo}, ${hi}]`);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const bins: { expected: number; observed: number }[] = [];
  let pending = { expected: 0, observed: 0 };
  let total = 0;
  for (let k = lo; k <= hi; k++) {
    const e = n * pmf(k);
    total += e;
    pending.expected += e;
    pending.observed += counts.get(k) ?? 0;
    if (pending.expected >= 5) {
      bins.push(pending);
      pending = { expected: 0, observed: 0 };
    }
  }
  const last = bins[bins.length - 1];
  if (last === undefined) throw new Error("chiSquareTest: no bin expects 5 or more");
  last.expected += pending.expected + (n - total);
  last.observed += pending.observed;
  let stat = 0;
  for (const b of bins) stat += (b.observed - b.expected) ** 2 / b.expected;
  return { statistic: stat, p: bins.length > 1 ? chiSquareSf(stat, bins.length - 1) : 1, bins: bins.length };
}

export function poissonPmf(k: number, lam: number): number {
  if (lam === 0) return k === 0 ? 1 : 0;
  return Math.exp(k * Math.log(lam) - lam - lgamma(k + 1));
}

export function binomialPmf(k: number, n: number, p: number): number {
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(lgamma(n + 1) - lgamma(k + 1) - lgamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p));
}

/** Sample mean and (unbiased) variance. */
export function moments(sample: ArrayLike<number>): { mean: number; variance: number } {
  const n = sample.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += sample[i]!;
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (sample[i]! - mean) ** 2;
  return { mean, variance: ss / (n - 1) };
}
