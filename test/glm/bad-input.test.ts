// SPDX-License-Identifier: Apache-2.0
/**
 * Bad input to the linear models and the fits that cannot succeed as asked. What the shapes and
 * options show is refused synchronously by `fit` (or the constructor); what only the values show
 * (NaN, infinity, continuous or single-class labels, negative weights) rejects fit's promise with
 * scikit-learn's message. Separable classes, singular Hessians and a too small `maxIter` still
 * terminate, with a ConvergenceWarning or LinAlgWarning.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { CONFIGS, describeRuntimes } from "../helpers/runtime.js";

const lm = nt.linearModel;
const n = 40;
const BLOCK = 15; // ragged row blocks: 15, 15, 10

/** Deterministic pseudo-random values in [-1, 1) (the fractional part of a scaled sine, so different salts are unrelated). */
function values(count: number, salt: number): number[] {
  return Array.from({ length: count }, (_, i) => {
    const t = Math.sin(78.233 * salt + 12.9898 * (i + 1)) * 43758.5453;
    return 2 * (t - Math.floor(t)) - 1;
  });
}

function matrix(rows: number[][]): nt.BlockArray {
  return nt.array(rows, { blockShape: [BLOCK, rows[0]!.length] });
}

function vector(v: number[]): nt.BlockArray {
  return nt.array(v, { blockShape: [BLOCK] });
}

/** Two noisy features and labels 0/1 that overlap (not separable). */
function binaryData(): { X: nt.BlockArray; y: nt.BlockArray } {
  const a = values(n, 1);
  const b = values(n, 2);
  const noise = values(n, 3);
  const X = matrix(a.map((v, i) => [v, b[i]!]));
  const y = vector(a.map((v, i) => (v - b[i]! + noise[i]! > 0 ? 1 : 0)));
  return { X, y };
}

/** Runs `fn` and returns the process warnings it emitted (they are dispatched on a later tick). */
async function warningsOf(fn: () => Promise<unknown>): Promise<Error[]> {
  const seen: Error[] = [];
  const listener = (w: Error) => seen.push(w);
  process.on("warning", listener);
  try {
    await fn();
    await new Promise((resolve) => setImmediate(resolve));
  } finally {
    process.off("warning", listener);
  }
  return seen;
}

const finite = (a: ArrayLike<number>) => Array.from(a).every(Number.isFinite);

