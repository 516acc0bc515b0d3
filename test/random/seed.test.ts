// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_STREAMS, RandomStreams, freshSeed, parseSeed, seedKey } from "../../src/kernels/ts/random/seed.js";

test("seedKey is SplitMix64's output function of the seed", () => {
  // SplitMix64 seeded with 0 (state += golden gamma, then mix) first outputs 0xe220a8397b1dcdaf.
  assert.deepEqual(seedKey(0), [0x7b1dcdaf, 0xe220a839]);
  assert.deepEqual(seedKey(0n), seedKey(0));
  assert.deepEqual(seedKey(2 ** 53 - 1), seedKey(2n ** 53n - 1n));
});

test("distinct seeds give distinct keys", () => {
  const seen = new Set<string>();
  for (let s = 0; s < 10000; s++) seen.add(seedKey(s).join(","));
  for (const s of [2n ** 53n, 2n ** 63n, 2n ** 64n - 1n]) seen.add(seedKey(s).join(","));
  assert.equal(seen.size, 10003);
});

test("parseSeed accepts non-negative safe integers and bigints below 2**64", () => {
  assert.equal(parseSeed(0), 0);
  assert.equal(parseSeed(2 ** 53 - 1), 2 ** 53 - 1);
  assert.equal(parseSeed(2n ** 64n - 1n), 2n ** 64n - 1n);
  assert.throws(() => parseSeed(-1), { name: "RangeError", message: /expected non-negative integer/ });
  assert.throws(() => parseSeed(-1n), { name: "RangeError", message: /expected non-negative integer/ });
  assert.throws(() => parseSeed(2n ** 64n), { name: "RangeError", message: /below 2\*\*64/ });
  assert.throws(() => parseSeed(2 ** 53), { name: "RangeError", message: /pass a bigint/ });
  assert.throws(() => parseSeed(1.5), { name: "TypeError", message: /expected non-negative integer/ });
  assert.throws(() => parseSeed("7"), { name: "TypeError" });
  assert.throws(() => parseSeed(Number.NaN), { name: "TypeError" });
});

test("freshSeed draws 53-bit seeds from the CSPRNG", () => {
  const a = freshSeed();
  const b = freshSeed();
  assert.ok(Number.isSafeInteger(a) && a >= 0);
  assert.notEqual(a, b);
});

test("RandomStreams hands out consecutive streams and remembers its seed", () => {
  const rng = new RandomStreams(42);
  assert.equal(rng.seed, 42);
  assert.deepEqual(rng.key, seedKey(42));
  assert.equal(rng.take(), 0);
  assert.equal(rng.take(2), 1);
  assert.equal(rng.take(), 3);
  const fresh = new RandomStreams();
  assert.ok(Number.isSafeInteger(fresh.seed));
  assert.deepEqual(new RandomStreams(fresh.seed).key, fresh.key, "an unseeded generator can be recreated from its seed");
  assert.throws(() => new RandomStreams(-3), { message: /expected non-negative integer/ });
  assert.throws(() => rng.take(MAX_STREAMS), { name: "RangeError", message: /used all/ });
});
