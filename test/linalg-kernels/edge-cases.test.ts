// SPDX-License-Identifier: Apache-2.0
/**
 * What every kernel does at the edges: NaN/Inf input (matched against what NumPy does, recorded
 * in the fixture), empty matrices (NumPy's shapes and values), non-square input where a square one
 * is required, bad output shapes, and inputs of another dtype than the outputs.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { NDArray } from "../../src/array/ndarray.js";
import { LinAlgError, ShapeError } from "../../src/errors.js";
import type { KernelName } from "../../src/kernels/manifest.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { type KernelSet, LAYOUTS, assertClose, decode, dense, fixture, forEachKernelSet, run } from "./helpers.js";

type Outcome = { ok: EncodedArray[] } | { error: string };
interface NonFiniteCase {
  name: string;
  a: EncodedArray;
  [kernel: string]: Outcome | EncodedArray | string;
}
interface EmptyCase {
  shape: [number, number];
  a: EncodedArray;
  [key: string]: unknown;
}

const { cases, empty } = fixture<{ cases: NonFiniteCase[]; empty: EmptyCase[] }>("nonfinite.json");

const view = (a: NDArray) => LAYOUTS[0]!.view(a);
const f64 = (values: number[], shape: number[]) => new NDArray(Float64Array.from(values), shape);

/** Asserts `got` has NaN exactly where `expected` has, and equal values elsewhere. */
function assertSameNaNs(got: NDArray, expected: NDArray, what: string): void {
  assert.deepEqual([...got.shape], [...expected.shape], `${what}: shape`);
  const nan = (a: NDArray) => [...a.data].map((x) => Number.isNaN(x));
  assert.deepEqual(nan(got), nan(expected), `${what}: NaN positions`);
  assertClose(dense(got), dense(expected), 1e-12, 10, what);
}

function expectOutcome(outcome: Outcome, body: () => NDArray[], compare: (got: NDArray[], expected: NDArray[]) => void): void {
  if ("error" in outcome) {
    assert.throws(body, (e: unknown) => e instanceof LinAlgError && e.message === outcome.error);
  } else {
    compare(body(), outcome.ok.map(decode));
  }
}

function nonFinite(set: KernelSet, c: NonFiniteCase): void {
  const a = decode(c.a);
  const outcome = (k: string) => c[k] as Outcome;
  test(`${c.name}: cholesky follows NumPy (NaN propagates, no error)`, () => {
    for (const [key, upper] of [["cholesky", false], ["choleskyUpper", true]] as const) {
      expectOutcome(outcome(key), () => run(set, "cholesky", [view(a)], [{ shape: [3, 3] }], { upper }, "float64").out, (got, exp) =>
        assertSameNaNs(got[0]!, exp[0]!, key),
      );
    }
  });
  test(`${c.name}: qr propagates NaN like NumPy`, () => {
    expectOutcome(outcome("qr"), () => run(set, "qr", [view(a)], [{ shape: [3, 3] }, { shape: [3, 3] }], { mode: "reduced" }, "float64").out, (got, exp) => {
      assertSameNaNs(got[0]!, exp[0]!, "Q");
      assertSameNaNs(got[1]!, exp[1]!, "R");
    });
  });
  test(`${c.name}: solve, inverse and slogdet return without error, NaN where NumPy has NaN`, () => {
    const solve = (): NDArray[] => {
      const [lu, piv] = run(set, "lu", [view(a)], [{ shape: [3, 3] }, { shape: [3], dtype: "int32" }], {}, "float64").out;
      return run(set, "luSolve", [view(lu!), view(piv!), view(f64([1, 1, 1], [3]))], [{ shape: [3] }], {}, "float64").out;
    };
    const hasNaN = (x: NDArray) => [...x.data].some(Number.isNaN);
    // Which entries become NaN depends on pivoting details; whether any do is what NumPy fixes.
    expectOutcome(outcome("solve"), solve, (got, exp) => assert.equal(hasNaN(got[0]!), hasNaN(exp[0]!), "solve"));
    expectOutcome(outcome("inv"), () => run(set, "inverse", [view(a)], [{ shape: [3, 3] }], {}, "float64").out, (got, exp) =>
      assert.equal(hasNaN(got[0]!), hasNaN(exp[0]!), "inverse"),
    );
    expectOutcome(outcome("slogdet"), () => run(set, "slogdet", [view(a)], [{ shape: [2] }], {}, "float64").out, (got, exp) =>
      assertSameNaNs(got[0]!, exp[0]!, "slogdet"),
    );
  });
  const hasInf = [...a.data].some((x) => x === Infinity);
  test(`${c.name}: svd ${hasInf ? "gives NaN (NumPy: NaN values, arbitrary vectors or a hang)" : "follows NumPy"}`, () => {
    const body = (computeUv: boolean) => () =>
      run(set, "svd", [view(a)], computeUv ? [{ shape: [3, 3] }, { shape: [3] }, { shape: [3, 3] }] : [{ shape: [3] }], { fullMatrices: true, computeUv }, "float64").out;
    if (hasInf) {
      for (const out of [...body(true)(), ...body(false)()]) assert.ok([...out.data].every(Number.isNaN));
      return;
    }
    expectOutcome(outcome("svd"), body(true), () => assert.fail("NumPy raises for NaN"));
    expectOutcome(outcome("svdvals"), body(false), () => assert.fail("NumPy raises for NaN"));
  });
  test(`${c.name}: eigh ${hasInf ? "gives NaN" : "follows NumPy"} for each UPLO`, () => {
    for (const [key, uplo] of [["eighL", "L"], ["eighU", "U"]] as const) {
      const body = () => run(set, "eigh", [view(a)], [{ shape: [3] }, { shape: [3, 3] }], { uplo, computeV: true }, "float64").out;
      if (hasInf) {
        for (const out of body()) assert.ok([...out.data].every(Number.isNaN));
        continue;
      }
      expectOutcome(outcome(key), body, (got, exp) => assertClose(dense(got[0]!), dense(exp[0]!), 1e-13, 10, `${key} w`));
    }
    if (!hasInf) {
      expectOutcome(outcome("eigvalshL"), () => run(set, "eigh", [view(a)], [{ shape: [3] }], { uplo: "L", computeV: false }, "float64").out, () => {});
    }
  });
}

