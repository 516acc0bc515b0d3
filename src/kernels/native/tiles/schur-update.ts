// SPDX-License-Identifier: Apache-2.0
/**
 * The Schur update C = X(C0) − Σ A_t·B_t through BLAS: C0 copied into the output (the exchanged
 * rows then overwritten from the old top rows), then gemm with alpha = −1, beta = 1 per term.
 */
import type { KernelFn } from "../../manifest.js";
import { exchangedRows, schurOperands } from "../../ts/tiles/schur-update.js";
import { expectOutput } from "../../ts/linalg/matrix.js";
import type { LapackAddon } from "../linalg/lapack-addon.js";
import { blasMatrix, gatherRowMajor, matOf, nativeDtype } from "../linalg/operands.js";
import type { TileAddon } from "./tile-addon.js";

export function nativeSchurUpdate(addon: LapackAddon & TileAddon, fallback: KernelFn<"schurUpdate">): KernelFn<"schurUpdate"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    const dtype = out.dtype;
    if (!nativeDtype(dtype)) return fallback(inputs, outputs, attrs);
    const { pairs, c0 } = schurOperands(inputs, attrs);
    expectOutput(out, [c0.rows, c0.cols], "schurUpdate output");
    const [m, n] = [c0.rows, c0.cols];
    if (m === 0 || n === 0) return;
    gatherRowMajor(addon, matOf(inputs[2 * pairs.length]!, dtype), out.data, out.offset, n);
    const exchange = exchangedRows(inputs, attrs, c0);
    if (exchange) {
      const top = matOf(inputs[2 * pairs.length + 2]!, dtype);
      for (const [i, r] of exchange.rows) addon.gather(dtype === "float32", 1, n, top.data, top.offset + r * top.rs, top.rs, top.cs, out.data, out.offset + i * n, n);
    }
    pairs.forEach(([a], t) => {
      const k = a.cols;
      if (k === 0) return;
      const fa = blasMatrix(addon, matOf(inputs[2 * t]!, dtype));
      if (attrs.lower) {
        // C − A·Aᵀ on the lower triangle: syrk (A n×k; stored transposed, the transpose flag flips).
        addon.syrk(dtype === "float32", true, fa.trans, m, k, -1, fa.data, fa.offset, fa.ld, 1, out.data, out.offset, n);
        return;
      }
      const fb = blasMatrix(addon, matOf(inputs[2 * t + 1]!, dtype));
      addon.gemmScaled(dtype === "float32", fa.trans, fb.trans, m, n, k, -1, fa.data, fa.offset, fa.ld, fb.data, fb.offset, fb.ld, 1, out.data, out.offset, n);
    });
  };
}
