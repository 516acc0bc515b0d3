// SPDX-License-Identifier: Apache-2.0
/**
 * Cholesky through LAPACK potrf with no transposition: a row-major buffer holding A is, read
 * column-major, Aᵀ, whose upper triangle is A's lower one. potrf('U') on it gives Aᵀ = UᵀU in
 * that triangle, and the same memory read row-major is L = Uᵀ — NumPy's lower factor, computed in
 * place in the output (kernels-probe §3: 36 ms against NumPy's 56 ms at 2000×2000).
 */
import { LinAlgError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import { NOT_POSITIVE_DEFINITE } from "../../ts/linalg/cholesky.js";
import { expectOutput, requireSquare } from "../../ts/linalg/matrix.js";
import type { LapackAddon } from "./lapack-addon.js";
import { check, gatherRowMajor, matOf, nativeDtype } from "./operands.js";

export function nativeCholesky(addon: LapackAddon, fallback: KernelFn<"cholesky">): KernelFn<"cholesky"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    if (!nativeDtype(out.dtype)) return fallback(inputs, outputs, attrs);
    const a = matOf(inputs[0]!, out.dtype);
    const n = requireSquare(a);
    expectOutput(out, [n, n], "cholesky output");
    if (n === 0) return;
    gatherRowMajor(addon, a, out.data, out.offset, n);
    // Lower wanted → the column-major view's upper triangle, and vice versa.
    const info = addon.potrf(out.dtype === "float32", !attrs.upper, n, out.data, out.offset, n);
    check(info, "potrf");
    if (info > 0) throw new LinAlgError(NOT_POSITIVE_DEFINITE);
    const o = out.offset;
    for (let i = 0; i < n; i++) {
      if (attrs.upper) out.data.fill(0, o + i * n, o + i * n + i);
      else out.data.fill(0, o + i * n + i + 1, o + (i + 1) * n);
    }
  };
}
