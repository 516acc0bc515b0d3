// SPDX-License-Identifier: Apache-2.0
/**
 * Layout-independent random permutations, by the bucketed shuffle of Rao (1961) and Sandelius
 * (1962) as parallelized by P. Sanders ("Random permutations on distributed, external and
 * hierarchical memory", Information Processing Letters 67, 1998):
 *
 * 1. element i (i < n) draws a bucket b_i uniform in [0, B), B = ⌈n / PERMUTATION_BUCKET_SIZE⌉:
 *    element i of `integers(0, B)` under stream s;
 * 2. the buckets are concatenated in bucket order, each holding its elements in index order (a
 *    stable counting sort; distributed, one all-to-all exchange);
 * 3. the bucket starting at output position o is shuffled by Fisher–Yates, the swap partner of
 *    position o + t being uniform in [0, t]: Lemire's method on the words of element o + t under
 *    stream s + 1 (4 lanes, as `integers`).
 *
 * Given uniform buckets and uniform shuffles the result is exactly a uniform permutation (as Sanders
 * proves), it costs O(n) rather than a sort's O(n log n), and every step depends only on
 * (key, s, n): never on blocks or nodes. For n <= PERMUTATION_BUCKET_SIZE it is one Fisher–Yates
 * shuffle. docs/random.md describes how `permutation` and `choice` compose it.
 */
import type { TypedArray } from "../../../array/dtype.js";
import type { RandomDistribution } from "../../manifest.js";
import { ElementWords, words32 } from "./counter.js";
import { makeSampler } from "./fill.js";
import { lemireBelow, lemireTry } from "./integers.js";
import { type PhiloxKey, roundKeys } from "./philox.js";
import { CHUNK, scratchWords } from "./sampler.js";

/** Elements per bucket (on average). Part of the stream contract: changing it changes permutations. */
export const PERMUTATION_BUCKET_SIZE = 2 ** 20;

/** Largest n that `permutationLocal` serves (its output and bucket ids take 12 bytes per element). */
export const LOCAL_PERMUTATION_MAX = 2 ** 26;

/** Streams a permutation consumes: s for the buckets, s + 1 for the shuffles. */
export const PERMUTATION_STREAMS = 2;

/** B = ⌈n / bucketSize⌉ (at least 1). */
export function permutationBucketCount(n: number, bucketSize = PERMUTATION_BUCKET_SIZE): number {
  return Math.max(1, Math.ceil(n / bucketSize));
}

/** Step 1's distribution: the bucket of each element, integers(0, B), sampled under stream s. */
export function bucketDistribution(n: number, bucketSize = PERMUTATION_BUCKET_SIZE): RandomDistribution {
  return { name: "integers", low: 0, high: permutationBucketCount(n, bucketSize), endpoint: false };
}

/**
 * Step 3: shuffles `values[0 … length)` in place, the bucket whose first element sits at output
 * position `offset`; `stream` is the permutation's s + 1.
 */
export function shuffleBucket(values: TypedArray, offset: number, key: PhiloxKey, stream: number): void {
  const rk = roundKeys(key);
  const words = new ElementWords(rk, stream, 4);
  const w = scratchWords;
  // Positions t = length-1 … 1, in chunks whose first words come from the fast 4-lane loop.
  for (let top = values.length - 1; top >= 1; top -= CHUNK) {
    const base = Math.max(1, top - CHUNK + 1);
    words32(rk, stream, offset + base, top - base + 1, w);
    for (let t = top; t >= base; t--) {
      let r = lemireTry(w[t - base]!, t + 1);
      if (r < 0) {
        words.resume(offset + t);
        r = lemireBelow(words, t + 1);
      }
      const v = values[t]!;
      values[t] = values[r]!;
      values[r] = v;
    }
  }
}

/**
 * permutation(n) in one process, by the three steps above: the reference the distributed version
 * must equal, and the implementation until it exists (n <= LOCAL_PERMUTATION_MAX). Indices are
 * float64, numts's index dtype. `stream` is s; the permutation uses s and s + 1.
 */
export function permutationLocal(
  n: number,
  key: PhiloxKey,
  stream: number,
  bucketSize = PERMUTATION_BUCKET_SIZE,
): Float64Array {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`permutation: n must be a non-negative integer (got ${n})`);
  }
  if (n > LOCAL_PERMUTATION_MAX) {
    const max = LOCAL_PERMUTATION_MAX;
    throw new RangeError(`permutation: n = ${n} exceeds ${max}, the largest permutation computed on one worker`);
  }
  const buckets = permutationBucketCount(n, bucketSize);
  const bucketOf = new Int32Array(n);
  makeSampler(bucketDistribution(n, bucketSize), "int32", key, stream).fill(bucketOf, 0, 0, n);
  // Stable counting sort of the indices by bucket.
  const starts = new Float64Array(buckets + 1);
  for (let i = 0; i < n; i++) starts[bucketOf[i]! + 1]!++;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const next = starts.slice(0, buckets);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[next[bucketOf[i]!]!++] = i;
  for (let b = 0; b < buckets; b++) {
    shuffleBucket(out.subarray(starts[b]!, starts[b + 1]!), starts[b]!, key, stream + 1);
  }
  return out;
}