function emptyShapes(set: KernelSet, c: EmptyCase): void {
  const a = decode(c.a);
  const [m, n] = c.shape;
  const k = Math.min(m, n);
  test(`qr of ${m}×${n}: NumPy's shapes and values for every mode`, () => {
    for (const mode of ["reduced", "complete"] as const) {
      const exp = c[`qr_${mode}`] as { q: EncodedArray; r: EncodedArray };
      const kq = mode === "complete" ? m : k;
      const [q, r] = run(set, "qr", [LAYOUTS[1]!.view(a)], [{ shape: [m, kq] }, { shape: [mode === "complete" ? m : k, n] }], { mode }, "float64").out;
      assertSameNaNs(q!, decode(exp.q), `Q ${mode}`);
      assertSameNaNs(r!, decode(exp.r), `R ${mode}`);
    }
    const [r] = run(set, "qr", [view(a)], [{ shape: [k, n] }], { mode: "r" }, "float64").out;
    assertSameNaNs(r!, decode(c.qr_r as EncodedArray), "R mode r");
  });
  test(`svd of ${m}×${n}: NumPy's shapes and values`, () => {
    for (const fullMatrices of [true, false]) {
      const exp = c[`svd_${fullMatrices ? "full" : "reduced"}`] as { u: EncodedArray; s: EncodedArray; vt: EncodedArray };
      const shapes = [{ shape: [m, fullMatrices ? m : k] }, { shape: [k] }, { shape: [fullMatrices ? n : k, n] }];
      const out = run(set, "svd", [view(a)], shapes, { fullMatrices, computeUv: true }, "float64").out;
      ["u", "s", "vt"].forEach((key, i) => assertSameNaNs(out[i]!, decode(exp[key as "u"]), `svd ${key}`));
    }
  });
  if (m !== n) return;
  test("0×0: cholesky, lu, luSolve, inverse, eigh and slogdet", () => {
    const z = (shape: number[]) => ({ shape });
    assert.equal(run(set, "cholesky", [view(a)], [z([0, 0])], {}, "float64").out[0]!.size, 0);
    const [lu, piv] = run(set, "lu", [view(a)], [z([0, 0]), { shape: [0], dtype: "int32" }], {}, "float64").out;
    const b = NDArray.zeros([0, 2]);
    assert.deepEqual(run(set, "luSolve", [view(lu!), view(piv!), view(b)], [z([0, 2])], {}, "float64").out[0]!.shape, [0, 2]);
    assert.equal(run(set, "inverse", [view(a)], [z([0, 0])], {}, "float64").out[0]!.size, 0);
    assert.equal(run(set, "eigh", [view(a)], [z([0]), z([0, 0])], { uplo: "L", computeV: true }, "float64").out[0]!.size, 0);
    // numpy.linalg.slogdet of a 0×0 matrix is (1, 0), so det is 1.
    assert.deepEqual([...run(set, "slogdet", [view(a)], [z([2])], {}, "float64").out[0]!.data], [1, 0]);
  });
}

