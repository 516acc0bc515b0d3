// SPDX-License-Identifier: Apache-2.0
/**
 * QR through LAPACK geqrf/orgqr on a column-major copy of the stacked inputs, as NumPy does (the
 * geqrf factorization is computed by geqrt with 32-column panels, which gives the same reflectors
 * and is 2.5–4× faster on tall-skinny blocks).
 * Measured against the copy-free alternative (the row-major buffer is Aᵀ column-major, so
 * gelqf/orglq on it give QR of A): the LQ panel walks rows of length m with stride n, and on
 * 20000×200 it took 480 ms against 215 ms for geqrf/orgqr including the two transposed copies,
 * which run at ~4 ms per 32 MB (native gather).
 */
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { qrOutputs, stackShape, zeroBelowDiagonal } from "../../ts/linalg/qr.js";
import type { TileAddon } from "../tiles/tile-addon.js";
import type { LapackAddon } from "./lapack-addon.js";
import { alloc, check, gatherColMajor, matOf, nativeDtype } from "./operands.js";
import { scratch } from "./scratch.js";

export function nativeQr(addon: LapackAddon & TileAddon, fallback: KernelFn<"qr">): KernelFn<"qr"> {
  return (inputs, outputs, attrs) => {
    const { rows, m, n } = stackShape(inputs);
    const { qs, r } = qrOutputs(outputs, attrs, rows, m, n);
    const dtype = r.dtype;
    const k = Math.min(m, n);
    if (!nativeDtype(dtype) || k === 0) return fallback(inputs, outputs, attrs);
    const f32 = dtype === "float32";
    if (attrs.mode === "r" && attrs.triangularInputs && inputs.length > 1 && rows.every((rb) => rb === n)) {
      return mergeTriangular(addon, inputs, r, dtype, n);
    }
    const full = attrs.mode === "complete" && m > n;
    // In complete mode Q needs m columns: factor in an m×m buffer whose first n columns are A.
    const w = scratch(dtype, m * (full ? m : n));
    let r0 = 0;
    for (const v of inputs) {
      const a = matOf(v, dtype);
      gatherColMajor(addon, a, w, r0, m);
      if (attrs.triangularInputs) zeroBelowDiagonal(w, m, r0, a.rows, n);
      r0 += a.rows;
    }
    const tau = alloc(dtype, k);
    // geqrf's reflectors, by 32-column panels (native/lapack_tiles.cc: 2.5–4× faster when tall-skinny).
    check(addon.geqrtTau(f32, m, n, w, 0, m, tau, 0), "geqrt");
    // R: the upper trapezoid of the first k rows (transposed out), zeros elsewhere.
    const kr = r.shape[0]!;
    addon.gather(f32, k, n, w, 0, 1, m, r.data, r.offset, n);
    for (let i = 1; i < k; i++) r.data.fill(0, r.offset + i * n, r.offset + i * n + Math.min(i, n));
    r.data.fill(0, r.offset + k * n, r.offset + kr * n);
    if (qs.length === 0) return;
    const kq = attrs.mode === "complete" ? m : k;
    check(addon.orgqr(f32, m, kq, k, w, 0, m, tau, 0), "orgqr");
    r0 = 0;
    for (const q of qs) {
      const mb = q.shape[0]!;
      if (mb > 0) addon.gather(f32, mb, kq, w, r0, 1, m, q.data, q.offset, kq);
      r0 += mb;
    }
  };
}


/**
 * R of [R₁; R₂; …; R_p] for n×n upper triangular inputs, by one tpqrt (triangular-pentagonal QR)
 * with A = R₁ and B = [R₂; …; R_p], whose last n rows are triangular (l = n). One reflector per
 * column spans the whole stack, exactly as geqrf's, so R's signs are those geqrf gives for the
 * stack (pairwise merges would flip a row's sign at every merge). The zeros of R₁ and R_p are
 * skipped: for the binary merge of a TSQR tree that is ~⅔n³ flops against geqrf's ~10/3·n³.
 */
function mergeTriangular(addon: LapackAddon, inputs: readonly View[], r: View, dtype: "float64" | "float32", n: number): void {
  const f32 = dtype === "float32";
  const mb = (inputs.length - 1) * n;
  const a = scratch(dtype, n * n, 0);
  const b = scratch(dtype, mb * n, 1);
  inputs.forEach((v, i) => {
    const [target, ld, r0] = i === 0 ? [a, n, 0] : [b, mb, (i - 1) * n];
    gatherColMajor(addon, matOf(v, dtype), target, r0, ld);
    zeroBelowDiagonal(target, ld, r0, n, n);
  });
  check(addon.tpqrt(f32, mb, n, n, a, 0, n, b, 0, mb), "tpqrt");
  addon.gather(f32, n, n, a, 0, 1, n, r.data, r.offset, n);
  for (let i = 1; i < n; i++) r.data.fill(0, r.offset + i * n, r.offset + i * n + i);
}
