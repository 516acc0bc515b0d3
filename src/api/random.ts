// SPDX-License-Identifier: Apache-2.0
/**
 * `nt.random`: NumPy's Generator API over a counter-based generator (docs/random.md). Every element
 * is a pure function of (seed, call, global index), so a random array is bit-identical for every
 * block shape and node count. Integer-valued methods default to int32 (numts has no int64).
 *
 * @example
 * const rng = nt.random.defaultRng(42);
 * const x = rng.normal(0, 1, [1000, 10]);
 */
import { type Dtype, parseDtype } from "../array/dtype.js";
import { parseShape } from "../array/shape.js";
import type { RandomDistribution } from "../kernels/manifest.js";
import {
  LOCAL_PERMUTATION_MAX,
  PERMUTATION_STREAMS,
  RandomStreams,
  binomialDistribution,
  exponentialDistribution,
  integersDistribution,
  normalDistribution,
  poissonDistribution,
  randomDistribution,
  uniformDistribution,
} from "../kernels/ts/random/index.js";
import { generate } from "../plan/creation.js";
import type { BlockArray } from "./block-array.js";
import { defaultGrid, wrap } from "./convert.js";
import { checkFits } from "./memory-check.js";
import type { ArrayLike } from "./convert.js";
import { type ChoiceOptions, choice } from "./random-choice.js";

export type Size = number | readonly number[] | null | undefined;

export interface SampleOptions {
  dtype?: Dtype;
  blockShape?: readonly number[];
}

export interface IntegersOptions extends SampleOptions {
  endpoint?: boolean;
}

function shapeOf(size: Size, method: string): number[] {
  return size === null || size === undefined ? [] : parseShape(size, `${method}: size`);
}

/** NumPy's `Generator`: draws arrays of the requested size; see docs/random.md for the streams. */
export class Generator {
  private readonly streams: RandomStreams;

  constructor(seed?: number | bigint) {
    this.streams = new RandomStreams(seed);
  }

  /** The seed (drawn from the OS when none was given), to repeat a run. */
  get seed(): number | bigint {
    return this.streams.seed;
  }

  private sample(method: string, distribution: (dtype: Dtype) => RandomDistribution, size: Size, options: SampleOptions, fallback: Dtype): BlockArray {
    const shape = shapeOf(size, method);
    const dtype = options.dtype === undefined ? fallback : parseDtype(options.dtype, `${method}: dtype`);
    const dist = distribution(dtype); // validates with NumPy's messages before a stream is taken
    checkFits(shape, dtype, method);
    const grid = defaultGrid(shape, dtype, options.blockShape);
    const stream = this.streams.take();
    return wrap(generate(grid, dtype, { kind: "random", key: this.streams.key, stream, distribution: dist }));
  }

  /** Floats uniform in [0, 1) (float64 or float32). */
  random(size?: Size, options: SampleOptions = {}): BlockArray {
    return this.sample("random", (dt) => randomDistribution(dt), size, options, "float64");
  }

  uniform(low = 0, high = 1, size?: Size, options: SampleOptions = {}): BlockArray {
    return this.sample("uniform", () => uniformDistribution(low, high), size, options, "float64");
  }

  normal(loc = 0, scale = 1, size?: Size, options: SampleOptions = {}): BlockArray {
    return this.sample("normal", (dt) => normalDistribution(loc, scale, dt), size, options, "float64");
  }

  standardNormal(size?: Size, options: SampleOptions = {}): BlockArray {
    return this.sample("standardNormal", (dt) => normalDistribution(0, 1, dt), size, options, "float64");
  }

  exponential(scale = 1, size?: Size, options: SampleOptions = {}): BlockArray {
    return this.sample("exponential", (dt) => exponentialDistribution(scale, dt), size, options, "float64");
  }

  standardExponential(size?: Size, options: SampleOptions = {}): BlockArray {
    return this.sample("standardExponential", (dt) => exponentialDistribution(1, dt), size, options, "float64");
  }

  /** Integers in [low, high) (or [0, low) with one bound; [low, high] with `endpoint`). */
  integers(low: number, high?: number | null, size?: Size, options: IntegersOptions = {}): BlockArray {
    const hi = high === null ? undefined : high;
    return this.sample("integers", (dt) => integersDistribution(low, hi, options.endpoint ?? false, dt), size, options, "int32");
  }

  poisson(lam = 1, size?: Size, options: SampleOptions = {}): BlockArray {
    return this.sample("poisson", (dt) => poissonDistribution(lam, dt), size, options, "int32");
  }

  binomial(n: number, p: number, size?: Size, options: SampleOptions = {}): BlockArray {
    return this.sample("binomial", (dt) => binomialDistribution(n, p, dt), size, options, "int32");
  }

  /**
   * Samples from `arange(a)` (an integer `a`) or from a 1-D array, with or without replacement,
   * optionally with probabilities `p` (api/random-choice.ts).
   */
  choice(a: number | ArrayLike, size?: Size, options: ChoiceOptions = {}): BlockArray {
    return choice(this, a, size, options);
  }

  /**
   * A random permutation of `arange(n)` (int32). Computed on one worker for now, up to 2^26
   * elements (docs/random.md); the result is then laid out like any array.
   */
  permutation(n: number, options: { blockShape?: readonly number[] } = {}): BlockArray {
    if (!Number.isSafeInteger(n) || n < 0) throw new TypeError(`permutation: x must be a non-negative integer, got ${n}`);
    if (n > LOCAL_PERMUTATION_MAX) {
      throw new RangeError(`permutation: n = ${n} is larger than ${LOCAL_PERMUTATION_MAX}, the largest permutation numts computes on one worker`);
    }
    const stream = this.streams.take(PERMUTATION_STREAMS);
    const whole = defaultGrid([n], "int32", [Math.max(1, n)]);
    const perm = wrap(generate(whole, "int32", { kind: "permutation", key: this.streams.key, stream, n }));
    const grid = defaultGrid([n], "int32", options.blockShape);
    if (grid.numBlocks <= 1) return perm;
    const out = perm.rechunk(grid.blockShape);
    perm.dispose();
    return out;
  }
}

/** `np.random.default_rng(seed)`: a new Generator (seeded from the OS when `seed` is omitted). */
export function defaultRng(seed?: number | bigint): Generator {
  return new Generator(seed);
}
