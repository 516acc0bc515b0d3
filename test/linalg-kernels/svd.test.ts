// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import {
  LAYOUTS,
  alignSigns,
  assertClose,
  assertResidual,
  decode,
  dense,
  diag,
  epsOf,
  fixture,
  forEachKernelSet,
  fro,
  mul,
  orthogonality,
  run,
  sub,
  tr,
  block,
} from "./helpers.js";

interface UsV {
  u: EncodedArray;
  s: EncodedArray;
  vt: EncodedArray;
}
interface SvdCase {
  name: string;
  dtype: Dtype;
  well: boolean;
  separated: boolean;
  a: EncodedArray;
  full: UsV;
  reduced: UsV;
  s: EncodedArray;
}

const { cases } = fixture<{ cases: SvdCase[] }>("svd.json");

forEachKernelSet("svd", (set) => {
  for (const c of cases) {
    const a = decode(c.a);
    const da = dense(a);
    const [m, n] = a.shape as [number, number];
    const k = Math.min(m, n);
    const size = Math.max(m, n);
    const tol = 30 * size * epsOf(c.dtype);
    for (const fullMatrices of [false, true]) {
      for (const layout of LAYOUTS) {
        test(`${c.name} ${c.dtype} ${fullMatrices ? "full" : "reduced"}, ${layout.name} input`, () => {
          const shapes = [{ shape: [m, fullMatrices ? m : k] }, { shape: [k] }, { shape: [fullMatrices ? n : k, n] }];
          const [u, s, vt] = run(set, "svd", [layout.view(a)], shapes, { fullMatrices, computeUv: true }, c.dtype).out.map(dense);
          const expected = fullMatrices ? c.full : c.reduced;
          const sExp = dense(decode(expected.s));
          // Singular values: descending, and within size·eps·σ₁ of NumPy's (Weyl's bound).
          for (let i = 1; i < k; i++) assert.ok(s!.data[i]! <= s!.data[i - 1]!, "descending");
          assertClose(s!, sExp, tol, sExp.data[0] ?? 0, "S vs NumPy");
          assertResidual(orthogonality(u!), 1, m, c.dtype, "‖UᵀU − I‖");
          assertResidual(orthogonality(tr(vt!)), 1, n, c.dtype, "‖VVᵀ − I‖");
          const usv = mul(mul(block(u!, m, k), diag(s!)), block(vt!, k, n));
          assertResidual(fro(sub(da, usv)), fro(da), size, c.dtype, "‖A − UΣVᵀ‖");
          if (c.separated) {
            // Distinct singular values: singular vectors are unique up to sign.
            const uk = block(u!, m, k);
            const uExp = block(dense(decode(expected.u)), m, k);
            assertClose(alignSigns(uk, uExp), uExp, tol * 10, 1, "U vs NumPy up to signs");
            const vExp = block(tr(dense(decode(expected.vt))), n, k);
            assertClose(alignSigns(block(tr(vt!), n, k), vExp), vExp, tol * 10, 1, "V vs NumPy up to signs");
          }
        });
      }
    }
    test(`${c.name} ${c.dtype} singular values only`, () => {
      const [s] = run(set, "svd", [LAYOUTS[1]!.view(a)], [{ shape: [k] }], { fullMatrices: false, computeUv: false }, c.dtype).out.map(dense);
      const sExp = dense(decode(c.s));
      assertClose(s!, sExp, tol, sExp.data[0] ?? 0, "S vs NumPy");
    });
  }
});
