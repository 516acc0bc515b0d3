// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import * as nt from "../../src/index.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { assertClose, decode, dense, distributed, epsOf, fetch, fixture, fro, matrixLayouts, maxAbs, mul, sub, tolOf, tr } from "./helpers.js";

interface LstsqCase {
  name: string;
  dtype: Dtype;
  well: boolean;
  a: EncodedArray;
  b: EncodedArray;
  x: EncodedArray;
  residuals: EncodedArray;
  rank: number;
  s: EncodedArray;
}

const { cases } = fixture<{ cases: LstsqCase[] }>("lstsq.json");

describeRuntimes("linalg.lstsq", () => {
  for (const c of cases) {
    const a = decode(c.a);
    const b = decode(c.b);
    const [m, n] = a.shape as [number, number];
    for (const layout of matrixLayouts(a.shape)) {
      test(`${c.name} ${c.dtype} ${layout.name}`, async () => {
        const x = distributed(a, layout.blockShape);
        const y = distributed(b, b.ndim === 1 ? [layout.blockShape[0]!] : [layout.blockShape[0]!, 1]);
        const [sol, residuals, rank, s] = nt.linalg.lstsq(x, y);
        assert.equal(await rank.item(), c.rank, "rank");
        assert.equal(rank.dtype, "int32");
        const S = await fetch(s);
        const sRef = dense(decode(c.s));
        assertClose(S, sRef, tolOf(c.dtype), sRef.data[0]!, "singular values");
        const X = await fetch(sol);
        assert.deepEqual(sol.shape, decode(c.x).shape, "x shape");
        const A = dense(a);
        const B = dense(b);
        // The normal equations hold for every least-squares solution: Aᵀ(b − Ax) ≈ 0.
        const normal = fro(mul(tr(A), sub(B, mul(A, X))));
        assert.ok(normal <= 30 * Math.max(m, n) * epsOf(c.dtype) * fro(A) * (fro(A) * fro(X) + fro(B)) * (c.well ? 1 : 1e12), `‖Aᵀ(b − Ax)‖ = ${normal}`);
        // NumPy's minimum-norm solution: equal values when the cutoff is unambiguous.
        if (c.well || c.name.startsWith("rankdef")) assertClose(X, dense(decode(c.x)), tolOf(c.dtype) * 100, Math.max(1, maxAbs(X)), "x vs NumPy");
        const resRef = decode(c.residuals);
        await residuals.resolved();
        assert.deepEqual(residuals.shape, resRef.shape, "residuals shape (depends on the rank)");
        // An ill-conditioned A (cond 1e12) perturbs x by cond·eps, so ‖b − Ax‖² by ~1e-6 relative.
        const rtol = c.well ? tolOf(c.dtype) * 100 : 1e-4;
        if (resRef.size > 0) assertClose(await fetch(residuals), dense(resRef), rtol, Math.max(1, maxAbs(dense(resRef))), "residuals");
        for (const t of [x, y, sol, residuals, rank, s]) t.dispose();
      });
    }
  }
});
