// SPDX-License-Identifier: Apache-2.0
/**
 * Gram matrix and gemv through CBLAS. Plain AᵀA is one syrk reading A in place; the weighted
 * Ãᵀ·diag(s)·Ã (Ã = A or [A, 1]) and the fused product Ãᵀ·V go through the addon's panelled
 * gramPanels (native/lapack_blas.cc), which never forms diag(s)·A. Both compute the upper triangle and mirror it.
 */
import type { KernelFn } from "../../manifest.js";
import { gramOperands, mirrorUpper, productShape } from "../../ts/linalg/gram.js";
import { expectOutput } from "../../ts/linalg/matrix.js";
import type { LapackAddon } from "./lapack-addon.js";
import { blasMatrix, gatherRowMajor, matOf, nativeDtype } from "./operands.js";

export function nativeGram(addon: LapackAddon, fallback: KernelFn<"gram">): KernelFn<"gram"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    const { a: raw, s: sv, v: rawV, c0, order } = gramOperands(inputs, attrs);
    if (!nativeDtype(out.dtype)) return fallback(inputs, outputs, attrs);
    const n = raw.cols;
    const m = raw.rows;
    expectOutput(out, [order, order], "gram output");
    const p = rawV ? outputs[1]! : undefined;
    if (p) {
      expectOutput(p, productShape(inputs, attrs, order), "gram product output");
      p.data.fill(0, p.offset, p.offset + order * rawV!.cols);
    }
    const a = matOf(inputs[0]!, out.dtype);
    const f32 = out.dtype === "float32";
    if (c0) gatherRowMajor(addon, matOf(inputs[inputs.length - 1]!, out.dtype), out.data, out.offset, order);
    // BLAS may read C even with beta = 0 (0·NaN in a reused buffer), so clear it instead.
    else out.data.fill(0, out.offset, out.offset + order * order);
    if (order === 0 || m === 0) return;
    if (sv || rawV || attrs.appendOnes) {
      const s = sv ? matOf(sv, out.dtype) : a;
      const v = rawV ? matOf(inputs[sv ? 2 : 1]!, out.dtype) : a;
      const k = rawV ? rawV.cols : 0;
      addon.gramPanels(
        f32, m, n, a.data, a.offset, a.rs, a.cs,
        sv !== undefined, s.data, s.offset, s.rs, attrs.appendOnes === true,
        k, v.data, v.offset, v.rs, v.cs, p ? p.data : out.data, p ? p.offset : out.offset,
        out.data, out.offset, order,
      );
    } else if (n > 0) {
      const f = blasMatrix(addon, a);
      // AᵀA: syrk with trans on A (m×n), or without on a stored Aᵀ (n×m).
      addon.syrk(f32, false, !f.trans, n, m, 1, f.data, f.offset, f.ld, 1, out.data, out.offset, n);
    }
    mirrorUpper(out, order);
  };
}

export function nativeGemv(addon: LapackAddon, fallback: KernelFn<"gemv">): KernelFn<"gemv"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    if (!nativeDtype(out.dtype) || inputs.some((v) => v.dtype !== out.dtype)) return fallback(inputs, outputs, attrs);
    const a = matOf(inputs[0]!, out.dtype);
    const x = matOf(inputs[1]!, out.dtype);
    const { rows: m, cols: n } = a;
    if (inputs[1]!.shape.length !== 1 || x.rows !== n || x.rs <= 0) return fallback(inputs, outputs, attrs);
    expectOutput(out, [m], "gemv output");
    if (attrs.accumulate) {
      const y0 = matOf(inputs[2]!, out.dtype);
      if (inputs[2]!.shape.length !== 1 || y0.rows !== m) return fallback(inputs, outputs, attrs);
      gatherRowMajor(addon, y0, out.data, out.offset, 1);
    } else {
      out.data.fill(0, out.offset, out.offset + m);
    }
    if (m === 0 || n === 0) return;
    const f = blasMatrix(addon, a);
    const [rows, cols] = f.trans ? [n, m] : [m, n];
    addon.gemv(out.dtype === "float32", f.trans, rows, cols, f.data, f.offset, f.ld, x.data, x.offset, x.rs, 1, out.data, out.offset, 1);
  };
}
