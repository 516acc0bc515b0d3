// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import { LinAlgError } from "../../src/errors.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { LAYOUTS, assertClose, assertResidual, decode, dense, epsOf, fixture, forEachKernelSet, fro, mul, run, sub, tr } from "./helpers.js";

interface CholeskyCase {
  name: string;
  dtype: Dtype;
  well?: boolean;
  notPd?: boolean;
  a: EncodedArray;
  aLowerOnly?: EncodedArray;
  aUpperOnly?: EncodedArray;
  l?: EncodedArray;
  u?: EncodedArray;
}

const { cases } = fixture<{ cases: CholeskyCase[] }>("cholesky.json");

forEachKernelSet("cholesky", (set) => {
  for (const c of cases.filter((c) => !c.notPd)) {
    const a = dense(decode(c.a));
    const n = a.rows;
    for (const upper of [false, true]) {
      // Only the referenced triangle holds A; the other holds noise that must not be read.
      const input = decode(upper ? c.aUpperOnly! : c.aLowerOnly!);
      for (const layout of LAYOUTS) {
        test(`${c.name} ${c.dtype} ${upper ? "upper" : "lower"}, ${layout.name} input`, () => {
          const [f] = run(set, "cholesky", [layout.view(input)], [{ shape: [n, n] }], { upper }, c.dtype).out.map(dense);
          const l = upper ? tr(f!) : f!;
          for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) assert.equal(l.data[i * n + j], 0, "L is lower triangular");
          assertResidual(fro(sub(a, mul(l, tr(l)))), fro(a), n, c.dtype, "‖A − LLᵀ‖");
          if (c.well) assertClose(f!, dense(decode(upper ? c.u! : c.l!)), 30 * n * epsOf(c.dtype), Math.sqrt(fro(a)), "factor vs NumPy");
        });
      }
    }
  }
  for (const c of cases.filter((c) => c.notPd)) {
    test(`${c.name} ${c.dtype}: LinAlgError("Matrix is not positive definite")`, () => {
      const a = decode(c.a);
      for (const upper of [false, true]) {
        assert.throws(
          () => run(set, "cholesky", [LAYOUTS[0]!.view(a)], [{ shape: a.shape }], { upper }, c.dtype),
          (e: unknown) => e instanceof LinAlgError && e.message === "Matrix is not positive definite",
        );
      }
    });
  }
});
