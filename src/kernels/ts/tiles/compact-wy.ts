// SPDX-License-Identifier: Apache-2.0
/**
 * Reference Householder QR in compact WY form, Q = H_1⋯H_k = I − V·T·Vᵀ (Schreiber & Van Loan,
 * "A storage-efficient WY representation for products of Householder transformations", SIAM J.
 * Sci. Stat. Comput. 10(1), 1989), and its application to a stack of tiles: the two kernels tiled
 * QR is built from. T follows LAPACK's dlarft (forward, columnwise).
 */
import { ShapeError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { householderQr } from "../linalg/householder.js";
import { type Mat, asMat, expectOutput, loadColMajor, loadRowMajor } from "../linalg/matrix.js";
import { storeR, zeroBelowDiagonal } from "../linalg/qr.js";

/** dlarft: T (k×k, row-major, upper triangular) from V (m×k column-major, unit lower) and tau. */
export function blockReflector(v: Float64Array, m: number, tau: Float64Array): Float64Array {
  const k = tau.length;
  const t = new Float64Array(k * k);
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    t[i * k + i] = tau[i]!;
    if (tau[i] === 0) continue;
    // y = V(:, 0:i)ᵀ·V(:, i), then T(0:i, i) = −tau_i·T(0:i, 0:i)·y.
    for (let j = 0; j < i; j++) {
      let s = 0;
      for (let r = i; r < m; r++) s += v[j * m + r]! * v[i * m + r]!;
      y[j] = s;
    }
    for (let a = 0; a < i; a++) {
      let s = 0;
      for (let j = a; j < i; j++) s += t[a * k + j]! * y[j]!;
      t[a * k + i] = -tau[i]! * s;
    }
  }
  return t;
}

export const householder: KernelFn<"householder"> = (inputs, outputs, attrs) => {
  const mats = inputs.map(asMat);
  const n = mats[0]!.cols;
  if (mats.some((a) => a.cols !== n)) throw new ShapeError("householder: stacked blocks must have the same number of columns");
  const m = mats.reduce((s, a) => s + a.rows, 0);
  const k = Math.min(m, n);
  const [r, t, ...vs] = outputs as [View, View, ...View[]];
  expectOutput(r, [k, n], "householder output R");
  expectOutput(t, [k, k], "householder output T");
  if (vs.length !== mats.length) throw new ShapeError("householder: one V output per input");
  const w = new Float64Array(m * n);
  let r0 = 0;
  for (const a of mats) {
    loadColMajor(a, m, w, r0);
    if (attrs.triangularInputs) zeroBelowDiagonal(w, m, r0, a.rows, n);
    r0 += a.rows;
  }
  const tau = householderQr(w, m, n);
  storeR(r, w, m, n);
  // V: the reflectors below the diagonal, ones on it, zeros above (column-major, m×k).
  const v = new Float64Array(m * k);
  for (let j = 0; j < k; j++) {
    v[j * m + j] = 1;
    for (let i = j + 1; i < m; i++) v[j * m + i] = w[j * m + i]!;
  }
  t.data.set(blockReflector(v, m, tau), t.offset);
  r0 = 0;
  vs.forEach((out, p) => {
    const rows = mats[p]!.rows;
    expectOutput(out, [rows, k], "householder output V");
    for (let i = 0; i < rows; i++) for (let j = 0; j < k; j++) out.data[out.offset + i * k + j] = v[j * m + r0 + i]!;
    r0 += rows;
  });
};

export const applyHouseholder: KernelFn<"applyHouseholder"> = (inputs, outputs, attrs) => {
  const q = (inputs.length - 1) / 2;
  if (!Number.isInteger(q) || q < 1 || outputs.length !== q) throw new ShapeError("applyHouseholder: inputs V1..Vq, T, C1..Cq and q outputs");
  const vs = inputs.slice(0, q).map(asMat);
  const t = asMat(inputs[q]!);
  const cs = inputs.slice(q + 1).map(asMat);
  const k = t.rows;
  const width = cs[0]!.cols;
  vs.forEach((v, i) => {
    if (v.cols !== k || cs[i]!.rows !== v.rows || cs[i]!.cols !== width) throw new ShapeError("applyHouseholder: V, T and C pieces do not match");
  });
  // W = Σ Vᵢᵀ·Cᵢ (k×width), then W := op(T)·W.
  const w = new Float64Array(k * width);
  const c = cs.map(loadRowMajor);
  vs.forEach((v, i) => {
    for (let r = 0; r < v.rows; r++) {
      for (let a = 0; a < k; a++) {
        const vra = v.data[v.offset + r * v.rs + a * v.cs]!;
        if (vra === 0) continue;
        for (let j = 0; j < width; j++) w[a * width + j]! += vra * c[i]![r * width + j]!;
      }
    }
  });
  const tw = triangularTimes(t, w, width, attrs.transpose);
  vs.forEach((v, i) => {
    subtractTimes(c[i]!, v, tw, width);
    expectOutput(outputs[i]!, [v.rows, width], "applyHouseholder output");
    outputs[i]!.data.set(c[i]!, outputs[i]!.offset);
  });
};

/** op(T)·W for upper triangular T (k×k) and W (k×width, row-major). */
function triangularTimes(t: Mat, w: Float64Array, width: number, transpose: boolean): Float64Array {
  const k = t.rows;
  const out = new Float64Array(k * width);
  const at = (i: number, j: number) => t.data[t.offset + (transpose ? j * t.rs + i * t.cs : i * t.rs + j * t.cs)]!;
  for (let i = 0; i < k; i++) {
    const [j0, j1] = transpose ? [0, i + 1] : [i, k];
    for (let p = j0; p < j1; p++) {
      const tip = at(i, p);
      if (tip === 0) continue;
      for (let j = 0; j < width; j++) out[i * width + j]! += tip * w[p * width + j]!;
    }
  }
  return out;
}

/** c (rows×width) −= v·w. */
function subtractTimes(c: Float64Array, v: Mat, w: Float64Array, width: number): void {
  for (let r = 0; r < v.rows; r++) {
    for (let a = 0; a < v.cols; a++) {
      const vra = v.data[v.offset + r * v.rs + a * v.cs]!;
      if (vra === 0) continue;
      for (let j = 0; j < width; j++) c[r * width + j]! -= vra * w[a * width + j]!;
    }
  }
}
