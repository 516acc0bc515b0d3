// SPDX-License-Identifier: Apache-2.0
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { LAYOUTS, assertClose, decode, dense, epsOf, fixture, forEachKernelSet, fro, run } from "./helpers.js";

interface GramCase {
  dtype: Dtype;
  a: EncodedArray;
  s: EncodedArray;
  sSigned: EncodedArray;
  c0: EncodedArray;
  plain: EncodedArray;
  weighted: EncodedArray;
  signed: EncodedArray;
  accumulated: EncodedArray;
  x: EncodedArray;
  y0: EncodedArray;
  ax: EncodedArray;
  axPlusY0: EncodedArray;
}

const { cases } = fixture<{ cases: GramCase[] }>("gram.json");

forEachKernelSet("gram and gemv", (set) => {
  for (const c of cases) {
    const a = decode(c.a);
    const [m, n] = a.shape as [number, number];
    // Sums of m products: each entry within m·eps of Σ|a_ri·s_r·a_rj| ≤ ‖A‖² max|s|.
    const tol = 30 * m * epsOf(c.dtype);
    const scale = fro(dense(a)) ** 2;
    for (const layout of LAYOUTS) {
      test(`gram ${m}×${n} ${c.dtype}, ${layout.name} A`, () => {
        const gram = (inputs: EncodedArray[], weighted: boolean, accumulate = false) =>
          dense(run(set, "gram", [layout.view(a), ...inputs.map((e) => LAYOUTS[2]!.view(decode(e)))], [{ shape: [n, n] }], { weighted, accumulate }, c.dtype).out[0]!);
        assertClose(gram([], false), dense(decode(c.plain)), tol, scale, "AᵀA");
        assertClose(gram([c.s], true), dense(decode(c.weighted)), tol, scale, "Aᵀ·diag(s)·A");
        assertClose(gram([c.sSigned], true), dense(decode(c.signed)), tol, 3 * scale, "negative weights");
        assertClose(gram([c.s, c.c0], true, true), dense(decode(c.accumulated)), tol, scale + fro(dense(decode(c.c0))), "accumulate");
      });
      test(`gemv ${m}×${n} ${c.dtype}, ${layout.name} A`, () => {
        const x = LAYOUTS[3]!.view(decode(c.x));
        const scaleV = fro(dense(a)) * fro(dense(decode(c.x)));
        const [y] = run(set, "gemv", [layout.view(a), x], [{ shape: [m] }], {}, c.dtype).out;
        assertClose(dense(y!), dense(decode(c.ax)), 30 * n * epsOf(c.dtype), scaleV, "A·x");
        const [y1] = run(set, "gemv", [layout.view(a), x, LAYOUTS[2]!.view(decode(c.y0))], [{ shape: [m] }], { accumulate: true }, c.dtype).out;
        assertClose(dense(y1!), dense(decode(c.axPlusY0)), 30 * n * epsOf(c.dtype), scaleV + fro(dense(decode(c.y0))), "A·x + y0");
      });
    }
  }
});
