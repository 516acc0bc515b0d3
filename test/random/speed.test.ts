// SPDX-License-Identifier: Apache-2.0
/**
 * Throughput of the generate kernel's random branch on one thread, reported as diagnostics
 * (`node --test --test-reporter=spec dist/test/random/speed.test.js`), for each kernel table. The machine may be shared,
 * so the only assertion is a floor far below the targets (40 M float64 uniforms/s, 15 M normals/s),
 * to catch a fast loop that fell off V8's optimizing tier.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Dtype, allocTyped } from "../../src/array/dtype.js";
import type { RandomDistribution } from "../../src/kernels/manifest.js";
import type { KernelFn } from "../../src/kernels/manifest.js";
import { seedKey } from "../../src/kernels/ts/random/index.js";
import { GENERATE_KERNELS } from "./helpers.js";

const N = 1 << 20;

/** Best-of-five millions of elements per second for one block of N elements. */
function throughput(generate: KernelFn<"generate">, distribution: RandomDistribution, dtype: Dtype, n = N): number {
  const data = allocTyped(dtype, n);
  const view = { dtype, data, offset: 0, shape: [n], strides: [1] };
  const generator = { kind: "random" as const, key: seedKey(1), stream: 0, distribution };
  const attrs = { globalShape: [n], blockStart: [0], generator };
  let best = Infinity;
  for (let rep = 0; rep < 5; rep++) {
    const t0 = performance.now();
    generate([], [view], attrs);
    best = Math.min(best, performance.now() - t0);
  }
  return n / best / 1000;
}

for (const { name, generate, skip } of GENERATE_KERNELS) {
test(`${name}: random sampling throughput`, { skip }, (t) => {
  const cases: [string, RandomDistribution, Dtype, number?][] = [
    ["random float64", { name: "random" }, "float64"],
    ["random float32", { name: "random" }, "float32"],
    ["uniform", { name: "uniform", low: -1, high: 1 }, "float64"],
    ["normal float64", { name: "normal", loc: 0, scale: 1 }, "float64"],
    ["normal float32", { name: "normal", loc: 0, scale: 1 }, "float32"],
    ["exponential", { name: "exponential", scale: 1 }, "float64"],
    ["integers [0, 10) int32", { name: "integers", low: 0, high: 10, endpoint: false }, "int32"],
    ["integers [0, 2^40) float64", { name: "integers", low: 0, high: 2 ** 40, endpoint: false }, "float64"],
    ["poisson lam=3", { name: "poisson", lam: 3 }, "int32", N / 4],
    ["poisson lam=100", { name: "poisson", lam: 100 }, "int32", N / 4],
    ["binomial n=20 p=0.3", { name: "binomial", n: 20, p: 0.3 }, "int32", N / 4],
    ["binomial n=1000 p=0.4", { name: "binomial", n: 1000, p: 0.4 }, "int32", N / 4],
  ];
  for (const [label, dist, dtype, n] of cases) {
    const rate = throughput(generate, dist, dtype, n);
    t.diagnostic(`${label}: ${rate.toFixed(1)} M/s`);
    assert.ok(rate > 1, `${label}: ${rate} M/s`);
  }
});
}
