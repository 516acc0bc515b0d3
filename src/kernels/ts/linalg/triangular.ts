// SPDX-License-Identifier: Apache-2.0
/**
 * Reference triangular solve (BLAS trsm semantics): forward or back substitution per right-hand
 * side. A right-side solve X·op(A) = B is the left-side solve op(A)ᵀ·Xᵀ = Bᵀ, one row of B at a time.
 */
import { LinAlgError, ShapeError } from "../../../errors.js";
import type { KernelFn, TriangularSolveAttrs } from "../../manifest.js";
import type { View } from "../../view.js";
import { type Mat, asMat, expectOutput, loadRowMajor, requireSquare } from "./matrix.js";

/** scipy.linalg.solve_triangular's error for an exactly zero diagonal entry (trtrs INFO). */
export function singularTriangular(i: number): LinAlgError {
  return new LinAlgError(`singular matrix: resolution failed at diagonal ${i}`);
}

/** The first exactly zero diagonal entry of non-unit triangular A, or −1. */
export function zeroDiagonal(a: Mat, n: number, attrs: TriangularSolveAttrs): number {
  if (attrs.unitDiagonal) return -1;
  for (let i = 0; i < n; i++) if (a.data[a.offset + i * (a.rs + a.cs)] === 0) return i;
  return -1;
}

/** Checks the shapes of (A, B) and returns them with A's order. */
export function triangularOperands(inputs: readonly View[], attrs: TriangularSolveAttrs): { a: Mat; b: Mat; n: number } {
  const a = asMat(inputs[0]!);
  const n = requireSquare(a);
  const b = asMat(inputs[1]!);
  const bn = attrs.side === "left" ? b.rows : b.cols;
  if (inputs[1]!.shape.length === 1 && attrs.side === "right") throw new ShapeError("triangularSolve: a right-side solve needs a 2-D B");
  if (bn !== n) throw new ShapeError(`triangularSolve: A is ${n}×${n} but B is ${b.rows}×${b.cols} (side ${attrs.side})`);
  return { a, b, n };
}

/** Throws for an exactly zero diagonal of a non-unit triangular A (checked before solving, as trtrs). */
export function requireNonzeroDiagonal(a: Mat, n: number, attrs: TriangularSolveAttrs): void {
  const i = attrs.skipZeroDiagonal ? -1 : zeroDiagonal(a, n, attrs);
  if (i >= 0) throw singularTriangular((attrs.diagonalStart ?? 0) + i);
}

export const triangularSolve: KernelFn<"triangularSolve"> = (inputs, outputs, attrs) => {
  const { a, b, n } = triangularOperands(inputs, attrs);
  const out = outputs[0]!;
  expectOutput(out, inputs[1]!.shape, "triangularSolve output");
  requireNonzeroDiagonal(a, n, attrs);
  const x = loadRowMajor(b);
  // The system solved for each vector: op(A) (left) or op(A)ᵀ (right); T(i, j) reads it.
  const t = (attrs.side === "right") !== (attrs.transA === true);
  const at = (i: number, j: number): number => a.data[a.offset + (t ? j * a.rs + i * a.cs : i * a.rs + j * a.cs)]!;
  const lowerSystem = attrs.lower !== t;
  const unit = attrs.unitDiagonal === true;
  const divide = (s: number, d: number): number => (d === 0 && attrs.skipZeroDiagonal ? 0 : s / d);
  // Vector v (of the n unknowns) lives in x at v·vs + e·es for e < count vectors.
  const [vs, es, count] = attrs.side === "left" ? [b.cols, 1, b.cols] : [1, b.cols, b.rows];
  for (let e = 0; e < count; e++) {
    const base = e * es;
    if (lowerSystem) {
      for (let i = 0; i < n; i++) {
        let s = x[base + i * vs]!;
        for (let p = 0; p < i; p++) s -= at(i, p) * x[base + p * vs]!;
        x[base + i * vs] = unit ? s : divide(s, at(i, i));
      }
    } else {
      for (let i = n - 1; i >= 0; i--) {
        let s = x[base + i * vs]!;
        for (let p = i + 1; p < n; p++) s -= at(i, p) * x[base + p * vs]!;
        x[base + i * vs] = unit ? s : divide(s, at(i, i));
      }
    }
  }
  out.data.set(x, out.offset);
};
