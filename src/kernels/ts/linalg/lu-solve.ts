// SPDX-License-Identifier: Apache-2.0
/**
 * Reference solve from LU factors (LAPACK dgetrs): row interchanges, then forward substitution
 * with the unit lower factor and back substitution with U (Golub & Van Loan §3.1), one right-hand
 * side column at a time over a row-major copy of B.
 */
import { LinAlgError, ShapeError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { type Mat, asMat, expectOutput, loadRowMajor, requireSquare } from "./matrix.js";

export const SINGULAR = "Singular matrix";

/** The 0-based pivots of a `piv` view as a plain array. */
export function readPivots(v: View, n: number): Int32Array {
  if (v.shape.length !== 1 || v.shape[0] !== n) throw new ShapeError(`pivots must have shape (${n}), got (${v.shape.join(", ")})`);
  const piv = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = v.data[v.offset + i * v.strides[0]!]!;
    if (!(p >= i && p < n)) throw new ShapeError(`pivot ${i} is ${p}, outside [${i}, ${n})`);
    piv[i] = p;
  }
  return piv;
}

/** Throws LinAlgError("Singular matrix") when the packed factors have an exact zero on U's diagonal. */
export function requireNonsingular(lu: Mat, n: number): void {
  for (let i = 0; i < n; i++) if (lu.data[lu.offset + i * (lu.rs + lu.cs)] === 0) throw new LinAlgError(SINGULAR);
}

/** Checks the shapes of (LU, piv, B) and returns n, the number of right-hand sides and B as a Mat. */
export function luSolveOperands(inputs: readonly View[]): { lu: Mat; n: number; b: Mat; piv: Int32Array } {
  const lu = asMat(inputs[0]!);
  const n = requireSquare(lu);
  const b = asMat(inputs[2]!);
  if (b.rows !== n) throw new ShapeError(`luSolve: B has ${b.rows} rows, expected ${n}`);
  return { lu, n, b, piv: readPivots(inputs[1]!, n) };
}

/**
 * Solves A·X = B, or Aᵀ·X = B with `trans`, in place over the n×nrhs row-major `x`, where
 * A = P·L·U is given by packed factors `lu` and pivots `piv`.
 */
export function luSolveInPlace(lu: Mat, piv: Int32Array, x: Float64Array, n: number, nrhs: number, trans: boolean): void {
  const at = (i: number, j: number): number => lu.data[lu.offset + i * lu.rs + j * lu.cs]!;
  const swap = (i: number, p: number): void => {
    if (i === p) return;
    for (let c = 0; c < nrhs; c++) {
      const t = x[i * nrhs + c]!;
      x[i * nrhs + c] = x[p * nrhs + c]!;
      x[p * nrhs + c] = t;
    }
  };
  if (!trans) {
    for (let i = 0; i < n; i++) swap(i, piv[i]!);
    for (let i = 0; i < n; i++) for (let p = 0; p < i; p++) axpyRow(x, nrhs, i, p, -at(i, p));
    for (let i = n - 1; i >= 0; i--) {
      for (let p = i + 1; p < n; p++) axpyRow(x, nrhs, i, p, -at(i, p));
      divRow(x, nrhs, i, at(i, i));
    }
  } else {
    // Aᵀ = Uᵀ·Lᵀ·Pᵀ: forward with Uᵀ, backward with the unit Lᵀ, then the interchanges in reverse.
    for (let i = 0; i < n; i++) {
      for (let p = 0; p < i; p++) axpyRow(x, nrhs, i, p, -at(p, i));
      divRow(x, nrhs, i, at(i, i));
    }
    for (let i = n - 1; i >= 0; i--) for (let p = i + 1; p < n; p++) axpyRow(x, nrhs, i, p, -at(p, i));
    for (let i = n - 1; i >= 0; i--) swap(i, piv[i]!);
  }
}

/** Row i of x += alpha · row p (not skipped for alpha = 0: 0·Inf is NaN, as in BLAS trsm). */
function axpyRow(x: Float64Array, nrhs: number, i: number, p: number, alpha: number): void {
  for (let c = 0; c < nrhs; c++) x[i * nrhs + c]! += alpha * x[p * nrhs + c]!;
}

function divRow(x: Float64Array, nrhs: number, i: number, d: number): void {
  for (let c = 0; c < nrhs; c++) x[i * nrhs + c]! /= d;
}

export const luSolve: KernelFn<"luSolve"> = (inputs, outputs, attrs) => {
  const { lu, n, b, piv } = luSolveOperands(inputs);
  const out = outputs[0]!;
  expectOutput(out, inputs[2]!.shape, "luSolve output");
  requireNonsingular(lu, n);
  const x = loadRowMajor(b);
  luSolveInPlace(lu, piv, x, n, b.cols, attrs.trans === true);
  out.data.set(x, out.offset);
};
