// SPDX-License-Identifier: Apache-2.0
/**
 * Philox4x32-10 (Salmon, Moraes, Dror and Shaw, "Parallel random numbers: as easy as 1, 2, 3",
 * SC'11): a keyed bijection of a 128-bit counter, so the random words at any counter are computed
 * directly, without stepping a state. That is what lets every block of an array generate its own
 * elements, in any order, on any node. The constants and the round and key schedule are those of
 * Random123's philox.h; test/random/philox.test.ts checks its known-answer vectors.
 *
 * All arithmetic stays in int32 (Math.imul, shifts, xor), which V8 keeps in registers: words are
 * int32 bit patterns, and `>>> 0` reads one as unsigned.
 */

/** The two round multipliers, split into 16-bit halves for `mulhi32`. */
const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const M0_HI = M0 >>> 16;
const M0_LO = M0 & 0xffff;
const M1_HI = M1 >>> 16;
const M1_LO = M1 & 0xffff;
/** The Weyl increments of the key schedule (golden ratio and sqrt(3) - 1, as 32-bit fractions). */
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

export const PHILOX_ROUNDS = 10;

/** A Philox4x32 key: two unsigned 32-bit words. */
export type PhiloxKey = readonly [number, number];

/**
 * The key of each of the ten rounds, `[k0, k1]` for round r at `[2r, 2r + 1]`: Philox bumps the key
 * by (W0, W1) between rounds, so this is computed once per block instead of once per counter.
 */
export function roundKeys(key: PhiloxKey): Int32Array {
  const rk = new Int32Array(2 * PHILOX_ROUNDS);
  let k0 = key[0] | 0;
  let k1 = key[1] | 0;
  for (let r = 0; r < PHILOX_ROUNDS; r++) {
    rk[2 * r] = k0;
    rk[2 * r + 1] = k1;
    k0 = (k0 + W0) | 0;
    k1 = (k1 + W1) | 0;
  }
  return rk;
}

/**
 * The high 32 bits of the 64-bit product a·m of unsigned 32-bit words, m given as 16-bit halves:
 * the schoolbook sum of four 16×16-bit partial products, carrying the middle column. (A float64
 * product has only 53 bits; splitting through float64 instead measured about half as fast.)
 */
export function mulhi32(a: number, mHi: number, mLo: number): number {
  const aHi = a >>> 16;
  const aLo = a & 0xffff;
  const lh = Math.imul(aLo, mHi);
  const hl = Math.imul(aHi, mLo);
  const carry = ((Math.imul(aLo, mLo) >>> 16) + (lh & 0xffff) + (hl & 0xffff)) >>> 16;
  return (Math.imul(aHi, mHi) + (lh >>> 16) + (hl >>> 16) + carry) | 0;
}

/**
 * Philox4x32-10 of the counter (c0, c1, c2, c3) under the round keys `rk` (see `roundKeys`): writes
 * the four output words, as int32 bit patterns, to out[0..3].
 */
export function philox4x32(c0: number, c1: number, c2: number, c3: number, rk: Int32Array, out: Int32Array): void {
  for (let r = 0; r < 2 * PHILOX_ROUNDS; r += 2) {
    const hi0 = mulhi32(c0, M0_HI, M0_LO);
    const hi1 = mulhi32(c2, M1_HI, M1_LO);
    const lo0 = Math.imul(M0, c0);
    const lo1 = Math.imul(M1, c2);
    c0 = hi1 ^ c1 ^ rk[r]!;
    c1 = lo1;
    c2 = hi0 ^ c3 ^ rk[r + 1]!;
    c3 = lo0;
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}
