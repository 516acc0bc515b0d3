// SPDX-License-Identifier: Apache-2.0
/**
 * Compact WY Householder QR and its application through LAPACK and BLAS: geqrf then larft on a
 * column-major copy of the stack; Q·C or Qᵀ·C as W = Σ Vᵢᵀ·Cᵢ (gemm), W := op(T)·W (trmm),
 * Cᵢ − Vᵢ·W (gemm, alpha = −1).
 */
import { ShapeError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import { expectOutput } from "../../ts/linalg/matrix.js";
import { zeroBelowDiagonal } from "../../ts/linalg/qr.js";
import type { LapackAddon } from "../linalg/lapack-addon.js";
import { alloc, blasMatrix, check, gatherColMajor, gatherRowMajor, matOf, nativeDtype } from "../linalg/operands.js";
import { scratch } from "../linalg/scratch.js";
import type { TileAddon } from "./tile-addon.js";

export function nativeHouseholder(addon: LapackAddon & TileAddon, fallback: KernelFn<"householder">): KernelFn<"householder"> {
  return (inputs, outputs, attrs) => {
    const dtype = outputs[0]!.dtype;
    if (!nativeDtype(dtype)) return fallback(inputs, outputs, attrs);
    const mats = inputs.map((v) => matOf(v, dtype));
    const n = mats[0]!.cols;
    const m = mats.reduce((s, a) => s + a.rows, 0);
    const k = Math.min(m, n);
    if (k === 0 || mats.some((a) => a.cols !== n)) return fallback(inputs, outputs, attrs);
    const [r, t, ...vs] = outputs;
    expectOutput(r!, [k, n], "householder output R");
    expectOutput(t!, [k, k], "householder output T");
    if (vs.length !== mats.length) throw new ShapeError("householder: one V output per input");
    const f32 = dtype === "float32";
    const w = scratch(dtype, m * n);
    let r0 = 0;
    for (const a of mats) {
      gatherColMajor(addon, a, w, r0, m);
      if (attrs.triangularInputs) zeroBelowDiagonal(w, m, r0, a.rows, n);
      r0 += a.rows;
    }
    const tau = alloc(dtype, k);
    check(addon.geqrtTau(f32, m, n, w, 0, m, tau, 0), "geqrt");
    addon.gather(f32, k, n, w, 0, 1, m, r!.data, r!.offset, n);
    for (let i = 1; i < k; i++) r!.data.fill(0, r!.offset + i * n, r!.offset + i * n + Math.min(i, n));
    // V in place: unit diagonal, zeros above it.
    for (let j = 0; j < k; j++) {
      w.fill(0, j * m, j * m + j);
      w[j * m + j] = 1;
    }
    const tcol = scratch(dtype, k * k, 1);
    addon.larft(f32, m, k, w, 0, m, tau, 0, tcol, 0, k);
    addon.gather(f32, k, k, tcol, 0, 1, k, t!.data, t!.offset, k);
    for (let i = 1; i < k; i++) t!.data.fill(0, t!.offset + i * k, t!.offset + i * k + i);
    r0 = 0;
    vs.forEach((out, p) => {
      const rows = mats[p]!.rows;
      expectOutput(out, [rows, k], "householder output V");
      if (rows > 0) addon.gather(f32, rows, k, w, r0, 1, m, out.data, out.offset, k);
      r0 += rows;
    });
  };
}

export function nativeApplyHouseholder(addon: LapackAddon & TileAddon, fallback: KernelFn<"applyHouseholder">): KernelFn<"applyHouseholder"> {
  return (inputs, outputs, attrs) => {
    const dtype = outputs[0]!.dtype;
    const q = (inputs.length - 1) / 2;
    if (!nativeDtype(dtype) || !Number.isInteger(q) || q < 1) return fallback(inputs, outputs, attrs);
    const vs = inputs.slice(0, q).map((v) => matOf(v, dtype));
    const tm = matOf(inputs[q]!, dtype);
    const cs = inputs.slice(q + 1).map((v) => matOf(v, dtype));
    const k = tm.rows;
    const width = cs[0]!.cols;
    if (outputs.length !== q || vs.some((v, i) => v.cols !== k || cs[i]!.rows !== v.rows || cs[i]!.cols !== width)) {
      throw new ShapeError("applyHouseholder: V, T and C pieces do not match");
    }
    outputs.forEach((o, i) => expectOutput(o, [cs[i]!.rows, width], "applyHouseholder output"));
    if (k === 0 || width === 0) {
      outputs.forEach((o, i) => gatherRowMajor(addon, cs[i]!, o.data, o.offset, width));
      return;
    }
    const f32 = dtype === "float32";
    const w = scratch(dtype, k * width);
    w.fill(0, 0, k * width);
    vs.forEach((v, i) => {
      if (v.rows === 0) return;
      const fv = blasMatrix(addon, v);
      const fc = blasMatrix(addon, cs[i]!);
      addon.gemmScaled(f32, !fv.trans, fc.trans, k, width, v.rows, 1, fv.data, fv.offset, fv.ld, fc.data, fc.offset, fc.ld, 1, w, 0, width);
    });
    const ft = blasMatrix(addon, tm);
    // T upper; stored transposed it is lower, and the transpose flag flips.
    addon.trmm(f32, true, ft.trans, attrs.transpose !== ft.trans, false, k, width, ft.data, ft.offset, ft.ld, w, 0, width);
    outputs.forEach((o, i) => {
      const v = vs[i]!;
      if (v.rows === 0) return;
      gatherRowMajor(addon, cs[i]!, o.data, o.offset, width);
      const fv = blasMatrix(addon, v);
      addon.gemmScaled(f32, fv.trans, false, v.rows, width, k, -1, fv.data, fv.offset, fv.ld, w, 0, width, 1, o.data, o.offset, width);
    });
  };
}
