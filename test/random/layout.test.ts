// SPDX-License-Identifier: Apache-2.0
/**
 * The contract: a random array is bit-identical for every block decomposition, because element i
 * is a pure function of (key, stream, i). Checked through the generate kernel on plain views.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { type Dtype, allocTyped } from "../../src/array/dtype.js";
import type { RandomDistribution } from "../../src/kernels/manifest.js";
import { makeSampler, seedKey } from "../../src/kernels/ts/random/index.js";
import { GENERATE_KERNELS, firstDifference, sampleArray } from "./helpers.js";

const CASES: readonly [RandomDistribution, Dtype][] = [
  [{ name: "random" }, "float64"],
  [{ name: "random" }, "float32"],
  [{ name: "uniform", low: -2, high: 7 }, "float64"],
  [{ name: "normal", loc: 1, scale: 3 }, "float64"],
  [{ name: "normal", loc: 0, scale: 1 }, "float32"],
  [{ name: "exponential", scale: 2 }, "float64"],
  [{ name: "integers", low: -100, high: 100, endpoint: true }, "int8"],
  // About 30% of words rejected: rejections must not shift other elements.
  [{ name: "integers", low: 0, high: 3e9, endpoint: false }, "uint32"],
  [{ name: "integers", low: -(2 ** 50), high: 3 * 2 ** 50, endpoint: false }, "float64"],
  [{ name: "poisson", lam: 4.5 }, "int32"],
  [{ name: "poisson", lam: 300 }, "float64"],
  [{ name: "binomial", n: 30, p: 0.2 }, "int16"],
  [{ name: "binomial", n: 5000, p: 0.7 }, "int32"],
];

const SHAPE = [7, 13, 5];
const BLOCK_SHAPES = [[7, 13, 5], [1, 1, 1], [3, 4, 2], [7, 1, 5], [2, 13, 5], [4, 13, 1], [6, 6, 6]];

for (const { name, generate, skip } of GENERATE_KERNELS) {
  test(`${name}: every block decomposition gives the same bits, and each element is its definition`, { skip }, () => {
    for (const [dist, dtype] of CASES) {
      const whole = sampleArray(dist, SHAPE, { dtype, seed: 99, stream: 3, generate });
      for (const blockShape of BLOCK_SHAPES) {
        const blocked = sampleArray(dist, SHAPE, { dtype, seed: 99, stream: 3, blockShape, padding: 3, generate });
        assert.equal(firstDifference(blocked, whole), -1, `${JSON.stringify(dist)} ${dtype}, blocks ${blockShape}`);
      }
      const sampler = makeSampler(dist, dtype, seedKey(99), 3);
      const one = allocTyped(dtype, 1);
      for (let i = 0; i < whole.length; i++) {
        one[0] = sampler.element(i);
        assert.ok(Object.is(one[0], whole[i]), `${JSON.stringify(dist)} ${dtype}: element ${i}`);
      }
    }
  });

  test(`${name}: a 1-D array is the same whatever the run boundaries`, { skip }, () => {
    for (const [dist, dtype] of CASES) {
      const whole = sampleArray(dist, [1001], { dtype, seed: 5, generate });
      for (const b of [1, 2, 3, 4, 5, 64, 1000]) {
        const blocked = sampleArray(dist, [1001], { dtype, seed: 5, blockShape: [b], generate });
        assert.equal(firstDifference(blocked, whole), -1, `${dist.name} ${dtype}, blocks of ${b}`);
      }
    }
  });

  test(`${name}: indices beyond 2^32 and up to 2^53 - 1 read the right counters`, { skip }, () => {
    const key = seedKey(7);
    for (const [dist, dtype] of CASES) {
      const sampler = makeSampler(dist, dtype, key, 1);
      for (const start of [2 ** 32 - 3, 2 ** 33 - 5, 2 ** 34 - 6, 2 ** 53 - 11]) {
        const data = allocTyped(dtype, 10);
        generate([], [{ dtype, data, offset: 0, shape: [10], strides: [1] }], {
          globalShape: [2 ** 53 - 1],
          blockStart: [start],
          generator: { kind: "random", key, stream: 1, distribution: dist },
        });
        const one = allocTyped(dtype, 1);
        for (let t = 0; t < 10; t++) {
          one[0] = sampler.element(start + t);
          assert.ok(Object.is(one[0], data[t]), `${dist.name} ${dtype} at ${start + t}`);
        }
      }
    }
  });

}

test("0-d and empty arrays", () => {
  const x = sampleArray({ name: "normal", loc: 0, scale: 1 }, [], { seed: 1 });
  assert.equal(x.length, 1);
  assert.ok(Object.is(x[0], sampleArray({ name: "normal", loc: 0, scale: 1 }, [1], { seed: 1 })[0]), "a 0-d array is element 0");
  assert.equal(sampleArray({ name: "random" }, [3, 0, 2]).length, 0);
});

test("the same seed and stream reproduce; another seed or stream does not", () => {
  const d: RandomDistribution = { name: "random" };
  const a = sampleArray(d, [1000], { seed: 2024, stream: 0 });
  assert.equal(firstDifference(sampleArray(d, [1000], { seed: 2024, stream: 0 }), a), -1);
  for (const other of [sampleArray(d, [1000], { seed: 2025, stream: 0 }), sampleArray(d, [1000], { seed: 2024, stream: 1 })]) {
    let equal = 0;
    let product = 0;
    for (let i = 0; i < 1000; i++) {
      if (other[i] === a[i]) equal++;
      product += (other[i]! - 0.5) * (a[i]! - 0.5);
    }
    assert.equal(equal, 0);
    // Correlation of independent uniforms: sd 1/sqrt(1000) ≈ 0.032.
    assert.ok(Math.abs(product / 1000 / (1 / 12)) < 0.15, "streams are uncorrelated");
  }
});
