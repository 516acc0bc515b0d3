// SPDX-License-Identifier: Apache-2.0
/**
 * The validating constructors of `RandomDistribution`: what `nt.random`'s Generator methods call,
 * synchronously, before anything is scheduled. They apply NumPy's defaults and raise NumPy's
 * messages (checked against NumPy in test/random/validate.test.ts), prefixed with the method and
 * followed by the value given. `validateDistribution` is the same check on a built spec; the
 * kernel repeats it, since attrs may come from anywhere.
 *
 * Output dtypes: numts has no int64, so integer-valued samples go to any integer dtype the values
 * fit (checked here from the parameters) or to float64, which holds integers exactly to 2^53.
 */
import { type Dtype, isDtype } from "../../../array/dtype.js";
import { DtypeError, OverflowError } from "../../../errors.js";
import type { RandomDistribution } from "../../manifest.js";
import { integerRange } from "../../../array/promotion.js";

type Name = RandomDistribution["name"];

const FLOATS: readonly Dtype[] = ["float64", "float32"];
const COUNTS: readonly Dtype[] = ["int8", "uint8", "int16", "uint16", "int32", "uint32", "float64"];

/** The dtypes each distribution writes. */
export const RANDOM_DTYPES: Readonly<Record<Name, readonly Dtype[]>> = {
  random: FLOATS,
  uniform: ["float64"],
  normal: FLOATS,
  exponential: FLOATS,
  integers: ["bool", ...COUNTS],
  poisson: COUNTS,
  binomial: COUNTS,
};


const TWO_POW_53 = 2 ** 53;
/** NumPy's POISSON_LAM_MAX for its int64 output: INT64_MAX - 10·sqrt(INT64_MAX). */
const NUMPY_POISSON_LAM_MAX = 9.223372006484771e18;

/** The largest lam whose samples fit `dtype`, NumPy's rule (max - 10·sqrt(max)) for its maximum. */
export function poissonLamMax(dtype: Dtype): number {
  if (dtype === "float64") return NUMPY_POISSON_LAM_MAX;
  const max = integerRange(dtype)![1];
  return max - 10 * Math.sqrt(max);
}

function fail(method: string, message: string, got: string): never {
  throw new RangeError(`${method}: ${message} (got ${got})`);
}

function requireNumber(method: string, arg: string, value: unknown): number {
  if (typeof value !== "number") throw new TypeError(`${method}: ${arg} must be a number (got ${String(value)})`);
  return value;
}

function requireInteger(method: string, arg: string, value: unknown): number {
  const v = requireNumber(method, arg, value);
  if (!Number.isInteger(v)) throw new TypeError(`${method}: ${arg} must be an integer (got ${v})`);
  return v;
}

/** Throws unless `dist` is a valid distribution written as `dtype` (NumPy's checks and messages). */
export function validateDistribution(dist: RandomDistribution, dtype: Dtype): void {
  const method = dist.name;
  if (!Object.prototype.hasOwnProperty.call(RANDOM_DTYPES, method)) {
    throw new TypeError(`random: unknown distribution ${JSON.stringify(method)}`);
  }
  if (!isDtype(dtype) || !RANDOM_DTYPES[method].includes(dtype)) {
    const expected = RANDOM_DTYPES[method].join(", ");
    throw new DtypeError(`${method}: Unsupported dtype ${String(dtype)} for ${method} (expected one of ${expected})`);
  }
  switch (dist.name) {
    case "random":
      return;
    case "uniform": {
      const range = requireNumber(method, "high", dist.high) - requireNumber(method, "low", dist.low);
      if (!Number.isFinite(range)) {
        const got = `low=${dist.low}, high=${dist.high}`;
        throw new OverflowError(`uniform: high - low range exceeds valid bounds (got ${got})`);
      }
      if (range < 0) fail(method, "high - low < 0", `low=${dist.low}, high=${dist.high}`);
      return;
    }
    case "normal":
      requireNumber(method, "loc", dist.loc);
      checkScale(method, dist.scale);
      return;
    case "exponential":
      checkScale(method, dist.scale);
      return;
    case "integers":
      checkIntegers(dist.low, dist.high, dist.endpoint, dtype);
      return;
    case "poisson": {
      const lam = requireNumber(method, "lam", dist.lam);
      if (!(lam >= 0)) fail(method, "lam < 0 or lam is NaN", `lam=${lam}`);
      const max = poissonLamMax(dtype);
      if (lam > max) fail(method, "lam value too large", `lam=${lam}; with ${dtype} samples at most ${max}`);
      return;
    }
    case "binomial": {
      const n = requireInteger(method, "n", dist.n);
      const p = requireNumber(method, "p", dist.p);
      if (n < 0) fail(method, "n < 0", `n=${n}`);
      if (n > integerRange(dtype)![1]) {
        throw new OverflowError(`binomial: n is out of bounds for ${dtype} (got n=${n})`);
      }
      if (!(p >= 0 && p <= 1)) fail(method, "p < 0, p > 1 or p is NaN", `p=${p}`);
      return;
    }
  }
}

