// SPDX-License-Identifier: Apache-2.0
/**
 * The natural logarithm the random transforms use (normal tails, exponential), written out so
 * that native/random/log.h can repeat it operation for operation: `Math.log` is whatever the
 * engine ships (V8's port of one libm, glibc's another), so a kernel calling it could not be
 * matched bit for bit by the native kernels. Both versions use only IEEE-754 +, -, ×, ÷ in the
 * same order (the addon is built without FMA contraction), so they agree exactly.
 *
 * Domain: normal doubles in (0, 1] — the samplers take the log of p in [2^-54, 1/2] or of
 * 1 - u in (0, 1]. The method is the classical one: x = 2^k·m with m in [√2/2, √2), f = m - 1
 * (exact), s = f / (2 + f), and log(1 + f) = 2·atanh(s) = 2s + s·R(s²) with the series
 * R(z) = Σ 2zⁿ/(2n + 1), here to n = 10 (the first term left out is below 1e-18 relative, since
 * z <= 0.0295). 2s is rewritten as f - f²/2 + s·f²/2 and k·ln 2 is split into an exact head and
 * a tail, so the result is within about one ulp (test/random/log.test.ts measures it).
 */

/** ln 2 rounded to 32 significant bits (k·LN2_HI is exact for |k| < 2^21) and the remainder. */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;

/** 2/(2n + 1) for n = 1..10, the coefficients of R(z). */
const R1 = 0.6666666666666666;
const R2 = 0.4;
const R3 = 0.2857142857142857;
const R4 = 0.2222222222222222;
const R5 = 0.18181818181818182;
const R6 = 0.15384615384615385;
const R7 = 0.13333333333333333;
const R8 = 0.11764705882352941;
const R9 = 0.10526315789473684;
const R10 = 0.09523809523809523;

/** Top 20 mantissa bits of √2: larger mantissas count toward the next power of two. */
const SQRT2_MANTISSA = 0x6a09e;

/** 2^j for j = 0..1023: m = x·2^-k is an exact scaling (one store and load fewer than bit surgery). */
const POW2 = new Float64Array(1024).map((_, j) => 2 ** j);

const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);
/** Index of the high (sign, exponent, top mantissa) word of a float64 in `words`. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** log(x) for a normal x in (0, 1], i.e. 2^-1022 <= x <= 1 (see the file comment). */
export function logPositive(x: number): number {
  bits[0] = x;
  const hi = words[HI]!;
  let k = (hi >> 20) - 1023;
  if ((hi & 0xfffff) > SQRT2_MANTISSA) k++;
  const f = x * POW2[-k]! - 1;
  const s = f / (2 + f);
  const z = s * s;
  // R(z) as odd and even halves in w = z², two short Horner chains instead of one long one.
  const w = z * z;
  const r = z * (R1 + w * (R3 + w * (R5 + w * (R7 + w * R9)))) + w * (R2 + w * (R4 + w * (R6 + w * (R8 + w * R10))));
  const hfsq = 0.5 * f * f;
  return k * LN2_HI + (f - (hfsq - (s * (hfsq + r) + k * LN2_LO)));
}
