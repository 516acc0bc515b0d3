// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { chainOrder } from "../../src/api/linalg/multi-dot.js";
import { assertArray } from "../helpers/assert.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { assertResidual, decode, dense, distributed, fetch, fixture, fro, mul, sub } from "./helpers.js";

interface TriangularCase {
  a: EncodedArray;
  b: EncodedArray;
  lower: boolean;
  trans: 0 | 1;
  unit: boolean;
  x: EncodedArray;
}

const fx = fixture<{ multiDot: { arrays: EncodedArray[]; out: EncodedArray }[]; triangular: TriangularCase[]; powerInt: Record<"a" | "cube" | "zero", EncodedArray> }>("misc.json");

describeRuntimes("linalg: multiDot, solveTriangular, matrixPower of integers, svdCompressed", () => {
  for (const [i, c] of fx.multiDot.entries()) {
    test(`multiDot chain ${i} (${c.arrays.map((a) => decode(a).shape.join("×")).join(", ")})`, async () => {
      const arrays = c.arrays.map((a) => distributed(a, decode(a).shape.map((d) => Math.max(1, Math.ceil(d / 2)))));
      assertArray(await nt.linalg.multiDot(arrays).toArray(), decode(c.out), { rtol: 1e-12, atol: 1e-12 });
    });
  }

  test("multiDot's chain order is the classic DP's (Cormen et al. §15.2 example)", () => {
    // A1..A6 of 30×35, 35×15, 15×5, 5×10, 10×20, 20×25: ((A1(A2A3))((A4A5)A6)).
    const s = chainOrder([30, 35, 15, 5, 10, 20, 25]);
    assert.equal(s[0]![5], 2);
    assert.equal(s[0]![2], 0);
    assert.equal(s[3]![5], 4);
  });

  for (const [i, c] of fx.triangular.entries()) {
    const b = decode(c.b);
    test(`solveTriangular ${i}: n=${b.shape[0]} lower=${c.lower} trans=${c.trans} unit=${c.unit}`, async () => {
      const n = b.shape[0]!;
      const blocks = Math.max(1, Math.ceil(n * 0.4));
      const x = nt.linalg.solveTriangular(distributed(c.a, [blocks, blocks]), distributed(b, b.ndim === 1 ? [blocks] : [blocks, 3]), { lower: c.lower, trans: c.trans, unitDiagonal: c.unit });
      assertArray(await x.toArray(), decode(c.x), { rtol: 1e-11, atol: 1e-12 });
    });
  }

  test("solveTriangular reports scipy's singular diagonal index across tiles", async () => {
    const d = nt.array([[2, 0, 0, 0], [1, 3, 0, 0], [1, 1, 0, 0], [1, 1, 1, 4]], { blockShape: [2, 2] });
    await assert.rejects(nt.linalg.solveTriangular(d, nt.ones([4]), { lower: true }).toArray(), { name: "LinAlgError", message: "singular matrix: resolution failed at diagonal 2" });
  });

  test("matrixPower keeps integer dtypes (NumPy's integer matmul)", async () => {
    const a = distributed(fx.powerInt.a);
    assertArray(await nt.linalg.matrixPower(a, 3).toArray(), decode(fx.powerInt.cube));
    assertArray(await nt.linalg.matrixPower(a, 0).toArray(), decode(fx.powerInt.zero));
  });

  test("svdCompressed recovers a low-rank matrix, reproducibly for a seed", async () => {
    const rng = nt.random.defaultRng(11);
    const a = nt.matmul(rng.standardNormal([240, 6], { blockShape: [60, 6] }), rng.standardNormal([6, 90]));
    const [u, s, vh] = nt.linalg.svdCompressed(a, { k: 6, seed: 7 });
    assert.deepEqual([u.shape, s.shape, vh.shape], [[240, 6], [6], [6, 90]]);
    const S = await fetch(s);
    const exact = await fetch(nt.split(nt.linalg.svdvals(a), [6])[0]!);
    for (let i = 0; i < 6; i++) assert.ok(Math.abs(S.data[i]! - exact.data[i]!) <= 1e-9 * exact.data[0]!, `σ${i}`);
    const [U, V] = [await fetch(u), await fetch(vh)];
    const us = { rows: 240, cols: 6, data: U.data.map((x, i) => x * S.data[i % 6]!) };
    const A = dense(await a.toArray());
    assertResidual(fro(sub(mul(us, V), A)), fro(A), 240, "float64", "‖A − UΣVᵀ‖ (exact rank 6)");
    const again = await fetch(nt.linalg.svdCompressed(a, { k: 6, seed: 7 })[1]);
    assert.deepEqual([...again.data], [...S.data], "same seed, same bits");
  });
});