describeRuntimes(
  "linear models refuse bad input",
  () => {
    test("y of the wrong length throws synchronously", () => {
      const { X } = binaryData();
      using x = X;
      using y = vector(values(n - 1, 4).map((v) => (v > 0 ? 1 : 0)));
      assert.throws(() => new lm.LogisticRegression().fit(x, y), { name: "ShapeError", message: `Found input variables with inconsistent numbers of samples: [${n}, ${n - 1}]` });
      assert.throws(() => new lm.Ridge().fit(x, y), nt.ShapeError);
    });

    test("y that is not 1-D, X that is not 2-D, and sample weights of the wrong length throw synchronously", () => {
      const { X, y } = binaryData();
      using x = X;
      using labels = y;
      using y2 = nt.zeros([n, 2]);
      assert.throws(() => new lm.LogisticRegression().fit(x, y2), { name: "ShapeError", message: /y should be a 1d array, got an array of shape \(40, 2\)/ });
      using x1 = nt.zeros([n]);
      assert.throws(() => new lm.LinearRegression().fit(x1, labels), { name: "ShapeError", message: /Expected 2D array, got 1D array instead/ });
      using sw = nt.ones([n + 3]);
      assert.throws(() => new lm.LogisticRegression().fit(x, labels, { sampleWeight: sw }), { name: "ShapeError", message: "sampleWeight.shape == (43,), expected (40,)!" });
    });

    test("options are checked by the constructor, solver and penalty together by fit", () => {
      assert.throws(() => new lm.LogisticRegression({ C: -1 }), { name: "RangeError", message: /The 'C' parameter of LogisticRegression must be a float in the range \(0.0, inf\]. Got -1 instead./ });
      assert.throws(() => new lm.LogisticRegression({ solver: "sag" as never }), RangeError);
      assert.throws(() => new lm.LogisticRegression({ penalty: "elasticnet" }), { message: /l1Ratio must be specified/ });
      assert.throws(() => new lm.LogisticRegression({ classWeight: "even" as never }), { name: "TypeError", message: /The 'classWeight' parameter of LogisticRegression/ });
      assert.throws(() => new lm.Lasso({ alpha: -0.5 }), RangeError);
      const { X, y } = binaryData();
      using x = X;
      using labels = y;
      assert.throws(() => new lm.LogisticRegression({ penalty: "l1", solver: "newton" }).fit(x, labels), { message: "Solver newton supports only 'l2' or None penalties, got l1 penalty." });
    });

    test("NaN or infinity in X or y rejects the fit", async () => {
      const { X, y } = binaryData();
      using x = X;
      using labels = y;
      const rows = (await x.toNested()) as number[][];
      rows[33]![1] = NaN;
      using xNan = matrix(rows);
      await assert.rejects(new lm.LogisticRegression().fit(xNan, labels), { name: "RangeError", message: /^Input X contains NaN.\nLogisticRegression does not accept missing values encoded as NaN natively./ });
      rows[33]![1] = Infinity;
      using xInf = matrix(rows);
      await assert.rejects(new lm.LinearRegression().fit(xInf, labels), { message: "Input X contains infinity or a value too large for dtype('float64')." });
      const ys = (await labels.toNested()) as number[];
      ys[20] = NaN;
      using yNan = vector(ys);
      await assert.rejects(new lm.LogisticRegression().fit(x, yNan), { name: "RangeError", message: /^Input y contains NaN./ });
      await assert.rejects(new lm.PoissonRegressor().fit(x, yNan), { message: /^Input y contains NaN./ });
    });

    test("continuous labels reject a binary or multinomial fit", async () => {
      const { X, y } = binaryData();
      using x = X;
      using labels = y;
      using half = labels.multiply(0.5); // 0 and 0.5
      await assert.rejects(new lm.LogisticRegression().fit(x, half), { name: "RangeError", message: /^Unknown label type: continuous/ });
      using three = vector(values(n, 5).map((v, i) => (i === 7 ? 2.5 : v > 0.3 ? 2 : v > -0.3 ? 1 : 0)));
      await assert.rejects(new lm.LogisticRegression({ solver: "newton" }).fit(x, three), { message: /^Unknown label type: continuous/ });
    });

    test("a single class rejects the fit", async () => {
      const { X } = binaryData();
      using x = X;
      using ones = nt.ones([n], { blockShape: [BLOCK] });
      await assert.rejects(new lm.LogisticRegression().fit(x, ones), {
        name: "RangeError",
        message: "This solver needs samples of at least 2 classes in the data, but the data contains only one class: 1",
      });
    });

    test("negative sample weights, all-zero weights and unknown classWeight labels reject the fit", async () => {
      const { X, y } = binaryData();
      using x = X;
      using labels = y;
      using negative = vector(values(n, 6).map((v, i) => (i === 5 ? -1 : 1)));
      await assert.rejects(new lm.LogisticRegression().fit(x, labels, { sampleWeight: negative }), { message: "Negative values in data passed to sampleWeight" });
      await assert.rejects(new lm.Ridge().fit(x, labels, { sampleWeight: negative }), { message: "Negative values in data passed to sampleWeight" });
      await assert.rejects(new lm.LogisticRegression().fit(x, labels, { sampleWeight: 0 }), { message: /at least one positive value/ });
      await assert.rejects(new lm.LogisticRegression({ classWeight: { 0: 2, 5: 1 } }).fit(x, labels), { message: "The classes, [1], are not in classWeight" });
    });

    test("a fitted model is required, with as many features as at fit time", async () => {
      const { X, y } = binaryData();
      using x = X;
      using labels = y;
      const model = new lm.LogisticRegression();
      assert.throws(() => model.predict(x), { name: "NotFittedError", message: /This LogisticRegression instance is not fitted yet/ });
      await model.fit(x, labels);
      using three = nt.zeros([5, 3]);
      assert.throws(() => model.predictProba(three), { name: "ShapeError", message: "X has 3 features, but LogisticRegression is expecting 2 features as input." });
    });
  },
  [CONFIGS[0]!, CONFIGS[2]!],
);

