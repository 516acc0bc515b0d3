// SPDX-License-Identifier: Apache-2.0
/**
 * SVD and symmetric eigendecomposition through LAPACK gesdd and syevd, the routines NumPy calls.
 * gesdd runs on a column-major copy of A (NumPy's orientation, so its tall/wide code paths and
 * results match); syevd runs on a plain row-major copy, which column-major is Aᵀ = A with the
 * triangles swapped, so NumPy's UPLO="L" becomes uplo 'U'. Non-finite input is screened first
 * (ts/linalg/svd.ts, eigh.ts): OpenBLAS's gesdd can loop forever on ±Inf.
 */
import { LinAlgError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import { EIGH_NOT_CONVERGED, eighNonFinite, eighOutputs } from "../../ts/linalg/eigh.js";
import { requireSquare } from "../../ts/linalg/matrix.js";
import { SVD_NOT_CONVERGED, svdNonFinite, svdOutputs } from "../../ts/linalg/svd.js";
import type { LapackAddon } from "./lapack-addon.js";
import { check, gatherColMajor, gatherRowMajor, matOf, nativeDtype } from "./operands.js";
import { scratch } from "./scratch.js";

export function nativeSvd(addon: LapackAddon, fallback: KernelFn<"svd">): KernelFn<"svd"> {
  return (inputs, outputs, attrs) => {
    const out = svdOutputs(outputs, attrs, inputs[0]!.shape[0]!, inputs[0]!.shape[1] ?? 1);
    const dtype = out.s.dtype;
    if (!nativeDtype(dtype) || inputs[0]!.shape.length !== 2) return fallback(inputs, outputs, attrs);
    const a = matOf(inputs[0]!, dtype);
    const { rows: m, cols: n } = a;
    const k = Math.min(m, n);
    if (k === 0) return fallback(inputs, outputs, attrs);
    if (svdNonFinite(a, outputs)) return;
    const f32 = dtype === "float32";
    const w = scratch(dtype, m * n);
    gatherColMajor(addon, a, w, 0, m);
    if (!out.u || !out.vt) {
      const info = addon.gesdd(f32, "N", m, n, w, 0, m, out.s.data, out.s.offset, w, 0, 1, w, 0, 1);
      check(info, "gesdd");
      if (info > 0) throw new LinAlgError(SVD_NOT_CONVERGED);
      return;
    }
    const ucols = out.u.shape[1]!;
    const vrows = out.vt.shape[0]!;
    const u = scratch(dtype, m * ucols, 1);
    const vt = scratch(dtype, vrows * n, 2);
    const info = addon.gesdd(f32, attrs.fullMatrices ? "A" : "S", m, n, w, 0, m, out.s.data, out.s.offset, u, 0, m, vt, 0, vrows);
    check(info, "gesdd");
    if (info > 0) throw new LinAlgError(SVD_NOT_CONVERGED);
    addon.gather(f32, m, ucols, u, 0, 1, m, out.u.data, out.u.offset, ucols);
    addon.gather(f32, vrows, n, vt, 0, 1, vrows, out.vt.data, out.vt.offset, n);
  };
}

export function nativeEigh(addon: LapackAddon, fallback: KernelFn<"eigh">): KernelFn<"eigh"> {
  return (inputs, outputs, attrs) => {
    const dtype = outputs[0]!.dtype;
    if (!nativeDtype(dtype)) return fallback(inputs, outputs, attrs);
    const a = matOf(inputs[0]!, dtype);
    const n = requireSquare(a);
    const out = eighOutputs(outputs, attrs, n);
    if (n === 0 || eighNonFinite(a, attrs, outputs)) return;
    const f32 = dtype === "float32";
    const w = scratch(dtype, n * n);
    gatherRowMajor(addon, a, w, 0, n);
    const info = addon.syevd(f32, attrs.computeV, attrs.uplo === "L", n, w, 0, n, out.w.data, out.w.offset);
    check(info, "syevd");
    if (info > 0) throw new LinAlgError(EIGH_NOT_CONVERGED);
    // Eigenvectors are the columns of the column-major result: transpose into the row-major V.
    if (out.v) addon.gather(f32, n, n, w, 0, 1, n, out.v.data, out.v.offset, n);
  };
}
