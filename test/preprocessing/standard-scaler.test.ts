// SPDX-License-Identifier: Apache-2.0
/**
 * StandardScaler against scikit-learn's algorithm restated in NumPy (scripts/gen/
 * preprocessing_fixtures.py): fitted mean, var, scale and nSamplesSeen, transform and
 * inverseTransform, with NaNs, constant columns, sample weights, float32 and integer input and
 * every withMean/withStd combination, under both kernel sets, 1 and 3 nodes and three layouts.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import type { NDArray } from "../../src/array/ndarray.js";
import { assertArray, assertClose } from "../helpers/assert.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";

interface ScalerCase {
  name: string;
  X: EncodedArray;
  options: nt.preprocessing.StandardScalerOptions;
  sampleWeight: EncodedArray | null;
  mean: EncodedArray | null;
  var: EncodedArray | null;
  scale: EncodedArray | null;
  nSamplesSeen: EncodedArray;
  transform: EncodedArray;
  inverse: EncodedArray;
}

const { scaler: cases } = readFixture<{ scaler: ScalerCase[] }>("preprocessing/cases.json");

/** Statistics agree to rounding (constant columns' variances are rounding noise around 0). */
const STATS = { rtol: 1e-10, atol: 1e-20, dtype: false };

function assertOptional(actual: NDArray | null, expected: EncodedArray | null, what: string): void {
  if (expected === null) return assert.equal(actual, null, `${what} should be null`);
  assert.ok(actual, `${what} missing`);
  assertArray(actual, decodeArray(expected), STATS, what);
}

describeRuntimes("StandardScaler against the NumPy reference", () => {
  let index = 0;
  for (const c of cases) {
    const X = decodeArray(c.X);
    for (const layout of [layoutsFor(X.shape)[index++ % 3]!, layoutsFor(X.shape)[index % 3]!]) {
      test(`${c.name} [${layout.name}]`, async () => {
        using x = nt.array(X, { blockShape: layout.blockShape });
        using sw = c.sampleWeight ? nt.array(decodeArray(c.sampleWeight), { blockShape: [layout.blockShape[0]!] }) : null;
        const scaler = new nt.preprocessing.StandardScaler(c.options);
        assert.equal(await scaler.fit(x, null, { sampleWeight: sw }), scaler);
        assertOptional(scaler.mean, c.mean, "mean");
        assertOptional(scaler.var, c.var, "var");
        assertOptional(scaler.scale, c.scale, "scale");
        const seen = decodeArray(c.nSamplesSeen);
        // A count, or the total weight (rounding may differ in the last bit).
        if (seen.shape.length === 0) assertClose(scaler.nSamplesSeen as number, Number(seen.data[0]), 1e-14, "nSamplesSeen");
        else assertArray(scaler.nSamplesSeen as NDArray, seen, { dtype: false, rtol: 1e-14 }, "nSamplesSeen");
        assert.equal(scaler.nFeaturesIn, X.shape[1]);
        const expected = decodeArray(c.transform);
        const tol = expected.dtype === "float32" ? { rtol: 1e-6, atol: 1e-6 } : { rtol: 1e-9, atol: 1e-9 };
        using z = scaler.transform(x);
        assertArray(await z.toArray(), expected, tol, "transform");
        using back = scaler.inverseTransform(z);
        assertArray(await back.toArray(), decodeArray(c.inverse), { ...tol, atol: tol.atol * 1e4 }, "inverseTransform");
      });
    }
  }

  test("fitTransform is fit then transform, and a new fit replaces the old statistics", async () => {
    const scaler = new nt.preprocessing.StandardScaler();
    using z = await scaler.fitTransform([[1, 10], [3, 20], [5, 60]]);
    assert.deepEqual(await z.toNested(), await scaler.transform([[1, 10], [3, 20], [5, 60]]).toNested());
    await scaler.fit([[0], [2]], { sampleWeight: [1, 3] });
    assert.deepEqual(Array.from(scaler.mean!.data), [1.5]);
    assert.equal(scaler.nSamplesSeen, 4);
    assert.equal(scaler.nFeaturesIn, 1);
  });

  test("input errors", async () => {
    const scaler = new nt.preprocessing.StandardScaler();
    assert.throws(() => scaler.transform([[1]]), (e: Error) => e instanceof nt.NotFittedError && /This StandardScaler instance is not fitted yet/.test(e.message));
    assert.throws(() => scaler.mean, nt.NotFittedError);
    assert.throws(() => scaler.fit([1, 2, 3]), /Expected 2D array, got 1D array instead/);
    assert.throws(() => scaler.fit(nt.zeros([0, 3])), /Found array with 0 sample\(s\) \(shape=\(0, 3\)\) while a minimum of 1 is required by StandardScaler/);
    assert.throws(() => scaler.fit([[1], [2]], { sampleWeight: [1, 2, 3] }), /sampleWeight.shape == \(3,\), expected \(2,\)!/);
    await assert.rejects(scaler.fit([[1], [Infinity]]), /Input X contains infinity or a value too large for dtype\('float64'\)/);
    await assert.rejects(scaler.fit([[1], [2]], { sampleWeight: [1, NaN] }), /Input sampleWeight contains NaN/);
    await scaler.fit([[1, 2], [3, 4]]);
    assert.throws(() => scaler.transform([[1, 2, 3]]), /X has 3 features, but StandardScaler is expecting 2 features as input/);
    assert.throws(() => new nt.preprocessing.StandardScaler({ withMean: 1 as unknown as boolean }), /The 'withMean' parameter of StandardScaler must be an instance of 'bool'/);
  });
});
