// SPDX-License-Identifier: Apache-2.0
/**
 * Reference inverse and slogdet, both from the partial-pivoting LU (lu.ts) as NumPy computes
 * them: inv solves A·X = I (gesv), slogdet reads U's diagonal and the pivots' parity.
 */
import { LinAlgError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { luFactor } from "./lu.js";
import { SINGULAR, luSolveInPlace } from "./lu-solve.js";
import { asMat, expectOutput, loadRowMajor, requireSquare } from "./matrix.js";

export const inverse: KernelFn<"inverse"> = (inputs, outputs) => {
  const a = asMat(inputs[0]!);
  const n = requireSquare(a);
  const out = outputs[0]!;
  expectOutput(out, [n, n], "inverse output");
  const w = loadRowMajor(a);
  const piv = new Int32Array(n);
  if (luFactor(w, n, n, piv) !== 0) throw new LinAlgError(SINGULAR);
  const x = new Float64Array(n * n);
  for (let i = 0; i < n; i++) x[i * n + i] = 1;
  luSolveInPlace({ data: w, offset: 0, rows: n, cols: n, rs: n, cs: 1 }, piv, x, n, n, false);
  out.data.set(x, out.offset);
};

/**
 * NumPy's slogdet from LU factors (umath_linalg's slogdet_single_element): the sign flips once
 * per row interchange and once per negative U[i][i]; logabsdet sums log|U[i][i]| in order. INFO > 0
 * (an exactly zero pivot) gives (0, −∞). `f32` rounds each step to float32, as NumPy's float loop.
 */
export function slogdetFromLu(diag: (i: number) => number, piv: Int32Array, n: number, info: number, f32: boolean): [number, number] {
  if (info > 0) return [0, -Infinity];
  const r = f32 ? Math.fround : (x: number) => x;
  let sign = 1;
  for (let i = 0; i < n; i++) if (piv[i] !== i) sign = -sign;
  let logdet = 0;
  for (let i = 0; i < n; i++) {
    let d = diag(i);
    if (d < 0) {
      sign = -sign;
      d = -d;
    }
    logdet = r(logdet + r(Math.log(d)));
  }
  return [sign, logdet];
}

/** Writes [sign, logabsdet] into the 2-element output. */
export function storeSlogdet(out: View, value: readonly [number, number]): void {
  out.data[out.offset] = value[0];
  out.data[out.offset + 1] = value[1];
}

export const slogdet: KernelFn<"slogdet"> = (inputs, outputs) => {
  const a = asMat(inputs[0]!);
  const n = requireSquare(a);
  const out = outputs[0]!;
  expectOutput(out, [2], "slogdet output");
  const w = loadRowMajor(a);
  const piv = new Int32Array(n);
  const info = luFactor(w, n, n, piv);
  storeSlogdet(out, slogdetFromLu((i) => w[i * n + i]!, piv, n, info, out.dtype === "float32"));
};
