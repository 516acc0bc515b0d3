// SPDX-License-Identifier: Apache-2.0
/**
 * The `glmGram` kernel (one GLM Newton pass over a row block: Hessian data term, gradient and loss
 * at β) against NumPy (scripts/gen/glm_gram_fixtures.py), for every family, with and without
 * sample weights and the appended column of ones, with A in every view layout, in both kernel sets.
 */
import { test } from "node:test";
import type { EncodedArray } from "../helpers/fixtures.js";
import type { GlmGramAttrs } from "../../src/kernels/manifest.js";
import { LAYOUTS, assertClose, decode, dense, epsOf, fixture, forEachKernelSet, fro, run } from "./helpers.js";

interface GlmGramCase {
  a: EncodedArray;
  beta: EncodedArray;
  weights: EncodedArray;
  appendOnes: boolean;
  results: { family: GlmGramAttrs["family"]; weighted: boolean; y: EncodedArray; c: EncodedArray; p: EncodedArray; loss: EncodedArray }[];
}

const { cases } = fixture<{ cases: GlmGramCase[] }>("glm-gram.json");

forEachKernelSet("glmGram", (set) => {
  for (const c of cases) {
    const a = decode(c.a);
    const [m, n] = a.shape as [number, number];
    const order = n + (c.appendOnes ? 1 : 0);
    // Sums of m terms, each with a few ulps from exp/log1p: within m·eps of the terms' magnitudes.
    const tol = 30 * m * epsOf("float64");
    for (const layout of LAYOUTS) {
      test(`glmGram ${m}×${n}${c.appendOnes ? " with ones" : ""}, ${layout.name} A`, () => {
        for (const r of c.results) {
          const inputs = [layout.view(a), LAYOUTS[2]!.view(decode(r.y))];
          if (r.weighted) inputs.push(LAYOUTS[3]!.view(decode(c.weights)));
          inputs.push(LAYOUTS[2]!.view(decode(c.beta)));
          const attrs: GlmGramAttrs = { family: r.family, weighted: r.weighted, appendOnes: c.appendOnes };
          const { out } = run(set, "glmGram", inputs, [{ shape: [order, order] }, { shape: [order] }, { shape: [1] }], attrs, "float64");
          const what = `${r.family}${r.weighted ? ", weighted" : ""}`;
          const [C, P, L] = [dense(decode(r.c)), dense(decode(r.p)), dense(decode(r.loss))];
          assertClose(dense(out[0]!), C, tol, fro(C) + 1, `${what}: C`);
          assertClose(dense(out[1]!), P, tol, fro(P) + fro(C) + 1, `${what}: P`);
          assertClose(dense(out[2]!), L, tol, Math.abs(L.data[0]!) + m + fro(C), `${what}: loss`);
        }
      });
    }
  }
});
