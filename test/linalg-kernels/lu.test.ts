// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import { NDArray } from "../../src/array/ndarray.js";
import { LinAlgError } from "../../src/errors.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import {
  type Dense,
  type KernelSet,
  LAYOUTS,
  assertClose,
  assertResidual,
  decode,
  dense,
  epsOf,
  eye,
  fixture,
  forEachKernelSet,
  fro,
  mul,
  run,
  sub,
  tr,
} from "./helpers.js";

interface SquareCase {
  name: string;
  dtype: Dtype;
  well?: boolean;
  singular?: boolean;
  cond?: number;
  a: EncodedArray;
  lu: EncodedArray;
  piv: EncodedArray;
  b?: EncodedArray;
  x?: EncodedArray;
  xT?: EncodedArray;
  bm?: EncodedArray;
  xm?: EncodedArray;
  inv?: EncodedArray;
  slogdet: EncodedArray;
}
interface RectCase {
  name: string;
  dtype: Dtype;
  a: EncodedArray;
  lu: EncodedArray;
  piv: EncodedArray;
}

const { cases, rect } = fixture<{ cases: SquareCase[]; rect: RectCase[] }>("square.json");

function factor(set: KernelSet, a: NDArray, dtype: Dtype, layout = LAYOUTS[0]!): { lu: NDArray; piv: NDArray; info: number } {
  const [m, n] = a.shape as [number, number];
  const { out, result } = run(set, "lu", [layout.view(a)], [{ shape: [m, n] }, { shape: [Math.min(m, n)], dtype: "int32" }], {}, dtype);
  return { lu: out[0]!, piv: out[1]!, info: result as number };
}

/** P·L·U from packed factors and 0-based interchanges. */
function reconstruct(lu: Dense, piv: NDArray): Dense {
  const { rows: m, cols: n } = lu;
  const k = Math.min(m, n);
  const l = new Float64Array(m * k);
  const u = new Float64Array(k * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) l[i * k + j] = i === j ? 1 : i > j ? lu.data[i * n + j]! : 0;
  for (let i = 0; i < k; i++) for (let j = i; j < n; j++) u[i * n + j] = lu.data[i * n + j]!;
  const prod = mul({ rows: m, cols: k, data: l }, { rows: k, cols: n, data: u });
  // Undo the interchanges in reverse order: A = P·(L·U).
  for (let i = k - 1; i >= 0; i--) {
    const p = Number(piv.data[i]);
    for (let j = 0; j < n; j++) {
      const t = prod.data[i * n + j]!;
      prod.data[i * n + j] = prod.data[p * n + j]!;
      prod.data[p * n + j] = t;
    }
  }
  return prod;
}

