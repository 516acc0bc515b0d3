// SPDX-License-Identifier: Apache-2.0
/** Triangular solve through CBLAS trsm on the row-major output (B copied in), A read in place. */
import type { KernelFn } from "../../manifest.js";
import { expectOutput } from "../../ts/linalg/matrix.js";
import { requireNonzeroDiagonal, triangularOperands, zeroDiagonal } from "../../ts/linalg/triangular.js";
import type { LapackAddon } from "./lapack-addon.js";
import { blasMatrix, gatherRowMajor, matOf, nativeDtype } from "./operands.js";

export function nativeTriangularSolve(addon: LapackAddon, fallback: KernelFn<"triangularSolve">): KernelFn<"triangularSolve"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    if (!nativeDtype(out.dtype)) return fallback(inputs, outputs, attrs);
    const { n } = triangularOperands(inputs, attrs);
    const a = matOf(inputs[0]!, out.dtype);
    const b = matOf(inputs[1]!, out.dtype);
    expectOutput(out, inputs[1]!.shape, "triangularSolve output");
    requireNonzeroDiagonal(a, n, attrs);
    // BLAS divides by a zero diagonal: the reference kernel gives those unknowns zero (rare: singular LU).
    if (attrs.skipZeroDiagonal && zeroDiagonal(a, n, attrs) >= 0) return fallback(inputs, outputs, attrs);
    if (b.rows === 0 || b.cols === 0) return;
    gatherRowMajor(addon, b, out.data, out.offset, b.cols);
    const f = blasMatrix(addon, a);
    // A stored transposed: its other triangle, with the transpose flag flipped.
    const [lower, trans] = [attrs.lower !== f.trans, (attrs.transA === true) !== f.trans];
    if (attrs.side === "left" && b.cols === 1) {
      addon.trsv(out.dtype === "float32", lower, trans, attrs.unitDiagonal === true, n, f.data, f.offset, f.ld, out.data, out.offset, 1);
      return;
    }
    addon.trsm(
      out.dtype === "float32",
      attrs.side === "left",
      lower,
      trans,
      attrs.unitDiagonal === true,
      b.rows,
      b.cols,
      f.data,
      f.offset,
      f.ld,
      out.data,
      out.offset,
      b.cols,
    );
  };
}
