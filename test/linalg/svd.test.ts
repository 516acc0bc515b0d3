// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import * as nt from "../../src/index.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { assertClose, assertResidual, decode, dense, diag, distributed, epsOf, fetch, fixture, fro, matrixLayouts, mul, orthogonality, sub, tolOf, tr } from "./helpers.js";

interface SvdCase {
  name: string;
  dtype: Dtype;
  well: boolean;
  a: EncodedArray;
  s: EncodedArray;
  rank: number;
  pinv: EncodedArray;
  norms: Record<string, number>;
}

const { cases } = fixture<{ cases: SvdCase[] }>("svd.json");

const ORDERS: [string, nt.linalg.NormOrder][] = [["None", null], ["fro", "fro"], ["nuc", "nuc"], ["1", 1], ["-1", -1], ["2", 2], ["-2", -2], ["inf", Infinity], ["-inf", -Infinity]];

describeRuntimes("linalg.svd, svdvals, pinv, matrixRank, matrix norms", () => {
  for (const c of cases) {
    const a = decode(c.a);
    const [m, n] = a.shape as [number, number];
    const k = Math.min(m, n);
    for (const layout of matrixLayouts(a.shape)) {
      test(`${c.name} ${c.dtype} ${layout.name}`, async () => {
        const x = distributed(a, layout.blockShape);
        const A = dense(a);
        const scale = fro(A);
        const sRef = dense(decode(c.s));
        for (const fullMatrices of [false, true]) {
          const [u, s, vh] = nt.linalg.svd(x, { fullMatrices });
          const [U, S, Vh] = [await fetch(u), await fetch(s), await fetch(vh)];
          const [ku, kv] = fullMatrices ? [m, n] : [k, k];
          assert.deepEqual([U.rows, U.cols, S.rows, Vh.rows, Vh.cols], [m, ku, k, kv, n], "shapes");
          // Singular values match NumPy's to a fraction of the largest (their absolute accuracy).
          assertClose(S, sRef, tolOf(c.dtype), sRef.data[0] ?? 1, "S");
          const Uk = { rows: m, cols: k, data: U.data.filter((_, i) => i % ku < k) };
          const Vk = { rows: k, cols: n, data: Vh.data.slice(0, k * n) };
          assertResidual(fro(sub(mul(mul(Uk, diag(S)), Vk), A)), scale, Math.max(m, n), c.dtype, "‖A − UΣVᵀ‖");
          assertResidual(orthogonality(U), 1, m, c.dtype, "‖UᵀU − I‖");
          assertResidual(orthogonality(tr(Vh)), 1, n, c.dtype, "‖VVᵀ − I‖");
          for (const t of [u, s, vh]) t.dispose();
        }
        assertClose(await fetch(nt.linalg.svdvals(x)), sRef, tolOf(c.dtype), sRef.data[0] ?? 1, "svdvals");
        if (c.well || c.name.startsWith("rankdef")) assert.equal(await nt.linalg.matrixRank(x).item(), c.rank, "matrixRank");
        if (c.well) {
          const ref = dense(decode(c.pinv));
          assertClose(await fetch(nt.linalg.pinv(x)), ref, tolOf(c.dtype) * 10, Math.max(1, ...ref.data.map(Math.abs)), "pinv");
        } else if (c.name.startsWith("rankdef")) {
          // NumPy's default cutoff (1e-15) keeps the rounding noise of a rank-deficient matrix, so
          // its pinv is noise; with rtol = null (max(m, n)·eps) the Penrose condition A·A⁺·A = A holds.
          const p = await fetch(nt.linalg.pinv(x, { rtol: null }));
          assertResidual(fro(sub(mul(mul(A, p), A), A)), scale, Math.max(m, n), c.dtype, "‖A·A⁺·A − A‖");
        }
        for (const [key, ord] of ORDERS) {
          const got = Number(await nt.linalg.norm(x, ord).item());
          const want = c.norms[key]!;
          // Singular values are accurate to about n·eps·σ_max in absolute terms (the smallest of a
          // rank-deficient matrix is rounding noise).
          const slack = tolOf(c.dtype) * Math.abs(want) + 30 * Math.max(m, n) * epsOf(c.dtype) * sRef.data[0]!;
          assert.ok(Math.abs(got - want) <= slack, `norm ord ${key}: ${got}, NumPy ${want}`);
        }
        x.dispose();
      });
    }
  }
});
