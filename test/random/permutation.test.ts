// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  LOCAL_PERMUTATION_MAX,
  bucketDistribution,
  permutationBucketCount,
  permutationLocal,
  seedKey,
  shuffleBucket,
} from "../../src/kernels/ts/random/index.js";
import { sampleArray } from "./helpers.js";
import { chiSquareSf } from "./stats.js";

const key = seedKey(31337);
const ALPHA = 1e-4;

function isPermutation(p: Float64Array): boolean {
  const seen = new Uint8Array(p.length);
  for (const v of p) {
    if (!Number.isInteger(v) || v < 0 || v >= p.length || seen[v]) return false;
    seen[v] = 1;
  }
  return true;
}

function factorial(n: number): number {
  return n <= 1 ? 1 : n * factorial(n - 1);
}

/** Lehmer code of a permutation: its rank among the n! permutations. */
function rank(p: ArrayLike<number>): number {
  let r = 0;
  for (let i = 0; i < p.length; i++) {
    let smaller = 0;
    for (let j = i + 1; j < p.length; j++) if (p[j]! < p[i]!) smaller++;
    r += smaller * factorial(p.length - 1 - i);
  }
  return r;
}

test("permutationLocal returns permutations, with one bucket or many", () => {
  for (const n of [0, 1, 2, 3, 10, 1000, 5000]) {
    assert.ok(isPermutation(permutationLocal(n, key, 0)), `n = ${n}`);
    assert.ok(isPermutation(permutationLocal(n, key, 0, 64)), `n = ${n}, buckets of 64`);
  }
  assert.equal(permutationBucketCount(5000, 64), 79);
  assert.equal(permutationBucketCount(0), 1);
});

test("all n! orders are equally likely, with one bucket and with several", (t) => {
  for (const [n, bucketSize] of [
    [4, 2 ** 20],
    [4, 1],
    [5, 2],
  ] as const) {
    const outcomes = factorial(n);
    const trials = outcomes * 400;
    const counts = new Float64Array(outcomes);
    for (let s = 0; s < trials; s++) counts[rank(permutationLocal(n, key, 2 * s, bucketSize))]!++;
    const expected = trials / outcomes;
    const stat = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
    const p = chiSquareSf(stat, outcomes - 1);
    t.diagnostic(`n = ${n}, buckets of ${bucketSize}: chi2 = ${stat.toFixed(1)} on ${outcomes - 1} df, p = ${p.toFixed(4)}`);
    assert.ok(p > ALPHA, `p = ${p}`);
  }
});

test("every element is equally likely at every position (n = 12, buckets of 3)", (t) => {
  const n = 12;
  const trials = 12_000;
  const counts = new Float64Array(n * n);
  for (let s = 0; s < trials; s++) {
    const p = permutationLocal(n, key, 2 * s + 1, 3);
    for (let i = 0; i < n; i++) counts[i * n + p[i]!]!++;
  }
  const expected = trials / n;
  const stat = counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
  const p = chiSquareSf(stat, (n - 1) * (n - 1));
  t.diagnostic(`position × value chi2 = ${stat.toFixed(1)} on ${(n - 1) ** 2} df, p = ${p.toFixed(4)}`);
  assert.ok(p > ALPHA, `p = ${p}`);
});

test("the three steps compose from layout-independent pieces", () => {
  const n = 777;
  const bucketSize = 50;
  const stream = 40;
  // Step 1 through the generate kernel, in odd blocks.
  const buckets = sampleArray(bucketDistribution(n, bucketSize), [n], { dtype: "int32", stream, seed: 31337, blockShape: [97] });
  // Step 2: stable counting sort; step 3: shuffle each bucket at its output offset.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => buckets[a]! - buckets[b]! || a - b);
  const out = Float64Array.from(order);
  let start = 0;
  for (let b = 0; b < permutationBucketCount(n, bucketSize); b++) {
    let end = start;
    while (end < n && buckets[order[end]!] === b) end++;
    shuffleBucket(out.subarray(start, end), start, key, stream + 1);
    start = end;
  }
  assert.deepEqual(out, permutationLocal(n, key, stream, bucketSize));
});

test("permutations reproduce per (key, stream) and differ across streams", () => {
  const a = permutationLocal(100, key, 8);
  assert.deepEqual(permutationLocal(100, key, 8), a);
  assert.notDeepEqual(permutationLocal(100, key, 10), a);
  assert.notDeepEqual(permutationLocal(100, seedKey(1), 8), a);
});

test("permutationLocal rejects negative, fractional and oversized n", () => {
  assert.throws(() => permutationLocal(-1, key, 0), { name: "RangeError", message: /n must be a non-negative integer/ });
  assert.throws(() => permutationLocal(2.5, key, 0), { name: "RangeError" });
  assert.throws(() => permutationLocal(LOCAL_PERMUTATION_MAX + 1, key, 0), { message: /computed on one worker/ });
});
