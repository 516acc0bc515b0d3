// SPDX-License-Identifier: Apache-2.0
/**
 * Reference tournament round of CALU (Grigori, Demmel & Xiang, "CALU: a communication optimal LU
 * factorization algorithm", SIAM J. Matrix Anal. Appl. 32(4), 2011): partial-pivoting LU of the
 * stacked candidate rows picks r of them; their original values, positions and LU factors (in
 * pivot order) are the round's result.
 */
import { LinAlgError, ShapeError } from "../../../errors.js";
import type { KernelFn, TournamentAttrs } from "../../manifest.js";
import type { View } from "../../view.js";
import { luFactor } from "../linalg/lu.js";
import { SINGULAR } from "../linalg/lu-solve.js";
import { type Mat, asMat, expectOutput, loadColMajor, transposed } from "../linalg/matrix.js";
import { interchangesOf } from "./row-exchange.js";

/** The candidate blocks of a round and every stacked row's position. */
export interface Candidates {
  readonly blocks: Mat[];
  readonly positions: Int32Array;
  readonly m: number;
  readonly w: number;
}

export function candidatesOf(inputs: readonly View[], attrs: TournamentAttrs): Candidates {
  const q = attrs.firstRows ? inputs.length : inputs.length / 2;
  if (!Number.isInteger(q) || q < 1) throw new ShapeError(`tournament: expected candidate blocks and their positions, got ${inputs.length} inputs`);
  const blocks = inputs.slice(0, q).map(asMat);
  const w = blocks[0]!.cols;
  if (blocks.some((b) => b.cols !== w)) throw new ShapeError("tournament: candidate blocks must have the same number of columns");
  const m = blocks.reduce((s, b) => s + b.rows, 0);
  const positions = new Int32Array(m);
  let r0 = 0;
  blocks.forEach((b, i) => {
    if (attrs.firstRows) {
      for (let t = 0; t < b.rows; t++) positions[r0 + t] = attrs.firstRows[i]! + t;
    } else {
      const p = inputs[q + i]!;
      if (p.shape.length !== 1 || p.shape[0] !== b.rows) throw new ShapeError("tournament: positions must be 1-D, one per candidate row");
      for (let t = 0; t < b.rows; t++) positions[r0 + t] = p.data[p.offset + t * p.strides[0]!]!;
    }
    r0 += b.rows;
  });
  return { blocks, positions, m, w };
}

/** Stacked row `row` of the candidates, copied into `out` at `at`. */
export function copyCandidateRow(c: Candidates, row: number, out: View["data"], at: number): void {
  let i = 0;
  while (row >= c.blocks[i]!.rows) row -= c.blocks[i++]!.rows;
  const b = c.blocks[i]!;
  for (let j = 0; j < c.w; j++) out[at + j] = b.data[b.offset + row * b.rs + j * b.cs]!;
}

/** The stacked row picked at each of the first r steps, from getrf's sequential interchanges. */
export function pickedRows(piv: Int32Array, m: number, r: number): Int32Array {
  const order = new Int32Array(m);
  for (let i = 0; i < m; i++) order[i] = i;
  for (let j = 0; j < r; j++) {
    const p = piv[j]!;
    const t = order[j]!;
    order[j] = order[p]!;
    order[p] = t;
  }
  return order.subarray(0, r);
}

/** Checks the outputs and writes the picked rows' values and positions (as interchanges from `top` when given). */
export function storePicked(c: Candidates, picked: Int32Array, outputs: readonly View[], top?: number): void {
  const r = picked.length;
  const [values, positions] = [outputs[0]!, outputs[1]!];
  expectOutput(values, [r, c.w], "tournament output values");
  expectOutput(positions, [r], "tournament output positions");
  expectOutput(outputs[2]!, [r, c.w], "tournament output LU");
  picked.forEach((row, s) => copyCandidateRow(c, row, values.data, values.offset + s * c.w));
  const rows = Array.from(picked, (row) => c.positions[row]!);
  positions.data.set(top === undefined ? rows : interchangesOf(rows, top), positions.offset);
}

export const tournament: KernelFn<"tournament"> = (inputs, outputs, attrs) => {
  const c = candidatesOf(inputs, attrs);
  const r = Math.min(c.m, c.w);
  const w = new Float64Array(c.m * c.w);
  let r0 = 0;
  for (const b of c.blocks) {
    // Row-major stacking: the column-major load of the transpose.
    loadColMajor(transposed(b), c.w, w, r0 * c.w);
    r0 += b.rows;
  }
  const piv = new Int32Array(Math.max(r, 1));
  const info = luFactor(w, c.m, c.w, piv);
  if (attrs.raiseSingular && info > 0) throw new LinAlgError(SINGULAR);
  storePicked(c, pickedRows(piv, c.m, r), outputs, attrs.top);
  const lu = outputs[2]!;
  lu.data.set(w.subarray(0, r * c.w), lu.offset);
};
