// SPDX-License-Identifier: Apache-2.0
/**
 * Reference Schur-complement update C = X(C0) − Σ_t A_t·B_t: C0 loaded into a float64 row-major
 * buffer (with an LU step's row exchange X applied to it when asked), then an i-p-j loop per term
 * over the operands' strides.
 */
import { ShapeError } from "../../../errors.js";
import type { KernelFn, SchurUpdateAttrs } from "../../manifest.js";
import type { View } from "../../view.js";
import { type Mat, asMat, expectOutput, loadRowMajor } from "../linalg/matrix.js";
import { exchangeSources, pivotsOf } from "./row-exchange.js";

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
export function schurOperands(inputs: readonly View[], attrs: SchurUpdateAttrs): { pairs: [Mat, Mat][]; c0: Mat } {
  const terms = attrs.terms ?? 1;
  const count = 2 * terms + 1 + (attrs.exchange ? 2 : 0);
  if (inputs.length !== count) throw new ShapeError(`schurUpdate with ${terms} terms needs ${count} inputs, got ${inputs.length}`);
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

/**
 * For each row of C0 (rows from `first`), the matrix and row its exchanged value comes from: C0
 * itself or the old top rows. Null when the exchange leaves this tile alone.
 */
export function exchangedRows(inputs: readonly View[], attrs: SchurUpdateAttrs, c0: Mat): { top: Mat; rows: Map<number, number> } | null {
  if (!attrs.exchange) return null;
  const { top: topStart, first } = attrs.exchange;
  const terms = attrs.terms ?? 1;
  const piv = pivotsOf(inputs[2 * terms + 1]!);
  const top = asMat(inputs[2 * terms + 2]!);
  if (top.rows !== piv.length || top.cols !== c0.cols) throw new ShapeError("schurUpdate: the exchange's top rows must match the pivots and C0's width");
  const rows = new Map<number, number>();
  for (const [to, from] of exchangeSources(piv, topStart)) {
    if (to < first || to >= first + c0.rows) continue;
    if (from < topStart || from >= topStart + top.rows) throw new ShapeError("schurUpdate: an exchanged row must come from the top rows");
    rows.set(to - first, from - topStart);
  }
  return rows.size === 0 ? null : { top, rows };
}

export const schurUpdate: KernelFn<"schurUpdate"> = (inputs, outputs, attrs) => {
  const { pairs, c0 } = schurOperands(inputs, attrs);
  const out = outputs[0]!;
  expectOutput(out, [c0.rows, c0.cols], "schurUpdate output");
  const c = loadRowMajor(c0);
  const exchange = exchangedRows(inputs, attrs, c0);
  if (exchange) {
    const { top, rows } = exchange;
    for (const [i, r] of rows) for (let j = 0; j < c0.cols; j++) c[i * c0.cols + j] = top.data[top.offset + r * top.rs + j * top.cs]!;
  }
  const upper = attrs.lower ? c.slice() : null;
  for (const [a, b] of pairs) if (a.cols > 0) subtractProduct(c, a, b);
  // A symmetric update computes the lower triangle only; the upper stays C0's.
  if (upper) for (let i = 0; i < c0.rows; i++) for (let j = i + 1; j < c0.cols; j++) c[i * c0.cols + j] = upper[i * c0.cols + j]!;
  out.data.set(c, out.offset);
};
