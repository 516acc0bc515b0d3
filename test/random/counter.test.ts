// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { ElementWords, double53, float24, uniforms53, words32 } from "../../src/kernels/ts/random/counter.js";
import { philox4x32, roundKeys } from "../../src/kernels/ts/random/philox.js";

const rk = roundKeys([0x01234567, 0x89abcdef]);
const STREAM = 0xdeadbeef;
// Run starts at even and odd indices, around the 2^32 wrap of counter word 0 for 2 and 4 lanes,
// and just below 2^53.
const STARTS = [0, 1, 2, 3, 997, 2 ** 33 - 5, 2 ** 34 - 7, 2 ** 53 - 20];

function philoxWords(c0: number, c1: number, c2: number, c3: number): number[] {
  const out = new Int32Array(4);
  philox4x32(c0 | 0, c1 | 0, c2 | 0, c3 | 0, rk, out);
  return Array.from(out, (w) => w >>> 0);
}

test("element i's first words are lane i mod L of counter ⌊i/L⌋, draw 0", () => {
  for (const i of [0, 5, 2 ** 32 + 3, 2 ** 53 - 1]) {
    for (const lanes of [1, 2, 4] as const) {
      const w = new ElementWords(rk, STREAM, lanes);
      w.start(i);
      const j = Math.floor(i / lanes);
      const block = philoxWords(j % 2 ** 32, Math.floor(j / 2 ** 32), STREAM, 0);
      const width = 4 / lanes;
      const lane = block.slice((i % lanes) * width, (i % lanes + 1) * width);
      assert.deepEqual(Array.from({ length: width }, () => w.next()), lane);
      // Then all four words of the element's own counter, draw 1, 2, ...
      assert.deepEqual([w.next(), w.next(), w.next(), w.next()], philoxWords(i % 2 ** 32, Math.floor(i / 2 ** 32), STREAM, 1));
      assert.equal(w.next(), philoxWords(i % 2 ** 32, Math.floor(i / 2 ** 32), STREAM, 2)[0]);
    }
  }
});

test("resume skips the lane words and continues with draw 1", () => {
  const a = new ElementWords(rk, STREAM, 4);
  const b = new ElementWords(rk, STREAM, 4);
  a.start(77);
  a.next();
  b.resume(77);
  for (let k = 0; k < 9; k++) assert.equal(b.next(), a.next());
});

test("uniforms53 agrees with ElementWords for runs starting anywhere", () => {
  const w = new ElementWords(rk, STREAM, 2);
  for (const first of STARTS) {
    for (const count of [1, 2, 3, 10]) {
      const dst = new Float64Array(count);
      uniforms53(rk, STREAM, first, count, dst);
      for (let t = 0; t < count; t++) {
        w.start(first + t);
        assert.equal(dst[t], w.nextDouble(), `element ${first + t}`);
      }
    }
  }
});

test("words32 agrees with ElementWords for runs starting anywhere", () => {
  const w = new ElementWords(rk, STREAM, 4);
  for (const first of STARTS) {
    for (const count of [1, 3, 4, 5, 11]) {
      const dst = new Int32Array(count);
      words32(rk, STREAM, first, count, dst);
      for (let t = 0; t < count; t++) {
        w.start(first + t);
        assert.equal(dst[t]! >>> 0, w.next(), `element ${first + t}`);
      }
    }
  }
});

test("double53 and float24 cover [0, 1) on their grids", () => {
  assert.equal(double53(0, 0), 0);
  assert.equal(double53(0xffffffff, 0xffffffff), 1 - 2 ** -53);
  assert.equal(double53(0x80000000, 0), 0.5);
  assert.equal(float24(0), 0);
  assert.equal(float24(0xffffffff), 1 - 2 ** -24);
  assert.equal(Math.fround(float24(0xffffffff)), 1 - 2 ** -24, "exact in float32");
});
