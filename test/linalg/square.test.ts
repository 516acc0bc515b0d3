// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import * as nt from "../../src/index.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { alignSigns, assertClose, assertResidual, decode, dense, diag, distributed, epsOf, eye, fetch, fixture, fro, matrixLayouts, maxAbs, mul, orthogonality, sub, tolOf, tr } from "./helpers.js";

interface SquareCase {
  name: string;
  dtype: Dtype;
  well: boolean;
  a: EncodedArray;
  b: EncodedArray;
  bm: EncodedArray;
  x: EncodedArray;
  xm: EncodedArray;
  inv: EncodedArray;
  det: number;
  sign: number;
  logdet: number;
  cond: Record<string, number>;
  power: Record<string, EncodedArray>;
  chol?: EncodedArray;
  cholUpper?: EncodedArray;
  w?: EncodedArray;
  v?: EncodedArray;
  wUpper?: EncodedArray;
}

const { cases } = fixture<{ cases: SquareCase[] }>("square.json");

const COND: [string, nt.linalg.NormOrder][] = [["None", null], ["2", 2], ["-2", -2], ["1", 1], ["-1", -1], ["inf", Infinity], ["-inf", -Infinity], ["fro", "fro"], ["nuc", "nuc"]];

function close(got: number, want: number, rtol: number, what: string): void {
  assert.ok(Math.abs(got - want) <= rtol * Math.max(Math.abs(want), 1e-300), `${what}: ${got}, NumPy ${want}`);
}

describeRuntimes("linalg square: solve, inv, det, slogdet, cond, matrixPower, cholesky, eigh", () => {
  for (const c of cases) {
    const a = decode(c.a);
    const n = a.shape[0]!;
    const spd = c.chol !== undefined;
    for (const layout of matrixLayouts(a.shape)) {
      test(`${c.name} ${c.dtype} ${layout.name}`, async () => {
        const x = distributed(a, layout.blockShape);
        const A = dense(a);
        const normA = fro(A);
        const tol = tolOf(c.dtype);
        // Solutions: backward error always (LAPACK's criterion), values when well conditioned.
        for (const [bk, xk] of [["b", "x"], ["bm", "xm"]] as const) {
          const b = decode(c[bk]);
          const B = dense(b);
          for (const assumeA of spd ? (["gen", "pos"] as const) : (["gen"] as const)) {
            const sol = nt.linalg.solve(x, distributed(b, b.ndim === 1 ? [layout.blockShape[0]!] : [layout.blockShape[0]!, 2]), { assumeA });
            assert.deepEqual(sol.shape, b.shape);
            const X = await fetch(sol);
            assertResidual(fro(sub(mul(A, X), B)), normA * fro(X), n, c.dtype, `solve ${bk} ${assumeA}: ‖AX − B‖`);
            if (c.well) assertClose(X, dense(decode(c[xk])), tol * 10, Math.max(1, maxAbs(X)), `solve ${bk} ${assumeA} vs NumPy`);
          }
        }
        const X = await fetch(nt.linalg.inv(x));
        assertResidual(fro(sub(mul(A, X), eye(n))), normA * fro(X), n, c.dtype, "inv: ‖AX − I‖");
        if (c.well) assertClose(X, dense(decode(c.inv)), tol * 10, Math.max(1, maxAbs(X)), "inv vs NumPy");
        const [sign, logdet] = nt.linalg.slogdet(x);
        assert.equal(await sign.item(), c.sign, "slogdet sign");
        assert.ok(Math.abs(Number(await logdet.item()) - c.logdet) <= 30 * n * epsOf(c.dtype) * (c.well ? 10 : 1e6) * Math.max(1, Math.abs(c.logdet)), "logabsdet");
        close(Number(await nt.linalg.det(x).item()), c.det, c.well ? tol * n : 1e-2, "det");
        for (const [key, p] of COND) close(Number(await nt.linalg.cond(x, p).item()), c.cond[key]!, c.well ? tol * 10 : 1e-2, `cond p=${key}`);
        for (const [k, e] of Object.entries(c.power)) {
          const ref = dense(decode(e));
          const got = await fetch(nt.linalg.matrixPower(x, Number(k)));
          assertClose(got, ref, c.well ? tol * 100 : 1e-1, Math.max(1, maxAbs(ref)), `matrixPower ${k}`);
        }
        if (spd) {
          const L = await fetch(nt.linalg.cholesky(x));
          assertResidual(fro(sub(mul(L, tr(L)), A)), normA, n, c.dtype, "‖A − LLᵀ‖");
          assertClose(L, dense(decode(c.chol!)), tol * 10, Math.max(1, maxAbs(L)), "cholesky vs NumPy");
          assertClose(await fetch(nt.linalg.cholesky(x, { upper: true })), dense(decode(c.cholUpper!)), tol * 10, Math.max(1, maxAbs(L)), "cholesky upper");
          const [w, v] = nt.linalg.eigh(x);
          const [W, V] = [await fetch(w), await fetch(v)];
          const wRef = dense(decode(c.w!));
          assertClose(W, wRef, tol, maxAbs(wRef), "eigh w");
          assertResidual(fro(sub(mul(A, V), mul(V, diag(W)))), normA, n, c.dtype, "‖AV − VΛ‖");
          assertResidual(orthogonality(V), 1, n, c.dtype, "‖VᵀV − I‖");
          assertClose(alignSigns(V, dense(decode(c.v!))), dense(decode(c.v!)), c.dtype === "float32" ? 1e-2 : 1e-6, 1, "eigh v vs NumPy (signs aligned)");
          assertClose(await fetch(nt.linalg.eigvalsh(x, { UPLO: "U" })), dense(decode(c.wUpper!)), tol, maxAbs(wRef), "eigvalsh UPLO U");
        }
        x.dispose();
      });
    }
  }
});
