// SPDX-License-Identifier: Apache-2.0
/**
 * The native random kernels (native/random/) against the TypeScript ones, bit for bit, on samples
 * large enough to reach the rare branches: AS241's tails and far tails (which take the shared
 * logarithm), Lemire rejections, masked rejections, float32 rounding, ragged blocks.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { RandomDistribution } from "../../src/kernels/manifest.js";
import { GENERATE_KERNELS, firstDifference, sampleArray } from "./helpers.js";

const native = GENERATE_KERNELS.find((k) => k.name === "native")!;

const CASES: readonly [RandomDistribution, Dtype][] = [
  [{ name: "random" }, "float64"],
  [{ name: "random" }, "float32"],
  [{ name: "uniform", low: -1e3, high: 0.5 }, "float64"],
  [{ name: "normal", loc: 0, scale: 1 }, "float64"],
  [{ name: "normal", loc: -3, scale: 0.25 }, "float64"],
  [{ name: "normal", loc: 2, scale: 5 }, "float32"],
  [{ name: "exponential", scale: 1 }, "float64"],
  [{ name: "exponential", scale: 3.5 }, "float32"],
  [{ name: "integers", low: 0, high: 1, endpoint: true }, "bool"],
  [{ name: "integers", low: -128, high: 127, endpoint: true }, "int8"],
  [{ name: "integers", low: 0, high: 60000, endpoint: false }, "uint16"],
  [{ name: "integers", low: -7, high: 1e9, endpoint: false }, "int32"],
  // Rejection rates of about 30% and 50%: every element's retries read its own counters.
  [{ name: "integers", low: 0, high: 3e9, endpoint: false }, "uint32"],
  [{ name: "integers", low: 0, high: 2 ** 31 + 1, endpoint: false }, "float64"],
  [{ name: "integers", low: 0, high: 2 ** 32, endpoint: false }, "uint32"],
  [{ name: "integers", low: 5, high: 2 ** 33 + 1, endpoint: false }, "float64"],
  [{ name: "integers", low: -(2 ** 52), high: 2 ** 52, endpoint: true }, "float64"],
];

test("native random fills equal the TypeScript ones bit for bit, for ragged block layouts", { skip: native.skip }, () => {
  const shape = [301, 331];
  for (const [dist, dtype] of CASES) {
    const reference = sampleArray(dist, shape, { dtype, seed: 4, stream: 2 });
    for (const blockShape of [shape, [64, 100], [7, 331], [301, 1]]) {
      const got = sampleArray(dist, shape, { dtype, seed: 4, stream: 2, blockShape, padding: 5, generate: native.generate });
      const at = firstDifference(got, reference);
      assert.equal(at, -1, `${JSON.stringify(dist)} ${dtype} blocks ${blockShape}: ${got[at]} vs ${reference[at]}`);
    }
  }
});

test("native normals and exponentials equal the TypeScript ones over 4 million draws", { skip: native.skip }, () => {
  // About 15% of normals take the logarithm (and one in ~10^6 the far tail); every exponential does.
  for (const [dist, n] of [
    [{ name: "normal", loc: 0, scale: 1 }, 4_000_000],
    [{ name: "exponential", scale: 1 }, 2_000_000],
  ] as const) {
    for (const seed of [0, 1]) {
      const reference = sampleArray(dist, [n], { seed });
      const got = sampleArray(dist, [n], { seed, generate: native.generate });
      const at = firstDifference(got, reference);
      assert.equal(at, -1, `${dist.name} seed ${seed} at ${at}: ${got[at]} vs ${reference[at]}`);
    }
  }
});

test("native 0-d and empty blocks", { skip: native.skip }, () => {
  const d: RandomDistribution = { name: "normal", loc: 0, scale: 1 };
  const x = sampleArray(d, [], { seed: 1, generate: native.generate });
  assert.ok(Object.is(x[0], sampleArray(d, [], { seed: 1 })[0]));
  assert.equal(sampleArray(d, [3, 0, 2], { generate: native.generate }).length, 0);
});

test("the native kernel validates like the TypeScript one", { skip: native.skip }, () => {
  assert.throws(() => sampleArray({ name: "normal", loc: 0, scale: -1 }, [4], { generate: native.generate }), /scale < 0/);
  assert.throws(() => sampleArray({ name: "random" }, [4], { dtype: "int32", generate: native.generate }), /Unsupported dtype/);
  assert.throws(() => sampleArray({ name: "random" }, [4], { stream: 2 ** 32, generate: native.generate }), /stream/);
});
