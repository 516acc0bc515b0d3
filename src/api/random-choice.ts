// SPDX-License-Identifier: Apache-2.0
/**
 * `Generator.choice`: samples from `arange(a)` or from a 1-D array, composed from the layout-
 * independent building blocks (docs/random.md): uniform integers (with replacement), a random
 * permutation (without), inverse-CDF sampling by `searchsorted` (with probabilities), and the
 * Efraimidis–Spirakis keys with a distributed argsort (probabilities, without replacement).
 */
import { NDArray } from "../array/ndarray.js";
import { sizeOf } from "../array/shape.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, toLocal } from "./convert.js";
import { reshape } from "./reshape.js";
import { take } from "./indexing/take.js";
import { searchsorted } from "./searchsorted.js";
import { argsort } from "./sort.js";
import { divide } from "./ufuncs.js";
import { array } from "./creation.js";
import type { Generator, Size } from "./random.js";

export interface ChoiceOptions {
  replace?: boolean;
  /** Probabilities of each entry of `a` (local data: validated at once, like NumPy). */
  p?: ArrayLike;
  blockShape?: readonly number[];
}

/** Square root of float64 epsilon: NumPy's tolerance on the sum of `p`. */
const P_SUM_TOLERANCE = Math.sqrt(2 ** -52);

function population(a: number | ArrayLike): { n: number; values: ArrayLike | null } {
  if (typeof a === "number") {
    if (!Number.isInteger(a)) throw new TypeError(`choice: a must be an integer or an array, got ${a}`);
    return { n: a, values: null };
  }
  const local = toLocal(a, "choice: a");
  const shape = local ? local.shape : (a as BlockArray).shape;
  if (shape.length !== 1) throw new RangeError("choice: a must be 1-dimensional");
  return { n: shape[0]!, values: a };
}

/** Validates probabilities like NumPy and returns them as a local float64 NDArray. */
function probabilities(p: ArrayLike, n: number): NDArray {
  const local = toLocal(p, "choice: p");
  if (!local) throw new TypeError("choice: p must be local data (a JS array, TypedArray or NDArray)");
  if (local.shape.length !== 1) throw new RangeError("choice: p must be 1-dimensional");
  if (local.size !== n) throw new RangeError("choice: a and p must have same size");
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = Number(local.data[i]);
    if (Number.isNaN(v)) throw new RangeError("choice: probabilities contain NaN");
    if (v < 0) throw new RangeError("choice: probabilities are not non-negative");
    total += v;
  }
  if (Math.abs(total - 1) > P_SUM_TOLERANCE) throw new RangeError("choice: probabilities do not sum to 1");
  return new NDArray(Float64Array.from(local.data, Number), [n], "float64");
}

export function choice(rng: Generator, a: number | ArrayLike, size: Size, options: ChoiceOptions): BlockArray {
  const { n, values } = population(a);
  const shape = size === null || size === undefined ? [] : typeof size === "number" ? [size] : [...size];
  const count = sizeOf(shape);
  const replace = options.replace ?? true;
  if (n < 0) throw new RangeError("choice: a must be a positive integer unless no samples are taken");
  if (n === 0 && count > 0) {
    throw new RangeError(values ? "choice: a cannot be empty unless no samples are taken" : "choice: a must be a positive integer unless no samples are taken");
  }
  if (!replace && count > n) throw new RangeError("choice: Cannot take a larger sample than population when replace is False");
  const p = options.p === undefined ? null : probabilities(options.p, n);
  if (p && !replace && [...p.data].filter((v) => v > 0).length < count) {
    throw new RangeError("choice: Fewer non-zero entries in p than size");
  }
  const idx = indices(rng, n, shape, count, replace, p, options.blockShape);
  if (values === null) return idx;
  const out = take(values, idx);
  idx.dispose();
  return out;
}

/** The sampled positions (int32) in the requested shape. */
function indices(rng: Generator, n: number, shape: number[], count: number, replace: boolean, p: NDArray | null, blockShape?: readonly number[]): BlockArray {
  if (replace && p === null) return rng.integers(0, Math.max(n, 1), shape, { blockShape });
  if (replace && p !== null) {
    // NumPy's inverse-CDF method, cdf = cumsum(p) / cdf[-1] (p is local and small), then
    // searchsorted(cdf, u, side="right") for uniform u — distributed over the samples.
    const cdf = array(localCdf(p));
    const u = rng.random(shape, { blockShape });
    const found = searchsorted(cdf, u, { side: "right" });
    cdf.dispose();
    u.dispose();
    const out = found.astype("int32");
    found.dispose();
    return out;
  }
  // Without replacement: the first `count` positions of a random order — a permutation, or the
  // smallest Efraimidis–Spirakis keys E/p (exponential E) with probabilities.
  let order: BlockArray;
  if (p === null) {
    order = rng.permutation(n);
  } else {
    const keys = divide(rng.standardExponential(n), array(p));
    order = argsort(keys);
    keys.dispose();
  }
  const head = order.get(`:${count}`);
  order.dispose();
  const out = reshape(head.astype("int32"), shape);
  head.dispose();
  return out;
}

/** cumsum(p) / cumsum(p)[-1], sequentially like NumPy. */
function localCdf(p: NDArray): NDArray {
  const cdf = new Float64Array(p.size);
  let acc = 0;
  for (let i = 0; i < p.size; i++) cdf[i] = acc += Number(p.data[i]);
  for (let i = 0; i < p.size; i++) cdf[i]! /= acc;
  return new NDArray(cdf, [p.size], "float64");
}
