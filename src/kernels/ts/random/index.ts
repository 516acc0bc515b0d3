// SPDX-License-Identifier: Apache-2.0
/**
 * The counter-based random core of `nt.random` (docs/random.md): Philox4x32-10 keyed by the seed,
 * counters indexed by (global element, stream, draw), NumPy's distributions on top, and the
 * bucketed shuffle for permutations. Every value is a pure function of (seed, stream, index).
 */
export { type PhiloxKey, philox4x32, roundKeys } from "./philox.js";
export { MAX_STREAMS, RandomStreams, type Seed, freshSeed, parseSeed, seedKey } from "./seed.js";
export {
  RANDOM_DTYPES,
  binomialDistribution,
  exponentialDistribution,
  integersDistribution,
  normalDistribution,
  poissonDistribution,
  poissonLamMax,
  randomDistribution,
  uniformDistribution,
  validateDistribution,
} from "./distributions.js";
export { fillRandom, makeSampler } from "./fill.js";
export type { Sampler } from "./sampler.js";
export {
  LOCAL_PERMUTATION_MAX,
  PERMUTATION_BUCKET_SIZE,
  PERMUTATION_STREAMS,
  bucketDistribution,
  permutationBucketCount,
  permutationLocal,
  shuffleBucket,
} from "./permutation.js";