describeRuntimes(
  "linear models that cannot converge terminate with a warning",
  () => {
    test("maxIter reached: ConvergenceWarning, nIter = maxIter, coefficients of the last iterate", async () => {
      const { X, y } = binaryData();
      using x = X;
      using labels = y;
      for (const solver of ["newton", "lbfgs", "gd", "sgd", "irls", "proximal"] as const) {
        const model = new lm.LogisticRegression({ solver, maxIter: 1, tol: 1e-12 });
        const warnings = await warningsOf(() => model.fit(x, labels));
        assert.equal(model.nIter, 1, solver);
        assert.ok(finite(model.coef.data as Float64Array), solver);
        assert.ok(
          warnings.some((w) => w.name === "ConvergenceWarning" && /failed to converge after 1 iteration\(s\)/.test(w.message)),
          `${solver}: ${warnings.map((w) => w.message).join("; ")}`,
        );
      }
      const ridge = new lm.PoissonRegressor({ solver: "newton", maxIter: 1, tol: 1e-12 });
      using counts = labels.multiply(3);
      const warnings = await warningsOf(() => ridge.fit(x, counts));
      assert.ok(warnings.some((w) => w.name === "ConvergenceWarning"));
    });

    test("perfectly separable classes without a penalty: the fit stops, with a warning", async () => {
      const a = values(n, 7);
      const b = values(n, 8);
      using x = matrix(a.map((v, i) => [v, b[i]!]));
      using y = vector(a.map((v, i) => (v + 0.5 * b[i]! > 0 ? 1 : 0)));
      using y3 = vector(a.map((v) => (v > 0.3 ? 2 : v > -0.3 ? 1 : 0)));
      for (const solver of ["newton", "irls", "lbfgs", "gd", "sgd", "proximal"] as const) {
        for (const target of [y, y3]) {
          const model = new lm.LogisticRegression({ penalty: null, solver, maxIter: 50 });
          const warnings = await warningsOf(() => model.fit(x, target));
          assert.ok(model.nIter <= 50 && finite(model.coef.data as Float64Array), solver);
          assert.ok(
            warnings.some((w) => w.name === "ConvergenceWarning" && /perfectly separable/.test(w.message)),
            `${solver}: ${warnings.map((w) => `${w.name}: ${w.message}`).join("; ")}`,
          );
          assert.equal(await model.score(x, target), 1, `${solver} separates the training data`);
        }
      }
      // With a penalty the solution is finite and no separability warning is given.
      const model = new lm.LogisticRegression({ solver: "newton" });
      const warnings = await warningsOf(() => model.fit(x, y));
      assert.deepEqual(warnings.map((w) => w.message), []);
    });

    test("a singular Hessian (a zero feature, no penalty): Newton and IRLS warn and fall back to L-BFGS", async () => {
      const { X, y } = binaryData();
      using x = X;
      using labels = y;
      using zero = nt.zeros([n, 1], { blockShape: [BLOCK, 1] });
      using padded = nt.concatenate([x, zero], { axis: 1 });
      const reference = new lm.LogisticRegression({ penalty: null, solver: "newton", tol: 1e-10 });
      await reference.fit(x, labels);
      const expected = Array.from(reference.coef.data as Float64Array);
      for (const solver of ["newton", "irls"] as const) {
        const model = new lm.LogisticRegression({ penalty: null, solver, tol: 1e-10, maxIter: 200 });
        const warnings = await warningsOf(() => model.fit(padded, labels));
        assert.ok(
          warnings.some((w) => w.name === "LinAlgWarning" && /singular or not positive definite/.test(w.message)),
          `${solver}: ${warnings.map((w) => `${w.name}: ${w.message}`).join("; ")}`,
        );
        const coef = Array.from(model.coef.data as Float64Array);
        assert.equal(coef[2], 0, "the zero feature's coefficient");
        coef.slice(0, 2).forEach((c, j) => assert.ok(Math.abs(c - expected[j]!) <= 1e-6 * Math.max(...expected.map(Math.abs)), `${solver} coef ${j}: ${c} vs ${expected[j]}`));
      }
      // Least squares with collinear features has no unique solution either.
      using dup = nt.concatenate([x, x.get(":, 0:1")], { axis: 1 });
      const ols = new lm.LinearRegression();
      const warnings = await warningsOf(() => ols.fit(dup, labels));
      assert.ok(finite(ols.coef.data as Float64Array), `LinearRegression: ${warnings.map((w) => w.message).join("; ")}`);
      assert.ok((await ols.score(dup, labels)) > 0);
    });
  },
  [CONFIGS[0]!, CONFIGS[2]!],
);
