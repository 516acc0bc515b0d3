// SPDX-License-Identifier: Apache-2.0
/**
 * Reference panel LU: partial-pivoting LU (lu.ts, LAPACK's dgetf2) of a tile column's stacked
 * tiles, the factors written back tile by tile and the interchanges in whole-matrix positions.
 */
import { LinAlgError, ShapeError } from "../../../errors.js";
import type { KernelFn, PanelLuAttrs } from "../../manifest.js";
import type { View } from "../../view.js";
import { luFactor } from "../linalg/lu.js";
import { SINGULAR } from "../linalg/lu-solve.js";
import { type Mat, asMat, expectOutput, loadColMajor, transposed } from "../linalg/matrix.js";

/** The stacked panel's tiles, its rows and width; outputs checked (one per tile, then piv). */
export function panelOperands(inputs: readonly View[], outputs: readonly View[]): { tiles: Mat[]; m: number; w: number } {
  const tiles = inputs.map(asMat);
  const w = tiles[0]?.cols ?? 0;
  if (tiles.length === 0 || tiles.some((t) => t.cols !== w)) throw new ShapeError("panelLu: tiles of one column must have the same width");
  if (outputs.length !== tiles.length + 1) throw new ShapeError("panelLu: one output per tile, then the interchanges");
  const m = tiles.reduce((s, t) => s + t.rows, 0);
  tiles.forEach((t, i) => expectOutput(outputs[i]!, [t.rows, w], "panelLu output"));
  expectOutput(outputs[tiles.length]!, [Math.min(m, w)], "panelLu output piv");
  return { tiles, m, w };
}

/** Writes getrf's 0-based stack pivots as interchanges in whole-matrix positions. */
export function storeInterchanges(out: View, ipiv: ArrayLike<number>, top: number, base: number): void {
  for (let s = 0; s < out.shape[0]!; s++) out.data[out.offset + s] = top + ipiv[s]! - base;
}

export const panelLu: KernelFn<"panelLu"> = (inputs, outputs, attrs: PanelLuAttrs) => {
  const { tiles, m, w } = panelOperands(inputs, outputs);
  const a = new Float64Array(m * w);
  let r0 = 0;
  for (const t of tiles) {
    loadColMajor(transposed(t), w, a, r0 * w);
    r0 += t.rows;
  }
  const piv = new Int32Array(Math.min(m, w));
  const info = luFactor(a, m, w, piv);
  if (attrs.raiseSingular && info > 0) throw new LinAlgError(SINGULAR);
  r0 = 0;
  tiles.forEach((t, i) => {
    outputs[i]!.data.set(a.subarray(r0 * w, (r0 + t.rows) * w), outputs[i]!.offset);
    r0 += t.rows;
  });
  storeInterchanges(outputs[tiles.length]!, piv, attrs.top, 0);
};
