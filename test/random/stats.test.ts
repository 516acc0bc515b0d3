// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { reference } from "./fixtures.js";
import { binomialPmf, chiSquareSf, kolmogorovSf, normalCdf, poissonPmf } from "./stats.js";

function close(actual: number, expected: number, rtol: number, what: string): void {
  assert.ok(Math.abs(actual - expected) <= rtol * Math.abs(expected) + 1e-300, `${what}: ${actual} vs SciPy ${expected}`);
}

test("the test's distribution functions agree with SciPy", () => {
  const s = reference.stats;
  for (const [x, k, sf] of s.chi2sf) close(chiSquareSf(x, k), sf, 1e-10, `chi2.sf(${x}, ${k})`);
  for (const [x, sf] of s.kolmogorovSf) close(kolmogorovSf(x), sf, 1e-10, `kstwobign.sf(${x})`);
  for (const [x, cdf] of s.normCdf) close(normalCdf(x), cdf, 1e-12, `norm.cdf(${x})`);
  for (const [k, lam, pmf] of s.poissonPmf) close(poissonPmf(k, lam), pmf, 1e-8, `poisson.pmf(${k}, ${lam})`);
  for (const [k, n, p, pmf] of s.binomPmf) close(binomialPmf(k, n, p), pmf, 1e-8, `binom.pmf(${k}, ${n}, ${p})`);
});
