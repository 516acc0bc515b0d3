// SPDX-License-Identifier: Apache-2.0
/**
 * Reference symmetric eigensolver: cyclic Jacobi (jacobi.ts) on the symmetric matrix defined by
 * the `uplo` triangle, eigenvalues sorted ascending with their vectors. Non-finite input: NaN in
 * the referenced triangle throws LinAlgError("Eigenvalues did not converge") as NumPy; ±Inf gives
 * NaN everywhere (NumPy returns NaN eigenvalues with arbitrary vectors, or raises, depending on
 * the matrix and on whether vectors are wanted).
 */
import { LinAlgError, ShapeError } from "../../../errors.js";
import type { EighAttrs, KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { symmetricJacobi } from "./jacobi.js";
import { type Mat, asMat, expectOutput, fillOutput, requireSquare, scanNonFinite } from "./matrix.js";

export const EIGH_NOT_CONVERGED = "Eigenvalues did not converge";

/** The outputs [w, V] (or [w]) checked against n. */
export function eighOutputs(outputs: readonly View[], attrs: EighAttrs, n: number): { w: View; v?: View } {
  expectOutput(outputs[0]!, [n], "eigh output w");
  if (!attrs.computeV) return { w: outputs[0]! };
  if (outputs.length !== 2) throw new ShapeError(`eigh with computeV needs 2 outputs, got ${outputs.length}`);
  expectOutput(outputs[1]!, [n, n], "eigh output V");
  return { w: outputs[0]!, v: outputs[1]! };
}

/** NumPy's non-finite rules for the referenced triangle; true when the outputs are already written. */
export function eighNonFinite(a: Mat, attrs: EighAttrs, outputs: readonly View[]): boolean {
  const { nan, inf } = scanNonFinite(a, attrs.uplo);
  if (nan) throw new LinAlgError(EIGH_NOT_CONVERGED);
  if (inf) for (const o of outputs) fillOutput(o, NaN);
  return inf;
}

export const eigh: KernelFn<"eigh"> = (inputs, outputs, attrs) => {
  const a = asMat(inputs[0]!);
  const n = requireSquare(a);
  const out = eighOutputs(outputs, attrs, n);
  if (eighNonFinite(a, attrs, outputs)) return;
  const s = new Float64Array(n * n);
  let amax = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const x = attrs.uplo === "L" ? a.data[a.offset + i * a.rs + j * a.cs]! : a.data[a.offset + j * a.rs + i * a.cs]!;
      s[i * n + j] = x;
      s[j * n + i] = x;
      amax = Math.max(amax, Math.abs(x));
    }
  }
  // Scale to max |a_ij| = 1: the convergence test multiplies diagonal entries.
  const scale = amax > 0 ? amax : 1;
  for (let i = 0; i < s.length; i++) s[i]! /= scale;
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  symmetricJacobi(s, v, n);
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => s[x * n + x]! - s[y * n + y]! || x - y);
  order.forEach((j, c) => (out.w.data[out.w.offset + c] = s[j * n + j]! * scale));
  if (!out.v) return;
  const o = out.v.offset;
  for (let i = 0; i < n; i++) order.forEach((j, c) => (out.v!.data[o + i * n + c] = v[i * n + j]!));
};
