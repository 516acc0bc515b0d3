// SPDX-License-Identifier: Apache-2.0
/**
 * Every linear model, penalty and solver against the NumPy/SciPy reference minimizers of
 * scikit-learn's objectives (test/fixtures/glm/cases.json, from scripts/gen/glm_fixtures.py):
 * binary and multinomial logistic regression, least squares with and without penalties, Poisson
 * regression; with and without intercept, sample and class weights. Coefficients must agree to
 * 1e-6 norm-wise relative error, under both kernel sets and 1 and 3 nodes, with X in one block,
 * in row and column blocks, and in ragged blocks (the layout rotates over the solvers).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";
import { type GlmCase, assertNormwise, makeModel } from "./helpers.js";

const { cases } = readFixture<{ cases: GlmCase[] }>("glm/cases.json");

/** Tight enough that every solver's answer is within 1e-6 of the minimizer. */
const TOL = 1e-10;
const MAX_ITER = 20_000;

describeRuntimes("linear models against the NumPy reference", () => {
  let index = 0;
  for (const c of cases) {
    const X = decodeArray(c.X);
    const layouts = layoutsFor(X.shape);
    for (const solver of c.solvers) {
      const layout = layouts[index++ % layouts.length]!;
      test(`${c.estimator} ${c.name} [${solver}, ${layout.name}]`, async () => {
        using x = nt.array(X, { blockShape: layout.blockShape });
        using y = nt.array(decodeArray(c.y), { blockShape: [layout.blockShape[0]!] });
        using sw = c.sampleWeight ? nt.array(decodeArray(c.sampleWeight), { blockShape: [layout.blockShape[0]!] }) : null;
        const model = makeModel(c.estimator, { ...c.options, solver, tol: TOL, maxIter: MAX_ITER });
        await model.fit(x, y, { sampleWeight: sw });
        const expectedCoef = decodeArray(c.coef);
        assert.deepEqual(model.coef.shape, expectedCoef.shape, "coef shape");
        assertNormwise(model.coef.data as Float64Array, expectedCoef, 1e-6, "coef");
        const intercept = model.intercept;
        const got = typeof intercept === "number" ? [intercept] : Array.from(intercept.data as Float64Array);
        // Intercepts are compared relative to the whole parameter vector's scale.
        const all = decodeArray(c.intercept);
        const scale = Math.max(...Array.from(expectedCoef.data as Float64Array).map(Math.abs), ...Array.from(all.data as Float64Array).map(Math.abs));
        got.forEach((v, i) => assert.ok(Math.abs(v - Number(all.data[i])) <= 1e-6 * scale, `intercept ${i}: got ${v}, expected ${all.data[i]}`));
        if (c.classes && model instanceof nt.linearModel.LogisticRegression) {
          assert.deepEqual(Array.from(model.classes.data as ArrayLike<number>), Array.from(decodeArray(c.classes).data as ArrayLike<number>));
        }
        assert.ok(model.nIter >= 1 && model.nIter <= MAX_ITER);
      });
    }
  }
});
