// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import { NDArray } from "../../src/array/ndarray.js";
import { LinAlgError } from "../../src/errors.js";
import type { TriangularSolveAttrs } from "../../src/kernels/manifest.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { LAYOUTS, assertClose, decode, dense, epsOf, fixture, forEachKernelSet, fro } from "./helpers.js";

interface TriangularCase {
  lower: boolean;
  transA: boolean;
  unitDiagonal: boolean;
  dtype: Dtype;
  a: EncodedArray;
  bLeft: EncodedArray;
  bRight: EncodedArray;
  bVec: EncodedArray;
  xLeft: EncodedArray;
  xRight: EncodedArray;
  xVec: EncodedArray;
}

const { cases } = fixture<{ cases: TriangularCase[] }>("triangular.json");

forEachKernelSet("triangularSolve", (set) => {
  for (const c of cases) {
    const a = decode(c.a);
    const flags = `${c.lower ? "lower" : "upper"}${c.transA ? " transposed" : ""}${c.unitDiagonal ? " unit" : ""}`;
    for (const [side, bKey, xKey] of [
      ["left", "bLeft", "xLeft"],
      ["right", "bRight", "xRight"],
      ["left", "bVec", "xVec"],
    ] as const) {
      // The full matrix A is passed: only its `lower` (or upper) triangle may be read.
      test(`${flags} ${side}${bKey === "bVec" ? " vector" : ""} ${c.dtype}`, () => {
        const attrs: TriangularSolveAttrs = { side, lower: c.lower, transA: c.transA, unitDiagonal: c.unitDiagonal };
        const b = decode(c[bKey]);
        const expected = dense(decode(c[xKey]));
        for (const layout of LAYOUTS) {
          const kernel = set.table.triangularSolve;
          const out = { dtype: c.dtype, data: new (b.data.constructor as Float64ArrayConstructor)(b.size), offset: 0, shape: [...b.shape], strides: b.strides };
          kernel([layout.view(a), LAYOUTS[(LAYOUTS.indexOf(layout) + 1) % LAYOUTS.length]!.view(b)], [out], attrs);
          const x = dense(new NDArray(out.data, b.shape, c.dtype));
          assertClose(x, expected, 30 * 6 * epsOf(c.dtype) * 10, fro(expected), `${layout.name} A`);
        }
      });
    }
  }
  test("an exactly zero diagonal raises scipy's LinAlgError", () => {
    const a = new NDArray(Float64Array.from([2, 0, 1, 0]), [2, 2]);
    const b = new NDArray(Float64Array.from([1, 1]), [2]);
    const out = { dtype: "float64" as const, data: new Float64Array(2), offset: 0, shape: [2], strides: [1] };
    assert.throws(
      () => set.table.triangularSolve([LAYOUTS[0]!.view(a), LAYOUTS[0]!.view(b)], [out], { side: "left", lower: true }),
      (e: unknown) => e instanceof LinAlgError && e.message === "singular matrix: resolution failed at diagonal 1",
    );
    // With a unit diagonal the stored zero is never read.
    set.table.triangularSolve([LAYOUTS[0]!.view(a), LAYOUTS[0]!.view(b)], [out], { side: "left", lower: true, unitDiagonal: true });
    assert.deepEqual([...out.data], [1, 0]);
  });
});
