// SPDX-License-Identifier: Apache-2.0
/**
 * Objective, gradient and Hessian of every problem are mutually consistent: central finite
 * differences of f match ∇f, and of ∇f match ∇²f (binary, multinomial, least squares from its
 * sufficient statistics, Poisson; with L2 penalties and intercepts), including the batch
 * gradients the stochastic solver averages.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import type { GlmData } from "../../src/models/glm/data.js";
import { Layout } from "../../src/models/glm/data.js";
import { GlmProblem } from "../../src/models/glm/distributed-problem.js";
import { binomial, gaussian, poisson } from "../../src/models/glm/family.js";
import { MultinomialProblem } from "../../src/models/glm/multinomial-problem.js";
import { QuadraticProblem } from "../../src/models/glm/quadratic-problem.js";
import type { BatchedProblem, Problem } from "../../src/models/solvers/problem.js";
import { describeRuntimes } from "../helpers/runtime.js";

const n = 90;
const d = 3;
const H_STEP = 1e-5;

/** Deterministic pseudo-random values in [-1, 1). */
function values(count: number, salt: number): Float64Array {
  return Float64Array.from({ length: count }, (_, i) => Math.sin(1000 * salt + 12.9898 * (i + 1)) * 0.999);
}

/**
 * `nullEntries` lists Hessian entries (i·p + j) that carry the multinomial identifiability term
 * c·vvᵀ on top of the true second derivative: there the difference must be one constant c > 0.
 */
async function checkConsistent(problem: Problem, w: Float64Array, nullEntries: ReadonlySet<number> = new Set()): Promise<void> {
  const p = problem.size;
  const at = problem.at(w);
  const { gradient: g, hessian: h } = await at.gradientHessian();
  assert.deepEqual(Array.from(await at.gradient()), Array.from(g), "gradient() and gradientHessian() agree");
  at.dispose();
  const extra: number[] = [];
  for (let i = 0; i < p; i++) {
    const plus = Float64Array.from(w);
    const minus = Float64Array.from(w);
    plus[i]! += H_STEP;
    minus[i]! -= H_STEP;
    const tp = problem.at(plus);
    const tm = problem.at(minus);
    const [fp, fm, gp, gm] = await Promise.all([tp.value(), tm.value(), tp.gradient(), tm.gradient()]);
    tp.dispose();
    tm.dispose();
    const fd = (fp - fm) / (2 * H_STEP);
    assert.ok(Math.abs(fd - g[i]!) <= 1e-6 * Math.max(1, Math.abs(g[i]!)), `∂f/∂w${i}: finite difference ${fd}, gradient ${g[i]}`);
    for (let j = 0; j < p; j++) {
      const hd = (gp[j]! - gm[j]!) / (2 * H_STEP);
      if (nullEntries.has(j * p + i)) {
        extra.push(h[j * p + i]! - hd);
        continue;
      }
      assert.ok(Math.abs(hd - h[j * p + i]!) <= 1e-6 * Math.max(1, Math.abs(h[j * p + i]!)), `∂²f/∂w${j}∂w${i}: finite difference ${hd}, Hessian ${h[j * p + i]}`);
    }
  }
  if (extra.length > 0) {
    assert.ok(extra[0]! > 0, "the identifiability term is positive");
    for (const e of extra) assert.ok(Math.abs(e - extra[0]!) <= 1e-6 * extra[0]!, `one constant on the null directions: ${e} vs ${extra[0]}`);
  }
}

function data(y: nt.BlockArray, weights: nt.BlockArray | null, fitIntercept: boolean, X: nt.BlockArray): GlmData {
  const weightSum = n * 1.1;
  return { X, y, weights, weightSum, fitIntercept };
}