/** NumPy rejects scale < 0 by its sign bit, so -0 too; NaN passes and gives NaN samples. */
function checkScale(method: string, scale: unknown): void {
  const s = requireNumber(method, "scale", scale);
  if (s < 0 || Object.is(s, -0)) fail(method, "scale < 0", `scale=${Object.is(s, -0) ? "-0" : s}`);
}

function checkIntegers(lowArg: unknown, highArg: unknown, endpoint: boolean, dtype: Dtype): void {
  const low = requireInteger("integers", "low", lowArg);
  const high = requireInteger("integers", "high", highArg);
  const max = endpoint ? high : high - 1;
  if (max < low) fail("integers", endpoint ? "low > high" : "low >= high", `low=${low}, high=${high}`);
  const [lo, hi] = integerRange(dtype)!;
  if (low < lo) throw new OverflowError(`integers: low is out of bounds for ${dtype} (got low=${low})`);
  if (max > hi) {
    throw new OverflowError(`integers: high is out of bounds for ${dtype} (got high=${high}, endpoint=${endpoint})`);
  }
  if (max - low + 1 > TWO_POW_53) {
    const got = `low=${low}, high=${high}`;
    throw new OverflowError(`integers: high - low exceeds 2**53, the largest range numts samples (got ${got})`);
  }
}

/** `random(dtype)`: uniform floats in [0, 1), 53 random bits (24 for float32). */
export function randomDistribution(dtype: Dtype = "float64"): RandomDistribution {
  return checked({ name: "random" }, dtype);
}

/** `uniform(low, high)`: low + (high - low)·random(), in [low, high). */
export function uniformDistribution(low = 0, high = 1): RandomDistribution {
  return checked({ name: "uniform", low, high }, "float64");
}

/** `normal(loc, scale)`; `standardNormal(dtype)` is normal(0, 1), bit for bit. */
export function normalDistribution(loc = 0, scale = 1, dtype: Dtype = "float64"): RandomDistribution {
  return checked({ name: "normal", loc, scale }, dtype);
}

/** `exponential(scale)`; `standardExponential(dtype)` is exponential(1). */
export function exponentialDistribution(scale = 1, dtype: Dtype = "float64"): RandomDistribution {
  return checked({ name: "exponential", scale }, dtype);
}

/**
 * `integers(low, high?, endpoint)` with NumPy's one-argument form: integers(h) samples [0, h).
 * numts has no int64, so the API must choose `dtype` (NumPy's default is int64).
 */
export function integersDistribution(
  low: number,
  high: number | undefined,
  endpoint: boolean,
  dtype: Dtype,
): RandomDistribution {
  if (high === undefined) {
    const h = requireInteger("integers", "high", low);
    if (h <= 0 && !endpoint) fail("integers", "high <= 0", `high=${h}`);
    if (h < 0) fail("integers", "high < 0", `high=${h}`);
    return checked({ name: "integers", low: 0, high: h, endpoint }, dtype);
  }
  return checked({ name: "integers", low, high, endpoint }, dtype);
}

/** `poisson(lam)`. */
export function poissonDistribution(lam = 1, dtype: Dtype = "float64"): RandomDistribution {
  return checked({ name: "poisson", lam }, dtype);
}

/** `binomial(n, p)`. */
export function binomialDistribution(n: number, p: number, dtype: Dtype = "float64"): RandomDistribution {
  return checked({ name: "binomial", n, p }, dtype);
}

function checked(dist: RandomDistribution, dtype: Dtype): RandomDistribution {
  validateDistribution(dist, dtype);
  return dist;
}
