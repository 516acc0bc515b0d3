// SPDX-License-Identifier: Apache-2.0
/**
 * Reference QR kernel: unblocked Householder QR (householder.ts) of the vertical stack of the
 * inputs. NaN and Inf propagate into Q and R without an error, as in NumPy.
 */
import { ShapeError } from "../../../errors.js";
import type { KernelFn, QrAttrs } from "../../manifest.js";
import type { View } from "../../view.js";
import { formQ, householderQr } from "./householder.js";
import { asMat, expectOutput, loadColMajor, store } from "./matrix.js";

/** Rows of each input and the stack's shape; every input must have the same number of columns. */
export function stackShape(inputs: readonly View[]): { rows: number[]; m: number; n: number } {
  if (inputs.length === 0) throw new ShapeError("qr needs at least one input block");
  const mats = inputs.map(asMat);
  const n = mats[0]!.cols;
  for (const a of mats) {
    if (a.cols !== n) throw new ShapeError(`qr: stacked blocks must have the same number of columns, got ${a.cols} and ${n}`);
  }
  const rows = mats.map((a) => a.rows);
  return { rows, m: rows.reduce((s, r) => s + r, 0), n };
}

/** The Q outputs (one, or one per input with `splitQ`) and R, checked against the stack's shape. */
export function qrOutputs(outputs: readonly View[], attrs: QrAttrs, rows: readonly number[], m: number, n: number): { qs: View[]; r: View } {
  const k = Math.min(m, n);
  const kq = attrs.mode === "complete" ? m : k;
  const kr = attrs.mode === "complete" ? m : k;
  const qs = attrs.mode === "r" ? [] : outputs.slice(0, attrs.splitQ ? rows.length : 1);
  const r = outputs[qs.length];
  if (r === undefined) throw new ShapeError(`qr (mode ${attrs.mode}) needs ${qs.length + 1} outputs, got ${outputs.length}`);
  qs.forEach((q, i) => expectOutput(q, [attrs.splitQ ? rows[i]! : m, kq], "qr output Q"));
  expectOutput(r, [kr, n], "qr output R");
  return { qs, r };
}

/** Writes R (rows kr ≥ k; the part below the diagonal and rows past k are zero) from column-major storage. */
export function storeR(r: View, w: ArrayLike<number>, ld: number, n: number): void {
  const kr = r.shape[0]!;
  const o = r.offset;
  r.data.fill(0, o, o + kr * n);
  for (let i = 0; i < Math.min(kr, ld); i++) for (let j = i; j < n; j++) r.data[o + i * n + j] = w[i + j * ld]!;
}

/** Zeroes the strictly lower part of the rows×n block at row r0 of the column-major `w` (leading dimension ld). */
export function zeroBelowDiagonal(w: { fill(value: number, start: number, end: number): unknown }, ld: number, r0: number, rows: number, n: number): void {
  for (let j = 0; j < Math.min(n, rows); j++) w.fill(0, j * ld + r0 + j + 1, j * ld + r0 + rows);
}

export const qr: KernelFn<"qr"> = (inputs, outputs, attrs) => {
  const { rows, m, n } = stackShape(inputs);
  const { qs, r } = qrOutputs(outputs, attrs, rows, m, n);
  const w = new Float64Array(m * n);
  let r0 = 0;
  for (const v of inputs) {
    const a = asMat(v);
    loadColMajor(a, m, w, r0);
    if (attrs.triangularInputs) zeroBelowDiagonal(w, m, r0, a.rows, n);
    r0 += a.rows;
  }
  const tau = householderQr(w, m, n);
  storeR(r, w, m, n);
  if (qs.length === 0) return;
  const kq = attrs.mode === "complete" ? m : Math.min(m, n);
  const q = formQ(w, m, tau, kq);
  r0 = 0;
  for (const out of qs) {
    const mb = out.shape[0]!;
    store(out, q.subarray(r0), mb, kq, 1, m);
    r0 += mb;
  }
};
