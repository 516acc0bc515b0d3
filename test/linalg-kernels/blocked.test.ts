// SPDX-License-Identifier: Apache-2.0
/**
 * Sizes above LAPACK's block sizes (32–64), so the native kernels run the blocked code paths
 * (geqrf/dlarfb, recursive getrf and potrf, gesdd's and syevd's divide and conquer) that the small
 * fixtures never reach. Checked by residuals and against the TypeScript kernels.
 */
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import { NDArray } from "../../src/array/ndarray.js";
import {
  KERNEL_SETS,
  LAYOUTS,
  assertClose,
  assertResidual,
  block,
  dense,
  diag,
  eye,
  forEachKernelSet,
  fro,
  mul,
  orthogonality,
  run,
  sub,
  tr,
} from "./helpers.js";

/** Deterministic uniform values in [-0.5, 0.5) (xorshift32). */
function random(shape: number[], dtype: Dtype, seed: number): NDArray {
  let x = seed >>> 0 || 1;
  const n = shape.reduce((p, d) => p * d, 1);
  const data = dtype === "float32" ? new Float32Array(n) : new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    data[i] = (x >>> 0) / 2 ** 32 - 0.5;
  }
  return new NDArray(data, shape, dtype);
}

function symmetric(n: number, dtype: Dtype, seed: number, shift: number): NDArray {
  const b = dense(random([n, n], dtype, seed));
  const s = mul(b, tr(b));
  for (let i = 0; i < n; i++) s.data[i * n + i]! += shift;
  return new NDArray(dtype === "float32" ? Float32Array.from(s.data) : s.data, [n, n], dtype);
}

const tsKernels = KERNEL_SETS.find((s) => s.name === "ts")!;

forEachKernelSet("blocked sizes", (set) => {
  for (const dtype of ["float64", "float32"] as const) {
    test(`qr 300×90 and 90×200 ${dtype}, transposed input`, () => {
      for (const [m, n] of [[300, 90], [90, 200]] as const) {
        const a = random([m, n], dtype, 7);
        const k = Math.min(m, n);
        const [q, r] = run(set, "qr", [LAYOUTS[1]!.view(a)], [{ shape: [m, k] }, { shape: [k, n] }], { mode: "reduced" }, dtype).out.map(dense);
        assertResidual(fro(sub(dense(a), mul(q!, r!))), fro(dense(a)), Math.max(m, n), dtype, "‖A − QR‖");
        assertResidual(orthogonality(q!), 1, m, dtype, "‖QᵀQ − I‖");
        if (set.name === "native") {
          const [rTs] = run(tsKernels, "qr", [LAYOUTS[0]!.view(a)], [{ shape: [k, n] }], { mode: "r" }, dtype).out.map(dense);
          assertClose(r!, rTs!, 30 * m * (dtype === "float32" ? 2 ** -24 : 2 ** -53), fro(dense(a)), "native R vs TypeScript R (same signs)");
        }
      }
    });
    test(`TSQR merge of four triangular 100×100 R factors ${dtype}`, () => {
      const n = 100;
      const rs = [1, 2, 3, 4].map((seed) => {
        const [r] = run(set, "qr", [LAYOUTS[0]!.view(random([150, n], dtype, seed))], [{ shape: [n, n] }], { mode: "r" }, dtype).out;
        return r!;
      });
      const [merged] = run(set, "qr", rs.map((r) => LAYOUTS[1]!.view(r)), [{ shape: [n, n] }], { mode: "r", triangularInputs: true }, dtype).out.map(dense);
      const [general] = run(tsKernels, "qr", rs.map((r) => LAYOUTS[0]!.view(r)), [{ shape: [n, n] }], { mode: "r" }, dtype).out.map(dense);
      const stack = { rows: 4 * n, cols: n, data: Float64Array.from(rs.flatMap((r) => [...r.data].map(Number))) };
      assertClose(merged!, general!, 30 * 4 * n * (dtype === "float32" ? 2 ** -24 : 2 ** -53), fro(stack), "merged R vs Householder R of the stack");
    });
    test(`cholesky, lu, solve and inverse at 150×150 ${dtype}`, () => {
      const n = 150;
      const spd = symmetric(n, dtype, 11, n);
      const [l] = run(set, "cholesky", [LAYOUTS[2]!.view(spd)], [{ shape: [n, n] }], {}, dtype).out.map(dense);
      assertResidual(fro(sub(dense(spd), mul(l!, tr(l!)))), fro(dense(spd)), n, dtype, "‖A − LLᵀ‖");
      const a = random([n, n], dtype, 13);
      const [lu, piv] = run(set, "lu", [LAYOUTS[1]!.view(a)], [{ shape: [n, n] }, { shape: [n], dtype: "int32" }], {}, dtype).out;
      const b = random([n, 40], dtype, 17);
      const [x] = run(set, "luSolve", [LAYOUTS[0]!.view(lu!), LAYOUTS[0]!.view(piv!), LAYOUTS[3]!.view(b)], [{ shape: [n, 40] }], {}, dtype).out.map(dense);
      assertResidual(fro(sub(mul(dense(a), x!), dense(b))), fro(dense(a)) * fro(x!), n, dtype, "‖A·X − B‖");
      const [inv] = run(set, "inverse", [LAYOUTS[3]!.view(a)], [{ shape: [n, n] }], {}, dtype).out.map(dense);
      assertResidual(fro(sub(mul(dense(a), inv!), eye(n))), fro(dense(a)) * fro(inv!), n, dtype, "‖A·A⁻¹ − I‖");
    });
    test(`svd 160×70 and eigh 120×120 ${dtype}`, () => {
      const [m, n] = [160, 70];
      const a = random([m, n], dtype, 19);
      const [u, s, vt] = run(set, "svd", [LAYOUTS[0]!.view(a)], [{ shape: [m, m] }, { shape: [n] }, { shape: [n, n] }], { fullMatrices: true, computeUv: true }, dtype).out.map(dense);
      assertResidual(fro(sub(dense(a), mul(mul(block(u!, m, n), diag(s!)), vt!))), fro(dense(a)), m, dtype, "‖A − UΣVᵀ‖");
      assertResidual(orthogonality(u!), 1, m, dtype, "‖UᵀU − I‖");
      const sym = symmetric(120, dtype, 23, 0);
      const [w, v] = run(set, "eigh", [LAYOUTS[1]!.view(sym)], [{ shape: [120] }, { shape: [120, 120] }], { uplo: "U", computeV: true }, dtype).out.map(dense);
      assertResidual(fro(sub(mul(dense(sym), v!), mul(v!, diag(w!)))), fro(dense(sym)), 120, dtype, "‖AV − VΛ‖");
      assertResidual(orthogonality(v!), 1, 120, dtype, "‖VᵀV − I‖");
    });
    test(`weighted gram 1000×60 ${dtype} crosses several 256-row panels`, () => {
      const a = random([1000, 60], dtype, 29);
      const s = random([1000], dtype, 31); // both signs
      const [c] = run(set, "gram", [LAYOUTS[1]!.view(a), LAYOUTS[3]!.view(s)], [{ shape: [60, 60] }], { weighted: true }, dtype).out.map(dense);
      const da = dense(a);
      const sa = { ...da, data: da.data.map((x, i) => x * Number(s.data[Math.floor(i / 60)])) };
      assertClose(c!, mul(tr(da), sa), 30 * 1000 * (dtype === "float32" ? 2 ** -24 : 2 ** -53), fro(da) ** 2, "Aᵀ·diag(s)·A");
    });
  }
});
