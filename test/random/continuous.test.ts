// SPDX-License-Identifier: Apache-2.0
/**
 * Goodness of fit of random, uniform, normal and exponential. Seeds are fixed, so every statistic
 * is deterministic; each test requires p > ALPHA and reports its p-value as a diagnostic.
 */
import assert from "node:assert/strict";
import { type TestContext, test } from "node:test";
import type { RandomDistribution } from "../../src/kernels/manifest.js";
import { normalQuantileLower } from "../../src/kernels/ts/random/normal.js";
import { sample } from "./helpers.js";
import { chiSquareSf, ksTest, moments, normalCdf } from "./stats.js";

const ALPHA = 1e-4;
const N = 1_000_000;

/** KS against `cdf`, and mean and variance within 5 standard errors (kurtosis `kurt`). */
function checkFit(
  t: TestContext,
  xs: ArrayLike<number>,
  cdf: (x: number) => number,
  mean: number,
  variance: number,
  kurt: number,
): void {
  const ks = ksTest(xs, cdf);
  const m = moments(xs);
  const n = xs.length;
  const ksText = `KS D = ${ks.statistic.toExponential(3)}, p = ${ks.p.toFixed(4)}`;
  t.diagnostic(`${ksText}; mean ${m.mean.toPrecision(6)}, variance ${m.variance.toPrecision(6)}`);
  assert.ok(ks.p > ALPHA, `KS p = ${ks.p}`);
  assert.ok(Math.abs(m.mean - mean) < 5 * Math.sqrt(variance / n), `mean ${m.mean} vs ${mean}`);
  assert.ok(Math.abs(m.variance - variance) < 5 * variance * Math.sqrt((kurt - 1) / n), `variance ${m.variance} vs ${variance}`);
}

const uniformCdf = (x: number): number => Math.min(1, Math.max(0, x));

test("random (float64) is uniform on [0, 1) with 53-bit resolution", (t) => {
  const xs = sample({ name: "random" }, N, { seed: 1 });
  checkFit(t, xs, uniformCdf, 0.5, 1 / 12, 1.8);
  let fine = 0;
  for (const x of xs) {
    assert.ok(x >= 0 && x < 1);
    if ((x * 2 ** 32) % 1 !== 0) fine++;
  }
  assert.ok(fine > 0.99 * N, "bits below 2^-32 are used");
});

test("random (float32) is uniform on the 2^-24 grid of [0, 1)", (t) => {
  const xs = sample({ name: "random" }, N, { seed: 2, dtype: "float32" });
  checkFit(t, xs, uniformCdf, 0.5, 1 / 12, 1.8);
  for (const x of xs) assert.ok(x >= 0 && x < 1 && (x * 2 ** 24) % 1 === 0, `${x}`);
});

test("uniform(low, high) fits, and low == high gives low", (t) => {
  const xs = sample({ name: "uniform", low: -3, high: 5 }, N, { seed: 3 });
  checkFit(t, xs, (x) => uniformCdf((x + 3) / 8), 1, 64 / 12, 1.8);
  for (const x of xs) assert.ok(x >= -3 && x < 5);
  assert.ok(sample({ name: "uniform", low: 2.5, high: 2.5 }, 100).every((x) => x === 2.5));
});

test("standard normal fits, including the tails", (t) => {
  const xs = sample({ name: "normal", loc: 0, scale: 1 }, N, { seed: 4 });
  checkFit(t, xs, normalCdf, 0, 1, 3);
  // Binned chi-square with bins down to tail probability 1e-5, where KS has no power.
  const tail = [1e-5, 1e-4, 1e-3, 1e-2, 0.05, 0.2, 0.35, 0.5];
  const edges = [...tail.map(normalQuantileLower), ...tail.slice(0, -1).reverse().map((p) => -normalQuantileLower(p))];
  const probs = tail.map((p, i) => (i === 0 ? p : p - tail[i - 1]!));
  const expected = [...probs, ...probs.slice().reverse()].map((p) => p * N);
  const observed = new Array<number>(expected.length).fill(0);
  for (const x of xs) {
    let b = 0;
    while (b < edges.length && x >= edges[b]!) b++;
    observed[b]!++;
  }
  const stat = observed.reduce((s, o, i) => s + (o - expected[i]!) ** 2 / expected[i]!, 0);
  const p = chiSquareSf(stat, expected.length - 1);
  const beyond = `${observed[0]} and ${observed[observed.length - 1]} (expected 10 each)`;
  t.diagnostic(`tail bins chi2 = ${stat.toFixed(2)} (df ${expected.length - 1}), p = ${p.toFixed(4)}; beyond ±4.26σ: ${beyond}`);
  assert.ok(p > ALPHA, `tail chi-square p = ${p}`);
});

test("normal(loc, scale) in float64 and float32 fit", (t) => {
  const cdf = (x: number): number => normalCdf((x - 10) / 2);
  checkFit(t, sample({ name: "normal", loc: 10, scale: 2 }, N, { seed: 5 }), cdf, 10, 4, 3);
  checkFit(t, sample({ name: "normal", loc: 10, scale: 2 }, N, { seed: 6, dtype: "float32" }), cdf, 10, 4, 3);
  assert.ok(sample({ name: "normal", loc: 7, scale: 0 }, 100).every((x) => x === 7), "scale 0 gives loc");
});

test("exponential(scale) fits", (t) => {
  const xs = sample({ name: "exponential", scale: 2.5 }, N, { seed: 7 });
  checkFit(t, xs, (x) => (x <= 0 ? 0 : -Math.expm1(-x / 2.5)), 2.5, 6.25, 9);
  for (const x of xs) assert.ok(x >= 0 && Number.isFinite(x));
  checkFit(t, sample({ name: "exponential", scale: 1 }, N, { seed: 8, dtype: "float32" }), (x) => -Math.expm1(-x), 1, 1, 9);
});

test("NaN parameters propagate as NumPy's do", () => {
  const nanSpecs: RandomDistribution[] = [
    { name: "normal", loc: NaN, scale: 1 },
    { name: "normal", loc: 0, scale: NaN },
    { name: "exponential", scale: NaN },
  ];
  for (const d of nanSpecs) assert.ok(sample(d, 10).every(Number.isNaN), JSON.stringify(d));
});