describeRuntimes("objective, gradient and Hessian agree with finite differences", () => {
  const X = () => nt.array(values(n * d, 1), { shape: [n, d], blockShape: [40, d] });
  const weights = () => nt.array(values(n, 2).map((v) => 1.1 + 0.5 * v), { blockShape: [40] });
  for (const fitIntercept of [true, false]) {
    const penalty = (size: number) => ({ l1: 0, l2: 0.3, mask: new Layout(d, size, fitIntercept).mask() });
    test(`binomial${fitIntercept ? " with intercept" : ""}`, async () => {
      using x = X();
      using sw = weights();
      using y = nt.array(values(n, 3).map((v) => (v > 0 ? 1 : 0)), { blockShape: [40] });
      const problem = new GlmProblem(data(y, sw, fitIntercept, x), binomial, penalty(1));
      await checkConsistent(problem, values(problem.size, 4));
      await checkBatches(problem, values(problem.size, 5));
    });
    test(`poisson${fitIntercept ? " with intercept" : ""}`, async () => {
      using x = X();
      using y = nt.array(values(n, 6).map((v) => Math.round(2 + 2 * v)), { blockShape: [40] });
      const problem = new GlmProblem(data(y, null, fitIntercept, x), poisson, penalty(1));
      await checkConsistent(problem, values(problem.size, 7).map((v) => v / 2));
    });
    test(`one fused Newton pass (glmGram) agrees with the separate passes${fitIntercept ? ", with intercept" : ""}`, async () => {
      using x = X();
      using sw = weights();
      using yb = nt.array(values(n, 3).map((v) => (v > 0 ? 1 : 0)), { blockShape: [40] });
      using yp = nt.array(values(n, 6).map((v) => Math.round(2 + 2 * v)), { blockShape: [40] });
      using yg = nt.array(values(n, 8), { blockShape: [40] });
      for (const [family, y, weights] of [[binomial, yb, sw], [poisson, yp, null], [gaussian, yg, sw]] as const) {
        const fused = new GlmProblem(data(y, weights, fitIntercept, x), family, penalty(1), true);
        const separate = new GlmProblem(data(y, weights, fitIntercept, x), family, penalty(1));
        const w = values(fused.size, 13).map((v) => v / 2);
        await checkConsistent(fused, w);
        const [a, b] = [fused.at(w), separate.at(w)];
        const [fa, fb, ga, gb] = [await a.value(), await b.value(), await a.gradientHessian(), await b.gradientHessian()];
        assert.ok(Math.abs(fa - fb) <= 1e-12 * Math.abs(fb), `${family.name} value: ${fa} vs ${fb}`);
        for (const [u, v, what] of [[ga.gradient, gb.gradient, "gradient"], [ga.hessian, gb.hessian, "Hessian"]] as const) {
          u.forEach((e, i) => assert.ok(Math.abs(e - v[i]!) <= 1e-12 * Math.max(1, Math.abs(v[i]!)), `${family.name} ${what}[${i}]: ${e} vs ${v[i]}`));
        }
        a.dispose();
        b.dispose();
      }
    });
    test(`least squares, distributed and from the Gram matrix${fitIntercept ? ", with intercept" : ""}`, async () => {
      using x = X();
      using sw = weights();
      using y = nt.array(values(n, 8), { blockShape: [40] });
      const glm = new GlmProblem(data(y, sw, fitIntercept, x), gaussian, penalty(1));
      const quadratic = await QuadraticProblem.of(data(y, sw, fitIntercept, x), penalty(1));
      const w = values(glm.size, 9);
      await checkConsistent(glm, w);
      await checkConsistent(quadratic, w);
      const a = glm.at(w);
      const b = quadratic.at(w);
      const [fa, fb] = [await a.value(), await b.value()];
      assert.ok(Math.abs(fa - fb) <= 1e-12 * Math.abs(fa), `the two forms agree: ${fa} vs ${fb}`);
      a.dispose();
    });
    test(`multinomial (3 classes)${fitIntercept ? " with intercept" : ""}`, async () => {
      using x = X();
      using sw = weights();
      const labels = values(n, 10).map((v) => (v < -0.3 ? 0 : v < 0.3 ? 1 : 2));
      const onehot = new Float64Array(n * 3);
      labels.forEach((k, i) => (onehot[i * 3 + k] = 1));
      using Y = nt.array(onehot, { shape: [n, 3], blockShape: [40, 3] });
      // The loss is invariant to adding one number to every class's intercept: along that
      // direction the Hessian carries the identifiability term c·vvᵀ (see multinomial-problem.ts).
      const layout = new Layout(d, 3, fitIntercept);
      const problem = new MultinomialProblem(data(Y, sw, fitIntercept, x), { l1: 0, l2: 0.3, mask: layout.mask() }, 3);
      const nulls = new Set<number>();
      if (fitIntercept) for (let k = 0; k < 3; k++) for (let l = 0; l < 3; l++) nulls.add((k * layout.width + d) * layout.size + l * layout.width + d);
      await checkConsistent(problem, values(problem.size, 11), nulls);
      await checkBatches(problem, values(problem.size, 12));
    });
  }
});

/** The batch estimates average to the full gradient. */
async function checkBatches(problem: BatchedProblem, w: Float64Array): Promise<void> {
  const t = problem.at(w);
  const g = await t.gradient();
  t.dispose();
  const parts = await problem.batchGradients(w);
  assert.equal(parts.length, problem.batches);
  for (let i = 0; i < g.length; i++) {
    const mean = parts.reduce((s, b) => s + b[i]!, 0) / parts.length;
    assert.ok(Math.abs(mean - g[i]!) <= 1e-12 * Math.max(1, Math.abs(g[i]!)), `batch mean ${mean} vs gradient ${g[i]}`);
  }
}
