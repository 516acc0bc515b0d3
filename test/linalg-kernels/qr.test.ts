// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import { NDArray } from "../../src/array/ndarray.js";
import type { QrAttrs } from "../../src/kernels/manifest.js";
import type { View } from "../../src/kernels/view.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import {
  type Dense,
  type KernelSet,
  LAYOUTS,
  alignSigns,
  assertClose,
  assertResidual,
  assertUpperTriangular,
  decode,
  dense,
  epsOf,
  fixture,
  forEachKernelSet,
  fro,
  mul,
  orthogonality,
  run,
  sub,
} from "./helpers.js";

interface QrPair {
  q: EncodedArray;
  r: EncodedArray;
}
interface QrCase {
  name: string;
  dtype: Dtype;
  well: boolean;
  a: EncodedArray;
  stack?: EncodedArray[];
  reduced: QrPair;
  complete?: QrPair;
  r: EncodedArray;
  rOfBlocks?: EncodedArray;
}

const { cases } = fixture<{ cases: QrCase[] }>("qr.json");

function qr(set: KernelSet, inputs: View[], attrs: QrAttrs, m: number, n: number, dtype: Dtype, qRows = [m]): Dense[] {
  const k = Math.min(m, n);
  const kq = attrs.mode === "complete" ? m : k;
  const shapes = attrs.mode === "r" ? [] : qRows.map((r) => ({ shape: [r, kq] }));
  return run(set, "qr", inputs, [...shapes, { shape: [attrs.mode === "complete" ? m : k, n] }], attrs, dtype).out.map(dense);
}

/** Reconstruction, orthogonality, triangularity and (for well-conditioned input) NumPy's values and signs. */
function checkFactors(c: QrCase, a: Dense, q: Dense, r: Dense, expected: QrPair | undefined): void {
  const size = Math.max(a.rows, a.cols);
  assertUpperTriangular(r, "R");
  assertResidual(fro(sub(a, mul(q, r))), fro(a), size, c.dtype, "‖A − QR‖");
  assertResidual(orthogonality(q), 1, a.rows, c.dtype, "‖QᵀQ − I‖");
  if (!c.well || !expected) return;
  // LAPACK's sign convention, as NumPy: no alignment needed.
  const tol = 30 * size * epsOf(c.dtype);
  assertClose(r, dense(decode(expected.r)), tol, fro(a), "R vs NumPy");
  assertClose(q, dense(decode(expected.q)), tol, 1, "Q vs NumPy");
}

forEachKernelSet("qr", (set) => {
  for (const c of cases.filter((c) => !c.stack)) {
    const a = decode(c.a);
    const [m, n] = a.shape as [number, number];
    for (const layout of LAYOUTS) {
      test(`${c.name} ${c.dtype} reduced, ${layout.name} input`, () => {
        const [q, r] = qr(set, [layout.view(a)], { mode: "reduced" }, m, n, c.dtype);
        checkFactors(c, dense(a), q!, r!, c.reduced);
      });
    }
    test(`${c.name} ${c.dtype} complete`, () => {
      const [q, r] = qr(set, [LAYOUTS[1]!.view(a)], { mode: "complete" }, m, n, c.dtype);
      checkFactors(c, dense(a), q!, r!, c.complete);
    });
    test(`${c.name} ${c.dtype} mode r equals the reduced R`, () => {
      const [r] = qr(set, [LAYOUTS[2]!.view(a)], { mode: "r" }, m, n, c.dtype);
      const [, rReduced] = qr(set, [LAYOUTS[2]!.view(a)], { mode: "reduced" }, m, n, c.dtype);
      assert.deepEqual(r!.data, rReduced!.data);
      if (c.well) assertClose(r!, dense(decode(c.r)), 30 * Math.max(m, n) * epsOf(c.dtype), fro(dense(a)), "R vs NumPy");
    });
  }

  for (const c of cases.filter((c) => c.stack)) {
    const blocks = c.stack!.map(decode);
    const a = dense(decode(c.a));
    const n = a.cols;
    // Each stacked block in a different layout: the kernel must read them all as one matrix.
    const inputs = () => blocks.map((b, i) => LAYOUTS[i % LAYOUTS.length]!.view(b));
    test(`TSQR merge: QR of a stack of R factors, ${c.dtype}`, () => {
      const [q, r] = qr(set, inputs(), { mode: "reduced" }, a.rows, n, c.dtype);
      checkFactors(c, a, q!, r!, c.reduced);
      // The R of stacked R factors is the R of the stacked original blocks, up to row signs.
      const rBlocks = dense(decode(c.rOfBlocks!));
      assertClose(alignSigns(r!, rBlocks, true), rBlocks, 30 * a.rows * epsOf(c.dtype), fro(a), "R vs R of the blocks");
    });
    test(`TSQR merge of triangular inputs: the strictly lower part is not read, ${c.dtype}`, () => {
      // Noise below each R's diagonal; with triangularInputs the kernels must see zeros there.
      const noisy = blocks.map((b, i) => {
        const data = b.data.slice();
        for (let r = 1; r < b.shape[0]!; r++) for (let j = 0; j < Math.min(r, n); j++) data[r * n + j] = 100 + r + j;
        return LAYOUTS[i % LAYOUTS.length]!.view(new NDArray(data, b.shape, b.dtype));
      });
      // Mode r on square inputs: tpqrt in the native kernels.
      const [r] = qr(set, noisy, { mode: "r", triangularInputs: true }, a.rows, n, c.dtype);
      assertClose(r!, dense(decode(c.r)), 30 * a.rows * epsOf(c.dtype), fro(a), "R vs NumPy (same signs)");
      const [q, r2] = qr(set, noisy, { mode: "reduced", triangularInputs: true }, a.rows, n, c.dtype);
      checkFactors(c, a, q!, r2!, c.reduced);
    });
    test(`TSQR merge with splitQ: one Q block per input, ${c.dtype}`, () => {
      const rows = blocks.map((b) => b.shape[0]!);
      const out = qr(set, inputs(), { mode: "reduced", splitQ: true }, a.rows, n, c.dtype, rows);
      assert.equal(out.length, blocks.length + 1);
      const r = out[out.length - 1]!;
      const q: Dense = { rows: a.rows, cols: n, data: Float64Array.from(out.slice(0, -1).flatMap((b) => [...b.data])) };
      checkFactors(c, a, q, r, c.reduced);
    });
  }
});
