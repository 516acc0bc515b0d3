// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { RandomDistribution } from "../../src/kernels/manifest.js";
import {
  binomialDistribution,
  exponentialDistribution,
  integersDistribution,
  makeSampler,
  normalDistribution,
  poissonDistribution,
  poissonLamMax,
  randomDistribution,
  uniformDistribution,
  validateDistribution,
} from "../../src/kernels/ts/random/index.js";
import { decodeNumber, reference } from "./fixtures.js";

/** NumPy's error class → the built-in class numts's error extends. */
const BASE: Record<string, typeof Error> = { ValueError: RangeError, OverflowError: RangeError, TypeError: TypeError };

/** NumPy prints dtypes as dtype('int32'); numts as int32. */
function numtsWording(message: string): string {
  return message.replace(/dtype\('(\w+)'\)/g, "$1");
}

function decodeSpec(spec: Record<string, unknown>): RandomDistribution {
  return Object.fromEntries(Object.entries(spec).map(([k, v]) => [k, decodeNumber(v)])) as unknown as RandomDistribution;
}

test(`invalid parameters raise NumPy's messages (NumPy ${reference.numpy})`, () => {
  for (const [what, c] of Object.entries(reference.messages)) {
    const dist = decodeSpec(c.distribution);
    assert.throws(
      () => validateDistribution(dist, c.dtype as Dtype),
      (e: unknown) => {
        assert.ok(e instanceof BASE[c.type]!, `${what}: ${String(e)} should be a ${BASE[c.type]!.name}`);
        assert.ok(e.message.startsWith(`${dist.name}: `), `${what}: "${e.message}" names the method`);
        assert.ok(e.message.includes(numtsWording(c.message)), `${what}: "${e.message}" should contain NumPy's "${c.message}"`);
        return true;
      },
    );
  }
});

test("integers(high) without low follows NumPy's one-argument form", () => {
  for (const [what, c] of Object.entries(reference.oneArgument)) {
    assert.throws(() => integersDistribution(c.high, undefined, c.endpoint, "int32"), (e: unknown) => {
      assert.ok(e instanceof RangeError && e.message.includes(c.message), `${what}: ${String(e)} vs NumPy's "${c.message}"`);
      return true;
    });
  }
  assert.deepEqual(integersDistribution(5, undefined, false, "int32"), { name: "integers", low: 0, high: 5, endpoint: false });
});

test("the constructors apply NumPy's defaults", () => {
  assert.deepEqual(randomDistribution(), { name: "random" });
  assert.deepEqual(uniformDistribution(), { name: "uniform", low: 0, high: 1 });
  assert.deepEqual(normalDistribution(), { name: "normal", loc: 0, scale: 1 });
  assert.deepEqual(exponentialDistribution(), { name: "exponential", scale: 1 });
  assert.deepEqual(poissonDistribution(), { name: "poisson", lam: 1 });
  assert.deepEqual(binomialDistribution(10, 0.5), { name: "binomial", n: 10, p: 0.5 });
  assert.deepEqual(integersDistribution(-2, 2, true, "int8"), { name: "integers", low: -2, high: 2, endpoint: true });
});

test("numts's own limits: dtypes, integer arguments, ranges that must fit the output", () => {
  const unitUniform: RandomDistribution = { name: "uniform", low: 0, high: 1 };
  assert.throws(() => validateDistribution(unitUniform, "float32"), { name: "DtypeError", message: /Unsupported dtype float32/ });
  assert.throws(() => normalDistribution(0, 1, "int32"), { name: "DtypeError" });
  assert.throws(() => poissonDistribution(1, "bool"), { name: "DtypeError" });
  assert.throws(() => binomialDistribution(10.5, 0.5), { name: "TypeError", message: /n must be an integer \(got 10.5\)/ });
  assert.throws(() => integersDistribution(0.5, 3, false, "int32"), { name: "TypeError", message: /low must be an integer/ });
  const stringLoc = { name: "normal", loc: "0", scale: 1 } as unknown as RandomDistribution;
  assert.throws(() => validateDistribution(stringLoc, "float64"), { name: "TypeError", message: /loc must be a number/ });
  // Integer outputs must hold every possible sample.
  assert.throws(() => binomialDistribution(128, 0.5, "int8"), { name: "OverflowError", message: /n is out of bounds for int8/ });
  binomialDistribution(127, 0.5, "int8");
  assert.ok(Math.abs(poissonLamMax("int8") - (127 - 10 * Math.sqrt(127))) < 1e-12);
  assert.throws(() => poissonDistribution(15, "int8"), { message: /poisson: lam value too large/ });
  poissonDistribution(14, "int8");
  poissonDistribution(9e18, "float64");
  assert.throws(() => integersDistribution(-(2 ** 53), 0, false, "float64"), { message: /low is out of bounds for float64/ });
  assert.throws(() => validateDistribution({ name: "gamma" } as unknown as RandomDistribution, "float64"), {
    name: "TypeError",
    message: /unknown distribution "gamma"/,
  });
  assert.throws(() => normalDistribution(0, -0), { message: /scale < 0 \(got scale=-0\)/ });
  const huge = (): unknown => integersDistribution(-(2 ** 53 - 1), 2 ** 53 - 1, false, "float64");
  assert.throws(huge, { name: "OverflowError", message: /exceeds 2\*\*53/ });
  integersDistribution(-(2 ** 52), 2 ** 52, false, "float64");
});

test("makeSampler checks the key and stream it is given", () => {
  const d: RandomDistribution = { name: "random" };
  assert.throws(() => makeSampler(d, "float64", [0, 0], -1), { name: "RangeError", message: /stream/ });
  assert.throws(() => makeSampler(d, "float64", [0, 0], 2 ** 32), { name: "RangeError", message: /stream/ });
  assert.throws(() => makeSampler(d, "float64", [2 ** 32, 0], 0), { name: "RangeError", message: /key/ });
  assert.throws(() => makeSampler({ name: "poisson", lam: -1 }, "float64", [0, 0], 0), { message: /poisson: lam < 0/ });
});
