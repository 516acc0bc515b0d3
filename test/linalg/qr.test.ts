// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import * as nt from "../../src/index.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { alignSigns, assertClose, assertResidual, decode, dense, distributed, fetch, fixture, fro, matrixLayouts, mul, orthogonality, sub, tolOf } from "./helpers.js";

interface QrCase {
  name: string;
  dtype: Dtype;
  well: boolean;
  a: EncodedArray;
  reduced: { q: EncodedArray; r: EncodedArray };
  complete: { q: EncodedArray; r: EncodedArray };
  r: EncodedArray;
}

const { cases } = fixture<{ cases: QrCase[] }>("qr.json");

describeRuntimes("linalg.qr", () => {
  for (const c of cases) {
    const a = decode(c.a);
    const [m, n] = a.shape as [number, number];
    for (const layout of matrixLayouts(a.shape)) {
      test(`${c.name} ${c.dtype} ${layout.name}`, async () => {
        const x = distributed(a, layout.blockShape);
        const A = dense(a);
        const scale = fro(A);
        for (const mode of ["reduced", "complete"] as const) {
          const [q, r] = nt.linalg.qr(x, { mode });
          assert.equal(q.dtype, c.dtype);
          const [Q, R] = [await fetch(q), await fetch(r)];
          const ref = dense(decode(c[mode].r));
          assert.deepEqual([Q.rows, Q.cols, R.rows, R.cols], [m, mode === "complete" ? m : Math.min(m, n), ref.rows, n], `${mode} shapes`);
          assertResidual(fro(sub(mul(Q, R), A)), scale, Math.max(m, n), c.dtype, `${mode}: ‖A − QR‖`);
          assertResidual(orthogonality(Q), 1, m, c.dtype, `${mode}: ‖QᵀQ − I‖`);
          for (let i = 0; i < R.rows; i++) for (let j = 0; j < Math.min(i, n); j++) assert.equal(R.data[i * n + j], 0, `${mode}: R[${i}][${j}] below the diagonal`);
          // R is unique up to the signs of its rows for full-rank A (well conditioned cases).
          if (c.well) assertClose(alignSigns(R, ref, true), ref, tolOf(c.dtype), scale, `${mode}: R vs NumPy`);
          q.dispose();
          r.dispose();
        }
        const r = nt.linalg.qr(x, { mode: "r" });
        const R = await fetch(r);
        const ref = dense(decode(c.r));
        if (c.well) assertClose(alignSigns(R, ref, true), ref, tolOf(c.dtype), scale, "mode r: R vs NumPy");
        x.dispose();
        r.dispose();
      });
    }
  }

  test("tall-skinny row blocks take TSQR: R needs one merge per extra row block", async () => {
    const x = nt.random.defaultRng(5).standardNormal([400, 8], { blockShape: [50, 8] });
    const before = nt.progress().submitted;
    const r = nt.linalg.qr(x, { mode: "r" });
    // 8 leaves and 7 merges.
    assert.equal(nt.progress().submitted - before, 15);
    const [q, r2] = nt.linalg.qr(x);
    assertResidual(orthogonality(await fetch(q)), 1, 400, "float64", "TSQR Q orthogonality");
    assertClose(alignSigns(await fetch(r), await fetch(r2), true), await fetch(r2), 1e-12, 20, "mode r vs reduced");
    for (const t of [x, r, q, r2]) t.dispose();
  });

  test("TSQR factors large row blocks in cache-sized pieces, merged like row blocks", async () => {
    // 128 columns: leaves of 4096 rows (4 MB), so each 6000-row block is two pieces.
    const x = nt.random.defaultRng(6).standardNormal([12000, 128], { blockShape: [6000, 128] });
    const before = nt.progress().submitted;
    const r = nt.linalg.qr(x, { mode: "r" });
    // 4 leaves and 3 merges.
    assert.equal(nt.progress().submitted - before, 7);
    const [q, r2] = nt.linalg.qr(x);
    const [A, Q, R] = [await fetch(x), await fetch(q), await fetch(r2)];
    assertResidual(fro(sub(mul(Q, R), A)), fro(A), 12000, "float64", "pieces: ‖A − QR‖");
    assertResidual(orthogonality(Q), 1, 12000, "float64", "pieces: ‖QᵀQ − I‖");
    assertClose(alignSigns(await fetch(r), R, true), R, 1e-12, fro(A), "mode r vs reduced");
    for (const t of [x, r, q, r2]) t.dispose();
  });
});
