// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { mulhi32, philox4x32, roundKeys } from "../../src/kernels/ts/random/philox.js";

// Random123 1.14, tests/kat_vectors, the three "philox4x32 10" lines:
// counter (4 words), key (2 words), expected output (4 words).
const KNOWN_ANSWERS: readonly (readonly [readonly number[], readonly [number, number], readonly number[]])[] = [
  [[0x00000000, 0x00000000, 0x00000000, 0x00000000], [0x00000000, 0x00000000], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]],
  [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]],
  [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]],
];

test("Philox4x32-10 reproduces Random123's known-answer vectors", () => {
  const out = new Int32Array(4);
  for (const [ctr, key, expected] of KNOWN_ANSWERS) {
    philox4x32(ctr[0]! | 0, ctr[1]! | 0, ctr[2]! | 0, ctr[3]! | 0, roundKeys(key), out);
    assert.deepEqual(Array.from(out, (w) => w >>> 0), expected);
  }
});

test("mulhi32 is the high word of the exact 64-bit product", () => {
  const factors = [0, 1, 2, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xd2511f53, 0xcd9e8d57, 0xffffffff];
  let x = 0x9e3779b9;
  for (let i = 0; i < 2000; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    factors.push(x);
  }
  for (let i = 0; i < factors.length; i++) {
    const a = factors[i]!;
    const m = factors[(i * 7 + 3) % factors.length]!;
    const expected = Number((BigInt(a) * BigInt(m)) >> 32n);
    assert.equal(mulhi32(a | 0, m >>> 16, m & 0xffff) >>> 0, expected, `mulhi32(${a}, ${m})`);
  }
});

test("roundKeys bumps the key by the Weyl constants each round", () => {
  const rk = roundKeys([1, 2]);
  assert.equal(rk.length, 20);
  assert.equal(rk[0], 1);
  assert.equal(rk[1], 2);
  assert.equal(rk[2]! >>> 0, (1 + 0x9e3779b9) >>> 0);
  assert.equal(rk[19]! >>> 0, (2 + 9 * 0xbb67ae85) % 2 ** 32);
});
