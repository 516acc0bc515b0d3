// SPDX-License-Identifier: Apache-2.0
/** The tile kernels of the distributed factorizations, both kernel sets, guarded outputs, any input layout. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import { NDArray } from "../../src/array/ndarray.js";
import { exchangeIsOdd, exchangeSources, interchangesOf } from "../../src/kernels/ts/tiles/row-exchange.js";
import {
  type Dense,
  LAYOUTS,
  assertClose,
  assertResidual,
  dense,
  eye,
  forEachKernelSet,
  fro,
  mul,
  orthogonality,
  run,
  sub,
  tr,
} from "../linalg-kernels/helpers.js";

function random(rows: number, cols: number, seed: number, dtype: Dtype = "float64"): NDArray {
  let s = seed;
  const data = dtype === "float32" ? new Float32Array(rows * cols) : new Float64Array(rows * cols);
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    data[i] = s / 2147483648 - 0.5;
  }
  return new NDArray(data, [rows, cols], dtype);
}

const int32 = (values: number[]) => new NDArray(Int32Array.from(values), [values.length], "int32");
const contiguous = LAYOUTS[0]!;

forEachKernelSet("tile kernels", (set) => {
  for (const dtype of ["float64", "float32"] as const) {
    for (const layout of LAYOUTS) {
      test(`schurUpdate ${dtype} ${layout.name}: C0 − Σ A·B over 2 terms`, () => {
        const [a1, b1, a2, b2, c0] = [random(7, 4, 1, dtype), random(4, 5, 2, dtype), random(7, 3, 3, dtype), random(3, 5, 4, dtype), random(7, 5, 5, dtype)];
        const { out } = run(set, "schurUpdate", [a1, b1, a2, b2, c0].map((x) => layout.view(x)), [{ shape: [7, 5] }], { terms: 2 }, dtype);
        const want = sub(sub(dense(c0), mul(dense(a1), dense(b1))), mul(dense(a2), dense(b2)));
        assertClose(dense(out[0]!), want, dtype === "float32" ? 1e-6 : 1e-15, 4, "C");
      });

      test(`schurUpdate ${dtype} ${layout.name}: symmetric (syrk) update of a diagonal tile's lower triangle`, () => {
        const [a, c0] = [random(6, 4, 6, dtype), random(6, 6, 7, dtype)];
        const va = layout.view(a);
        const vat = { ...va, shape: [4, 6], strides: [va.strides[1]!, va.strides[0]!] }; // Aᵀ, a view
        const { out } = run(set, "schurUpdate", [va, vat, layout.view(c0)], [{ shape: [6, 6] }], { lower: true }, dtype);
        const full = sub(dense(c0), mul(dense(a), tr(dense(a))));
        const got = dense(out[0]!);
        for (let i = 0; i < 6; i++) {
          for (let j = 0; j < 6; j++) {
            const want = j <= i ? full.data[i * 6 + j]! : dense(c0).data[i * 6 + j]!;
            assert.ok(Math.abs(got.data[i * 6 + j]! - want) <= (dtype === "float32" ? 1e-6 : 1e-15) * 4, `C[${i}][${j}]`);
          }
        }
      });

      test(`householder + applyHouseholder ${dtype} ${layout.name}: Qᵀ[A1; A2] = [R; 0], Q·(QᵀC) = C`, () => {
        const [a1, a2] = [random(6, 4, 11, dtype), random(5, 4, 12, dtype)];
        const { out } = run(set, "householder", [a1, a2].map((x) => layout.view(x)), [{ shape: [4, 4] }, { shape: [4, 4] }, { shape: [6, 4] }, { shape: [5, 4] }], {}, dtype);
        const [r, t, v1, v2] = out as [NDArray, NDArray, NDArray, NDArray];
        for (let i = 0; i < 4; i++) for (let j = 0; j < i; j++) assert.equal(r.data[i * 4 + j], 0, "R upper");
        const apply = (c: NDArray[], transpose: boolean) =>
          run(set, "applyHouseholder", [v1, v2, t, ...c].map((x) => layout.view(x)), c.map((x) => ({ shape: x.shape })), { transpose }, dtype).out;
        const [q1, q2] = apply([a1, a2], true);
        const stacked: Dense = { rows: 11, cols: 4, data: Float64Array.from([...q1!.data, ...q2!.data], Number) };
        const want: Dense = { rows: 11, cols: 4, data: Float64Array.from([...r.data, ...new Array<number>(28).fill(0)], Number) };
        assertResidual(fro(sub(stacked, want)), 1, 11, dtype, "‖QᵀA − [R; 0]‖");
        const [c1, c2] = [random(6, 3, 21, dtype), random(5, 3, 22, dtype)];
        const [d1, d2] = apply(apply([c1, c2], false), true);
        assertResidual(fro(sub(dense(d1!), dense(c1))) + fro(sub(dense(d2!), dense(c2))), 1, 11, dtype, "Qᵀ·Q·C = C");
      });
    }

    test(`householder with triangular inputs ${dtype}: the merge of two R factors`, () => {
      const [r1, r2] = [random(5, 5, 31, dtype), random(5, 5, 32, dtype)].map((x) => {
        for (let i = 0; i < 5; i++) for (let j = 0; j < i; j++) x.data[i * 5 + j] = 99; // not read
        return x;
      });
      const { out } = run(set, "householder", [r1!, r2!].map((x) => contiguous.view(x)), [{ shape: [5, 5] }, { shape: [5, 5] }, { shape: [5, 5] }, { shape: [5, 5] }], { triangularInputs: true }, dtype);
      const [r, t, v1, v2] = out as [NDArray, NDArray, NDArray, NDArray];
      // Q = I − V·T·Vᵀ is orthogonal and Q·[R; 0] is the stack of the triangles.
      const V: Dense = { rows: 10, cols: 5, data: Float64Array.from([...v1.data, ...v2.data], Number) };
      const Q = sub(eye(10), mul(mul(V, dense(t)), tr(V)));
      assertResidual(orthogonality(Q), 1, 10, dtype, "‖QᵀQ − I‖");
      const triangle = (x: NDArray) => dense(x).data.map((y, i) => (i % 5 < Math.floor(i / 5) ? 0 : y));
      const stack: Dense = { rows: 10, cols: 5, data: Float64Array.from([...triangle(r1!), ...triangle(r2!)]) };
      const rz: Dense = { rows: 10, cols: 5, data: Float64Array.from([...r.data, ...new Array<number>(25).fill(0)], Number) };
      assertResidual(fro(sub(mul(Q, rz), stack)), fro(stack), 10, dtype, "Q·[R; 0] = [R1; R2]");
    });

    test(`tournament ${dtype}: the rows partial pivoting picks, their LU, and singularity`, () => {
      const [p1, p2] = [random(6, 3, 41, dtype), random(5, 3, 42, dtype)];
      const leaf = run(set, "tournament", [contiguous.view(p1)], [{ shape: [3, 3] }, { shape: [3], dtype: "int32" }, { shape: [3, 3] }], { firstRows: [10] }, dtype).out;
      const merged = run(set, "tournament", [p1, p2, int32([10, 11, 12, 13, 14, 15]), int32([20, 21, 22, 23, 24])].map((x) => contiguous.view(x)), [{ shape: [3, 3] }, { shape: [3], dtype: "int32" }, { shape: [3, 3] }], {}, dtype).out;
      for (const [values, positions, lu] of [leaf, merged] as NDArray[][]) {
        // The values are the candidates' rows at the returned positions, and L·U reproduces them.
        for (let s = 0; s < 3; s++) {
          const pos = positions!.data[s]!;
          const src = pos >= 20 ? p2 : p1;
          const row = pos >= 20 ? pos - 20 : pos - 10;
          for (let j = 0; j < 3; j++) assert.equal(values!.data[s * 3 + j], src.data[row * 3 + j], `values row ${s}`);
        }
        const LU = dense(lu!);
        const L = { rows: 3, cols: 3, data: LU.data.map((x, i) => (i % 3 < Math.floor(i / 3) ? x : i % 3 === Math.floor(i / 3) ? 1 : 0)) };
        const U = { rows: 3, cols: 3, data: LU.data.map((x, i) => (i % 3 >= Math.floor(i / 3) ? x : 0)) };
        assertResidual(fro(sub(mul(L, U), dense(values!))), fro(dense(values!)), 3, dtype, "L·U = picked rows");
        for (let i = 0; i < 3; i++) for (let j = 0; j < i; j++) assert.ok(Math.abs(LU.data[i * 3 + j]!) <= 1, "partial pivoting: |L| ≤ 1");
      }
      const zero = new NDArray(new Float64Array(9), [3, 3], "float64");
      assert.throws(() => run(set, "tournament", [contiguous.view(zero)], [{ shape: [3, 3] }, { shape: [3], dtype: "int32" }, { shape: [3, 3] }], { firstRows: [0], raiseSingular: true }, "float64"), { name: "LinAlgError", message: "Singular matrix" });
    });
  }

  test("panelLu: LAPACK's partial pivoting of the stacked panel, interchanges in matrix positions", () => {
    const [t1, t2, t3] = [random(3, 3, 61), random(3, 3, 62), random(2, 3, 63)];
    const stacked = new NDArray(Float64Array.from([...t1.data, ...t2.data, ...t3.data]), [8, 3], "float64");
    const { out } = run(set, "panelLu", [t1, t2, t3].map((x) => contiguous.view(x)), [{ shape: [3, 3] }, { shape: [3, 3] }, { shape: [2, 3] }, { shape: [3], dtype: "int32" }], { top: 40 }, "float64");
    const ref = run(set, "lu", [contiguous.view(stacked)], [{ shape: [8, 3] }, { shape: [3], dtype: "int32" }], {}, "float64").out;
    assert.deepEqual([...out[0]!.data, ...out[1]!.data, ...out[2]!.data], [...ref[0]!.data], "factors as one getrf");
    assert.deepEqual([...out[3]!.data], [...ref[1]!.data].map((p) => p + 40), "interchanges from position 40");
    const zero = new NDArray(new Float64Array(6), [2, 3], "float64");
    assert.throws(() => run(set, "panelLu", [contiguous.view(zero)], [{ shape: [2, 3] }, { shape: [2], dtype: "int32" }], { top: 0, raiseSingular: true }, "float64"), { name: "LinAlgError", message: "Singular matrix" });
  });

  test("rowExchange: LAPACK interchanges in matrix positions, partial gathers per node", () => {
    const col = random(9, 2, 51); // rows 0..8 of one column, tiles [0,3) [3,6) [6,9)
    const rows = (r0: number, r1: number) => new NDArray(col.data.slice(r0 * 2, r1 * 2), [r1 - r0, 2], "float64");
    const piv = int32([7, 1, 4]);
    // Interchanges from 0: swap rows 0 and 7, 1 with itself, 2 and 4.
    const want = [7, 1, 4, 3, 2, 5, 6, 0, 8]; // position → original row
    const top = run(set, "rowExchange", [int32([7, 1, 4]), rows(0, 3), rows(3, 6), rows(6, 9)].map((x) => contiguous.view(x)), [{ shape: [3, 2] }], { top: 0, first: 0, sources: [3, 6] }, "float64").out[0]!;
    // Gathered in two partials (as on two nodes): tile 2 first, then tile 1 on top of its partial.
    const part = run(set, "rowExchange", [piv, rows(0, 3), rows(6, 9)].map((x) => contiguous.view(x)), [{ shape: [3, 2] }], { top: 0, first: 0, sources: [6] }, "float64").out[0]!;
    const chained = run(set, "rowExchange", [piv, rows(0, 3), part, rows(3, 6)].map((x) => contiguous.view(x)), [{ shape: [3, 2] }], { top: 0, first: 0, sources: [3], base: true }, "float64").out[0]!;
    const lower1 = run(set, "rowExchange", [piv, rows(0, 3), rows(3, 6)].map((x) => contiguous.view(x)), [{ shape: [3, 2] }], { top: 0, first: 3, sources: [3] }, "float64").out[0]!;
    const lower2 = run(set, "rowExchange", [piv, rows(0, 3), rows(6, 9)].map((x) => contiguous.view(x)), [{ shape: [3, 2] }], { top: 0, first: 6, sources: [6] }, "float64").out[0]!;
    const got = [...top.data, ...lower1.data, ...lower2.data];
    assert.deepEqual([...chained.data], [...top.data]);
    want.forEach((src, pos) => assert.deepEqual(got.slice(pos * 2, pos * 2 + 2), [...col.data.slice(src * 2, src * 2 + 2)], `position ${pos}`));
    // The same exchange fused into a Schur update equals the exchange followed by the update.
    const [l, u] = [random(3, 4, 52), random(4, 2, 53)];
    for (const [first, lower] of [[3, lower1], [6, lower2]] as const) {
      const fused = run(set, "schurUpdate", [l, u, rows(first, first + 3), piv, rows(0, 3)].map((x) => contiguous.view(x)), [{ shape: [3, 2] }], { exchange: { top: 0, first } }, "float64").out[0]!;
      const plain = run(set, "schurUpdate", [l, u, lower].map((x) => contiguous.view(x)), [{ shape: [3, 2] }], {}, "float64").out[0]!;
      assert.deepEqual([...fused.data], [...plain.data], `fused exchange at ${first}`);
    }
    const pivots = piv.data as Int32Array;
    assert.deepEqual([...exchangeSources(pivots, 0).entries()].sort((a, b) => a[0] - b[0]), [[0, 7], [2, 4], [4, 2], [7, 0]]);
    assert.equal(exchangeIsOdd(pivots, 0), false); // two swaps
    assert.deepEqual([...interchangesOf([7, 1, 4], 0)], [7, 1, 4]);
    // Row 5 to position 0 (row 0 goes to 5), then row 0 (now at 5) to 1, then row 1 (now at 5) to 2.
    assert.deepEqual([...interchangesOf([5, 0, 1], 0)], [5, 5, 5]);
  });
});
