// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import { lemireTry } from "../../src/kernels/ts/random/integers.js";
import { sample } from "./helpers.js";
import { chiSquareTest } from "./stats.js";

const ALPHA = 1e-4;

test("Lemire's acceptance test and result match the exact 64-bit arithmetic", () => {
  const spans = [1, 2, 3, 7, 10, 255, 65536, 65537, 1e6 + 3, 2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, 3 * 2 ** 30, 2 ** 32 - 1];
  let x = 12345;
  for (const s of spans) {
    const threshold = BigInt((2 ** 32 - s) % s);
    for (let i = 0; i < 3000; i++) {
      x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
      const word = i < 4 ? [0, 1, 0x7fffffff, 0xffffffff][i]! : x;
      const m = BigInt(word) * BigInt(s);
      const expected = (m & 0xffffffffn) < threshold ? -1 : Number(m >> 32n);
      assert.equal(lemireTry(word | 0, s), expected, `word ${word}, span ${s}`);
    }
  }
});

test("integers are uniform over small and awkward ranges", (t) => {
  const cases: [number, number, boolean, Dtype][] = [
    [0, 10, false, "int32"],
    [-5, 5, true, "int8"],
    [100, 103, false, "uint8"],
    [0, 2, false, "bool"],
    [-1000, 1000, false, "int16"],
  ];
  for (const [low, high, endpoint, dtype] of cases) {
    const xs = sample({ name: "integers", low, high, endpoint }, 300_000, { seed: 11, dtype });
    const max = endpoint ? high : high - 1;
    const r = chiSquareTest(xs, () => 1 / (max - low + 1), low, max);
    const range = `[${low}, ${high}${endpoint ? "]" : ")"}`;
    t.diagnostic(`${range} ${dtype}: chi2 = ${r.statistic.toFixed(1)} on ${r.bins - 1} df, p = ${r.p.toFixed(4)}`);
    assert.ok(r.p > ALPHA, `p = ${r.p}`);
  }
});

test("integers reach both ends of every dtype's full range and never leave it", () => {
  const full: [Dtype, number, number][] = [
    ["bool", 0, 1],
    ["int8", -128, 127],
    ["uint8", 0, 255],
    ["int16", -32768, 32767],
    ["uint16", 0, 65535],
    ["int32", -(2 ** 31), 2 ** 31 - 1],
    ["uint32", 0, 2 ** 32 - 1],
  ];
  for (const [dtype, lo, hi] of full) {
    const xs = sample({ name: "integers", low: lo, high: hi, endpoint: true }, 200_000, { seed: 12, dtype });
    let min = Infinity;
    let max = -Infinity;
    for (const x of xs) {
      min = Math.min(min, x);
      max = Math.max(max, x);
    }
    assert.ok(min >= lo && max <= hi, `${dtype}: [${min}, ${max}]`);
    if (hi - lo < 70000) assert.deepEqual([min, max], [lo, hi], `${dtype} reaches both ends`);
    if (hi - lo < 3) continue;
    // The bottom quarter of the range gets a quarter of the samples.
    const quarter = (hi - lo + 1) / 4;
    const bottom = xs.filter((x) => x < lo + quarter).length;
    assert.ok(Math.abs(bottom / xs.length - 0.25) < 0.005, `${dtype}: bottom quarter ${bottom / xs.length}`);
  }
});

test("integers with endpoint and a single value", () => {
  assert.ok(sample({ name: "integers", low: 7, high: 7, endpoint: true }, 50, { dtype: "int32" }).every((x) => x === 7));
  assert.ok(sample({ name: "integers", low: 7, high: 8, endpoint: false }, 50, { dtype: "int32" }).every((x) => x === 7));
  const xs = sample({ name: "integers", low: 0, high: 3, endpoint: true }, 10_000, { dtype: "uint8" });
  assert.deepEqual([...new Set(xs)].sort(), [0, 1, 2, 3]);
});

test("float64 integers cover ranges beyond 2^32 uniformly", (t) => {
  for (const [low, high, seed] of [
    [0, 3 * 2 ** 40, 13],
    [-(2 ** 52), 2 ** 52, 14],
    [-(2 ** 53 - 1), 1, 15],
  ] as const) {
    const span = high - low;
    const xs = sample({ name: "integers", low, high, endpoint: false }, 300_000, { seed });
    const buckets = 12;
    const binned = Array.from(xs, (x) => {
      assert.ok(Number.isInteger(x) && x >= low && x < high, `${x}`);
      return Math.floor(((x - low) / span) * buckets);
    });
    const r = chiSquareTest(binned, () => 1 / buckets, 0, buckets - 1);
    t.diagnostic(`[${low}, ${high}): twelfths chi2 = ${r.statistic.toFixed(1)}, p = ${r.p.toFixed(4)}`);
    assert.ok(r.p > ALPHA, `p = ${r.p}`);
    // Low bits are random too (the masked method keeps all of a 53-bit uniform's top bits).
    const odd = xs.filter((x) => Math.abs(x % 2) === 1).length / xs.length;
    assert.ok(Math.abs(odd - 0.5) < 0.005, `odd fraction ${odd}`);
  }
});
