// SPDX-License-Identifier: Apache-2.0
/**
 * From a user seed to a Philox key, and the per-call stream numbers under it.
 *
 * key = SplitMix64's output function of the seed (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014): a bijection of 64-bit words with full avalanche,
 * so distinct seeds always give distinct keys, and seeds 0, 1, 2, … give unrelated-looking ones.
 * Each sampling call then takes the next stream number (counter word 2), so consecutive calls
 * `rng.random(…)` read disjoint counters and give independent arrays.
 */
import { TWO_POW_32 } from "./counter.js";
import type { PhiloxKey } from "./philox.js";

const MASK64 = (1n << 64n) - 1n;

/** A seed: a non-negative safe integer, or a bigint below 2^64. */
export type Seed = number | bigint;

/** Validates a user seed (NumPy's wording: "expected non-negative integer"). */
export function parseSeed(seed: unknown, what = "seed"): Seed {
  if (typeof seed === "bigint") {
    if (seed < 0n || seed > MASK64) {
      throw new RangeError(`${what}: expected non-negative integer below 2**64 (got ${seed})`);
    }
    return seed;
  }
  if (typeof seed !== "number" || !Number.isInteger(seed)) {
    throw new TypeError(`${what}: expected non-negative integer or bigint (got ${String(seed)})`);
  }
  if (seed < 0) throw new RangeError(`${what}: expected non-negative integer (got ${seed})`);
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`${what}: integer seeds above 2**53 - 1 lose digits; pass a bigint (got ${seed})`);
  }
  return seed;
}

/** A fresh 53-bit seed from the platform CSPRNG, for `defaultRng()` without a seed. */
export function freshSeed(): number {
  const w = new Uint32Array(2);
  globalThis.crypto.getRandomValues(w);
  return (w[0]! >>> 11) * TWO_POW_32 + w[1]!;
}

/** The Philox key of a (validated) seed: [low word, high word] of SplitMix64's mix of it. */
export function seedKey(seed: Seed): PhiloxKey {
  let z = (BigInt(seed) + 0x9e3779b97f4a7c15n) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  z ^= z >> 31n;
  return [Number(z & 0xffffffffn), Number(z >> 32n)];
}

/** Stream numbers are counter word 2: 2^32 sampling calls per generator. */
export const MAX_STREAMS = 2 ** 32;

/**
 * The driver-side state of one `nt.random.Generator`: its seed, its key and the next free stream.
 * Each sampling call takes its streams synchronously, in call order, before anything is scheduled,
 * so the numbers a program gets do not depend on when blocks run.
 */
export class RandomStreams {
  readonly seed: Seed;
  readonly key: PhiloxKey;
  private nextStream = 0;

  constructor(seed?: unknown) {
    this.seed = seed === undefined ? freshSeed() : parseSeed(seed);
    this.key = seedKey(this.seed);
  }

  /** Reserves `count` consecutive streams and returns the first. */
  take(count = 1): number {
    if (this.nextStream + count > MAX_STREAMS) {
      throw new RangeError(`random: this Generator has used all ${MAX_STREAMS} streams; create a new one`);
    }
    const first = this.nextStream;
    this.nextStream += count;
    return first;
  }
}
