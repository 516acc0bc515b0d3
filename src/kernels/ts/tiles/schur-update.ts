// SPDX-License-Identifier: Apache-2.0
/**
 * Reference Schur-complement update C = C0 − Σ_t A_t·B_t: C0 loaded into a float64 row-major
 * buffer, then an i-p-j loop per term over the operands' strides (rows of B and C contiguous in
 * the inner loop for the common layouts).
 */
import { ShapeError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { type Mat, asMat, expectOutput, loadRowMajor } from "../linalg/matrix.js";

/** c (rows×cols row-major) −= a·b. */
export function subtractProduct(c: Float64Array, a: Mat, b: Mat): void {
  const { rows: m, cols: k } = a;
  const n = b.cols;
  for (let i = 0; i < m; i++) {
    const ci = i * n;
    for (let p = 0; p < k; p++) {
      const aip = a.data[a.offset + i * a.rs + p * a.cs]!;
      if (aip === 0) continue;
      const bp = b.offset + p * b.rs;
      for (let j = 0; j < n; j++) c[ci + j]! -= aip * b.data[bp + j * b.cs]!;
    }
  }
}

/** The operands of a Schur update, with their shapes checked: terms (A_t, B_t) and C0. */
export function schurOperands(inputs: readonly View[], terms: number): { pairs: [Mat, Mat][]; c0: Mat } {
  if (inputs.length !== 2 * terms + 1) throw new ShapeError(`schurUpdate with ${terms} terms needs ${2 * terms + 1} inputs, got ${inputs.length}`);
  const c0 = asMat(inputs[2 * terms]!);
  const pairs: [Mat, Mat][] = [];
  for (let t = 0; t < terms; t++) {
    const a = asMat(inputs[2 * t]!);
    const b = asMat(inputs[2 * t + 1]!);
    if (a.cols !== b.rows || a.rows !== c0.rows || b.cols !== c0.cols) {
      throw new ShapeError(`schurUpdate: term ${t} is (${a.rows}×${a.cols})·(${b.rows}×${b.cols}) but C0 is ${c0.rows}×${c0.cols}`);
    }
    pairs.push([a, b]);
  }
  return { pairs, c0 };
}

export const schurUpdate: KernelFn<"schurUpdate"> = (inputs, outputs, attrs) => {
  const { pairs, c0 } = schurOperands(inputs, attrs.terms ?? 1);
  const out = outputs[0]!;
  expectOutput(out, [c0.rows, c0.cols], "schurUpdate output");
  const c = loadRowMajor(c0);
  for (const [a, b] of pairs) if (a.cols > 0) subtractProduct(c, a, b);
  out.data.set(c, out.offset);
};
