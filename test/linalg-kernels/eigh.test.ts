// SPDX-License-Identifier: Apache-2.0
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { LAYOUTS, alignSigns, assertClose, assertResidual, decode, dense, diag, epsOf, fixture, forEachKernelSet, fro, mul, orthogonality, run, sub } from "./helpers.js";

interface EighCase {
  name: string;
  dtype: Dtype;
  separated: boolean;
  a: EncodedArray;
  aLowerOnly: EncodedArray;
  aUpperOnly: EncodedArray;
  w: EncodedArray;
  v: EncodedArray;
}

const { cases } = fixture<{ cases: EighCase[] }>("eigh.json");

forEachKernelSet("eigh", (set) => {
  for (const c of cases) {
    const a = dense(decode(c.a));
    const n = a.rows;
    const wExp = dense(decode(c.w));
    const scale = Math.max(...[...wExp.data].map(Math.abs), 0);
    const tol = 30 * n * epsOf(c.dtype);
    for (const uplo of ["L", "U"] as const) {
      // The other triangle holds noise: only `uplo` may be read.
      const input = decode(uplo === "L" ? c.aLowerOnly : c.aUpperOnly);
      for (const layout of LAYOUTS) {
        test(`${c.name} ${c.dtype} UPLO=${uplo}, ${layout.name} input`, () => {
          const [w, v] = run(set, "eigh", [layout.view(input)], [{ shape: [n] }, { shape: [n, n] }], { uplo, computeV: true }, c.dtype).out.map(dense);
          // Eigenvalues ascending, within n·eps·‖A‖ of NumPy's (Weyl).
          assertClose(w!, wExp, tol, scale, "w vs NumPy");
          assertResidual(orthogonality(v!), 1, n, c.dtype, "‖VᵀV − I‖");
          assertResidual(fro(sub(mul(a, v!), mul(v!, diag(w!)))), fro(a), n, c.dtype, "‖AV − VΛ‖");
          if (c.separated) {
            const vExp = dense(decode(c.v));
            assertClose(alignSigns(v!, vExp), vExp, tol * 10, 1, "V vs NumPy up to signs");
          }
        });
      }
      test(`${c.name} ${c.dtype} UPLO=${uplo} eigenvalues only`, () => {
        const [w] = run(set, "eigh", [LAYOUTS[1]!.view(input)], [{ shape: [n] }], { uplo, computeV: false }, c.dtype).out.map(dense);
        assertClose(w!, wExp, tol, scale, "w vs NumPy");
      });
    }
  }
});