forEachKernelSet("lu", (set) => {
  for (const c of [...cases, ...rect]) {
    const a = decode(c.a);
    const [m, n] = a.shape as [number, number];
    for (const layout of LAYOUTS) {
      test(`${c.name} ${c.dtype}, ${layout.name} input: P·L·U = A, pivots as LAPACK`, () => {
        const { lu, piv, info } = factor(set, a, c.dtype, layout);
        assert.equal(piv.dtype, "int32");
        assertResidual(fro(sub(dense(a), reconstruct(dense(lu), piv))), fro(dense(a)), Math.max(m, n), c.dtype, "‖A − PLU‖");
        if ((c as SquareCase).singular) assert.ok(info > 0, "INFO reports the zero pivot");
        else assert.equal(info, 0);
        if ((c as SquareCase).well !== false && !(c as SquareCase).singular) {
          assert.deepEqual([...piv.data], [...decode(c.piv).data], "pivots vs scipy.linalg.lu_factor");
          assertClose(dense(lu), dense(decode(c.lu)), 30 * n * epsOf(c.dtype), fro(dense(a)), "factors vs SciPy");
        }
      });
    }
  }

  for (const c of cases.filter((c) => !c.singular)) {
    const a = decode(c.a);
    const n = a.shape[0]!;
    const da = dense(a);
    // Forward error bound: cond(A)·(residual criterion); NumPy's answer carries the same error.
    const fwd = 30 * n * epsOf(c.dtype) * Math.max(c.cond!, 1);
    for (const [label, bKey, xKey, trans] of [
      ["one right-hand side", "b", "x", false],
      ["one right-hand side, transposed", "b", "xT", true],
      ["three right-hand sides", "bm", "xm", false],
    ] as const) {
      for (const layout of LAYOUTS) {
        test(`luSolve ${c.name} ${c.dtype} ${label}, ${layout.name} B and LU`, () => {
          const { lu, piv } = factor(set, a, c.dtype);
          const b = decode(c[bKey]!);
          const [x] = run(set, "luSolve", [layout.view(lu), LAYOUTS[0]!.view(piv), layout.view(b)], [{ shape: b.shape }], { trans }, c.dtype).out;
          const op = trans ? tr(da) : da;
          const dx = dense(x!);
          assertResidual(fro(sub(mul(op, dx), dense(b))), fro(da) * fro(dx), n, c.dtype, "‖op(A)·x − b‖");
          assertClose(dx, dense(decode(c[xKey]!)), fwd, fro(dx), "x vs numpy.linalg.solve");
        });
      }
    }
    test(`inverse ${c.name} ${c.dtype}`, () => {
      for (const layout of LAYOUTS) {
        const [inv] = run(set, "inverse", [layout.view(a)], [{ shape: [n, n] }], {}, c.dtype).out.map(dense);
        assertResidual(fro(sub(mul(da, inv!), eye(n))), fro(da) * fro(inv!), n, c.dtype, "‖A·A⁻¹ − I‖");
        assertClose(inv!, dense(decode(c.inv!)), fwd, fro(inv!), "inverse vs numpy.linalg.inv");
      }
    });
  }

  for (const c of cases) {
    test(`slogdet ${c.name} ${c.dtype}`, () => {
      const a = decode(c.a);
      const n = a.shape[0]!;
      const expected = decode(c.slogdet);
      for (const layout of LAYOUTS) {
        const [r] = run(set, "slogdet", [layout.view(a)], [{ shape: [2] }], {}, c.dtype).out;
        assert.equal(r!.data[0], expected.data[0], "sign");
        if (c.singular) assert.equal(r!.data[1], -Infinity);
        else {
          // log|det| = Σ log|u_ii|, and a pivot's relative error is up to cond(A)·n·eps (the
          // smallest pivots of an ill-conditioned matrix carry it), on top of the sum's rounding.
          const tol = 30 * n * epsOf(c.dtype) * (Math.max(c.cond!, 1) + Math.abs(Number(expected.data[1])));
          assert.ok(Math.abs(Number(r!.data[1]) - Number(expected.data[1])) <= tol, `logabsdet ${r!.data[1]} vs ${expected.data[1]}`);
        }
      }
    });
  }

  for (const c of cases.filter((c) => c.singular)) {
    test(`${c.name} ${c.dtype}: luSolve and inverse raise LinAlgError("Singular matrix")`, () => {
      const a = decode(c.a);
      const n = a.shape[0]!;
      const { lu, piv } = factor(set, a, c.dtype);
      const isSingular = (e: unknown): boolean => e instanceof LinAlgError && e.message === "Singular matrix";
      const b = NDArray.zeros([n], c.dtype);
      assert.throws(() => run(set, "luSolve", [LAYOUTS[0]!.view(lu), LAYOUTS[0]!.view(piv), LAYOUTS[0]!.view(b)], [{ shape: [n] }], {}, c.dtype), isSingular);
      assert.throws(() => run(set, "inverse", [LAYOUTS[1]!.view(a)], [{ shape: [n, n] }], {}, c.dtype), isSingular);
    });
  }
});
