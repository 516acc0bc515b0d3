// SPDX-License-Identifier: Apache-2.0
/**
 * Every linear model, penalty and solver against the NumPy/SciPy reference minimizers of
 * scikit-learn's objectives (test/fixtures/glm/cases.json, from scripts/gen/glm_fixtures.py):
 * binary and multinomial logistic regression, least squares with and without penalties, Poisson
 * regression; with and without intercept, sample and class weights. Coefficients must agree to
 * 1e-6 norm-wise relative error, under both kernel sets and 1 and 3 nodes, with X in one block,
 * in row and column blocks, and in ragged blocks (the layout rotates over the solvers and is shifted
 * per runtime, so every case and solver meets every layout). For the first solver of each case the
 * fitted model's decision function, probabilities, predicted labels and score are checked too.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { decodeArray, readFixture } from "../helpers/fixtures.js";
import { CONFIGS, describeRuntimes, layoutsFor } from "../helpers/runtime.js";
import { type GlmCase, type Model, assertNormwise, makeModel } from "./helpers.js";

const { cases } = readFixture<{ cases: GlmCase[] }>("glm/cases.json");

/** Tight enough that every solver's answer is within 1e-6 of the minimizer. */
const TOL = 1e-10;
const MAX_ITER = 20_000;

describeRuntimes("linear models against the NumPy reference", (config) => {
  let index = CONFIGS.indexOf(config);
  for (const c of cases) {
    const X = decodeArray(c.X);
    const layouts = layoutsFor(X.shape);
    for (const solver of c.solvers) {
      const checkPredictions = solver === c.solvers[0];
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
        if (checkPredictions) await assertPredictions(model, c, x, y, sw);
      });
    }
  }
});

/**
 * The fitted model's answers against the reference coefficients' (coefficients agree to 1e-6, so
 * continuous answers to 1e-5; a label may differ only where the reference's decision is that close
 * to a tie, and the score by those labels' weight).
 */
async function assertPredictions(model: Model, c: GlmCase, x: nt.BlockArray, y: nt.BlockArray, sw: nt.BlockArray | null): Promise<void> {
  const p = c.predictions;
  const score = await model.score(x, y, { sampleWeight: sw });
  if (model instanceof nt.linearModel.LogisticRegression) {
    using decision = model.decisionFunction(x);
    using proba = model.predictProba(x);
    using labels = model.predict(x);
    const expectedDecision = decodeArray(p.decision!);
    const gotDecision = await decision.toArray();
    assert.deepEqual(gotDecision.shape, expectedDecision.shape, "decisionFunction shape");
    assertNormwise(gotDecision.data as Float64Array, expectedDecision, 1e-5, "decisionFunction");
    const gotProba = await proba.toArray();
    const expectedProba = decodeArray(p.proba!);
    assert.deepEqual(gotProba.shape, expectedProba.shape, "predictProba shape");
    assertNormwise(gotProba.data as Float64Array, expectedProba, 1e-5, "predictProba");
    const gotLabels = await labels.toArray();
    const expectedLabels = decodeArray(p.predict);
    assert.equal(gotLabels.dtype, y.dtype, "predict keeps the labels' dtype");
    const K = expectedProba.shape[1]!;
    let ties = 0;
    for (let i = 0; i < expectedLabels.size; i++) {
      if (Number(gotLabels.data[i]) === Number(expectedLabels.data[i])) continue;
      const row = Array.from(expectedProba.data as Float64Array).slice(i * K, (i + 1) * K).sort((a, b) => b - a);
      assert.ok(row[0]! - row[1]! < 1e-5, `predict[${i}]: got ${gotLabels.data[i]}, expected ${expectedLabels.data[i]}`);
      ties++;
    }
    assert.ok(Math.abs(score - p.score) <= 1e-12 + (4 * ties) / expectedLabels.size, `score ${score}, expected ${p.score}`);
  } else {
    using pred = model.predict(x);
    assertNormwise((await pred.toArray()).data as Float64Array, decodeArray(p.predict), 1e-5, "predict");
    assert.ok(Math.abs(score - p.score) <= 1e-6, `score ${score}, expected ${p.score}`);
  }
}
