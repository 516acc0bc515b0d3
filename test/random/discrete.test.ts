// SPDX-License-Identifier: Apache-2.0
/**
 * Poisson and binomial against their pmf (chi-square) and moments, across the regimes of each
 * algorithm: multiplication and PTRS for Poisson; inversion, BTPE (all its steps), and both
 * mirrored, for binomial. Seeds are fixed, so the statistics are deterministic.
 */
import assert from "node:assert/strict";
import { type TestContext, test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { RandomDistribution } from "../../src/kernels/manifest.js";
import { loggam } from "../../src/kernels/ts/random/poisson.js";
import { sample } from "./helpers.js";
import { binomialPmf, chiSquareTest, lgamma, moments, poissonPmf } from "./stats.js";

const ALPHA = 1e-4;
const N = 200_000;

function checkPmf(
  t: TestContext,
  dist: RandomDistribution,
  pmf: (k: number) => number,
  lo: number,
  hi: number,
  mean: number,
  variance: number,
  opts: { seed: number; dtype?: Dtype },
): void {
  const xs = sample(dist, N, opts);
  const r = chiSquareTest(xs, pmf, lo, hi);
  const m = moments(xs);
  const fit = `chi2 = ${r.statistic.toFixed(1)} on ${r.bins - 1} df, p = ${r.p.toFixed(4)}`;
  t.diagnostic(`${JSON.stringify(dist)}: ${fit}; mean ${m.mean.toPrecision(7)} (${mean})`);
  assert.ok(r.p > ALPHA, `${JSON.stringify(dist)}: chi-square p = ${r.p}`);
  assert.ok(Math.abs(m.mean - mean) <= 5 * Math.sqrt(variance / N), `${JSON.stringify(dist)}: mean ${m.mean} vs ${mean}`);
}

test("loggam is log Γ to 1e-13 (PTRS's acceptance test relies on it)", () => {
  for (const x of [1, 2, 3, 6.5, 7, 7.5, 11, 100, 1e4, 1e7]) {
    const expected = lgamma(x);
    assert.ok(Math.abs(loggam(x) - expected) <= 1e-13 * Math.max(1, Math.abs(expected)), `loggam(${x})`);
  }
});

test("poisson fits its pmf for small and large lam", (t) => {
  const lams = [1e-3, 0.5, 3, 9.99, 10, 25.5, 1000, 1e6];
  lams.forEach((lam, i) => {
    const hi = Math.ceil(lam + 15 * Math.sqrt(lam) + 20);
    const lo = Math.max(0, Math.floor(lam - 15 * Math.sqrt(lam)));
    checkPmf(t, { name: "poisson", lam }, (k) => poissonPmf(k, lam), lo, hi, lam, lam, { seed: 100 + i });
  });
});

test("poisson into narrow integer dtypes", (t) => {
  checkPmf(t, { name: "poisson", lam: 4 }, (k) => poissonPmf(k, 4), 0, 40, 4, 4, { seed: 120, dtype: "int8" });
  checkPmf(t, { name: "poisson", lam: 14 }, (k) => poissonPmf(k, 14), 0, 127, 14, 14, { seed: 121, dtype: "int8" });
});

test("binomial fits its pmf in every regime", (t) => {
  const cases: [number, number, string][] = [
    [20, 0.3, "inversion"],
    [1000, 0.01, "inversion, n·p = 10"],
    [1e9, 1e-9, "inversion, huge n"],
    [200, 0.9, "mirrored inversion"],
    [100, 0.5, "BTPE, n·p·q = 25 (step 5.1 only)"],
    [1000, 0.4, "BTPE with squeeze and Stirling steps"],
    [10000, 0.01, "BTPE, small p"],
    [500, 0.9, "mirrored BTPE"],
    [1e6, 0.999, "mirrored BTPE, p near 1"],
    [2 ** 31 - 1, 0.5, "BTPE, n at the int32 limit"],
  ];
  cases.forEach(([n, p, regime], i) => {
    const mean = n * p;
    const sd = Math.sqrt(n * p * (1 - p));
    const lo = Math.max(0, Math.floor(mean - 15 * sd - 20));
    const hi = Math.min(n, Math.ceil(mean + 15 * sd + 20));
    t.diagnostic(regime);
    const pmf = (k: number): number => binomialPmf(k, n, p);
    checkPmf(t, { name: "binomial", n, p }, pmf, lo, hi, mean, sd * sd, { seed: 200 + i, dtype: "int32" });
  });
});

test("degenerate parameters: lam = 0, n = 0, p = 0, p = 1", () => {
  const all = (d: RandomDistribution, v: number): boolean => sample(d, 1000, { dtype: "int32" }).every((x) => x === v);
  assert.ok(all({ name: "poisson", lam: 0 }, 0));
  assert.ok(all({ name: "binomial", n: 0, p: 0.5 }, 0));
  assert.ok(all({ name: "binomial", n: 0, p: 1 }, 0));
  assert.ok(all({ name: "binomial", n: 40, p: 0 }, 0));
  assert.ok(all({ name: "binomial", n: 40, p: 1 }, 40));
  assert.ok(all({ name: "binomial", n: 1e6, p: 1 }, 1e6));
});