forEachKernelSet("edge cases", (set) => {
  for (const c of cases) nonFinite(set, c);
  for (const c of empty) emptyShapes(set, c);

  test("empty Gram, gemv and triangular solves", () => {
    const a = NDArray.zeros([0, 3]);
    assert.deepEqual([...run(set, "gram", [view(a)], [{ shape: [3, 3] }], { weighted: false }, "float64").out[0]!.data], new Array(9).fill(0));
    assert.deepEqual([...run(set, "gram", [view(a), view(NDArray.zeros([0]))], [{ shape: [3, 3] }], { weighted: true }, "float64").out[0]!.data], new Array(9).fill(0));
    assert.deepEqual([...run(set, "gemv", [view(NDArray.zeros([2, 0])), view(NDArray.zeros([0]))], [{ shape: [2] }], {}, "float64").out[0]!.data], [0, 0]);
    assert.equal(run(set, "triangularSolve", [view(NDArray.zeros([0, 0])), view(NDArray.zeros([0, 4]))], [{ shape: [0, 4] }], { side: "left", lower: true }, "float64").out[0]!.size, 0);
  });

  test(`non-square input raises NumPy's LinAlgError where a square matrix is required`, () => {
    const a = view(f64([1, 2, 3, 4, 5, 6], [2, 3]));
    const square = (e: unknown) => e instanceof LinAlgError && e.message === "Last 2 dimensions of the array must be square";
    const cases: [KernelName, number[][], object][] = [
      ["cholesky", [[2, 3]], {}],
      ["inverse", [[2, 3]], {}],
      ["slogdet", [[2]], {}],
      ["eigh", [[2], [2, 2]], { uplo: "L", computeV: true }],
    ];
    for (const [name, shapes, attrs] of cases) {
      assert.throws(() => run(set, name, [a], shapes.map((shape) => ({ shape })), attrs as never, "float64"), square, name);
    }
    assert.throws(() => run(set, "luSolve", [a, view(new NDArray(Int32Array.from([0, 1]), [2])), view(f64([1, 1], [2]))], [{ shape: [2] }], {}, "float64"), square);
  });

  test("mismatched shapes raise ShapeError instead of touching memory", () => {
    const a = view(f64([4, 1, 1, 3], [2, 2]));
    assert.throws(() => run(set, "cholesky", [a], [{ shape: [3, 3] }], {}, "float64"), ShapeError);
    assert.throws(() => run(set, "qr", [a], [{ shape: [2, 2] }, { shape: [1, 2] }], { mode: "reduced" }, "float64"), ShapeError);
    assert.throws(() => run(set, "qr", [a, view(f64([1, 2, 3], [1, 3]))], [{ shape: [2, 2] }], { mode: "r" }, "float64"), ShapeError);
    assert.throws(() => run(set, "luSolve", [a, view(new NDArray(Int32Array.from([0, 1]), [2])), view(f64([1, 1, 1], [3]))], [{ shape: [3] }], {}, "float64"), ShapeError);
    assert.throws(() => run(set, "luSolve", [a, view(new NDArray(Int32Array.from([0, 7]), [2])), view(f64([1, 1], [2]))], [{ shape: [2] }], {}, "float64"), ShapeError);
    assert.throws(() => run(set, "gram", [a, view(f64([1, 2, 3], [3]))], [{ shape: [2, 2] }], { weighted: true }, "float64"), ShapeError);
    assert.throws(() => run(set, "triangularSolve", [a, view(f64([1, 2, 3], [3]))], [{ shape: [3] }], { side: "left", lower: true }, "float64"), ShapeError);
    assert.throws(() => set.table.qr([{ ...a, offset: 3 }], [LAYOUTS[0]!.view(NDArray.zeros([2, 2]))], { mode: "r" }), ShapeError);
  });

  test("inputs of another dtype are converted to the output dtype", () => {
    const ints = new NDArray(Int32Array.from([4, 2, 2, 3]), [2, 2], "int32");
    const [l] = run(set, "cholesky", [view(ints)], [{ shape: [2, 2] }], {}, "float64").out;
    assertClose(dense(l!), dense(f64([2, 0, 1, Math.SQRT2], [2, 2])), 1e-15, 1, "cholesky of int32");
    const single = new NDArray(Float32Array.from([3, 4]), [2, 1], "float32");
    const [r] = run(set, "qr", [view(single)], [{ shape: [1, 1] }], { mode: "r" }, "float64").out;
    assert.equal(r!.data[0], -5);
  });
});
