// SPDX-License-Identifier: Apache-2.0
/**
 * The row exchange of one step of a blocked LU, and the slogdet of the factored matrix.
 *
 * A step's interchanges are LAPACK's ipiv in whole-matrix positions: for s = 0, 1, …, r − 1 the
 * rows at positions top + s and piv[s] (≥ top + s) are swapped. At most 2r rows move, so the
 * exchange is described by the few positions whose source differs from themselves; rows below
 * the top range only ever receive rows that started in it.
 */
import { ShapeError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { slogdetFromLu, storeSlogdet } from "../linalg/inverse.js";
import { asMat, expectOutput } from "../linalg/matrix.js";
/** The pivots of a step as positions (int32 view). */
export function pivotsOf(v: View): Int32Array {
  if (v.shape.length !== 1) throw new ShapeError("pivot positions must be 1-D");
  const out = new Int32Array(v.shape[0]!);
  for (let s = 0; s < out.length; s++) out[s] = v.data[v.offset + s * v.strides[0]!]!;
  return out;
}

/** Position → the position its new row comes from, for every row the interchanges move. */
export function exchangeSources(piv: Int32Array, top: number): Map<number, number> {
  const at = new Map<number, number>(); // position → original position of the row there now
  const rowAt = (x: number): number => at.get(x) ?? x;
  piv.forEach((p, s) => {
    const t = top + s;
    if (p === t) return;
    const [a, b] = [rowAt(t), rowAt(p)];
    at.set(t, b);
    at.set(p, a);
  });
  for (const [to, from] of at) if (to === from) at.delete(to);
  return at;
}

/** Whether the interchanges make an odd permutation (their sign is −1): one flip per actual swap. */
export function exchangeIsOdd(piv: Int32Array, top: number): boolean {
  let swaps = 0;
  piv.forEach((p, s) => {
    if (p !== top + s) swaps++;
  });
  return swaps % 2 === 1;
}

/** The interchanges (LAPACK's ipiv from position `top`) that bring the rows at `picked` to top, top + 1, …. */
export function interchangesOf(picked: ArrayLike<number>, top: number): Int32Array {
  const at = new Map<number, number>(); // position → original row there
  const where = new Map<number, number>(); // original row → its position
  const piv = new Int32Array(picked.length);
  for (let s = 0; s < picked.length; s++) {
    const row = picked[s]!;
    const t = top + s;
    const cur = where.get(row) ?? row;
    piv[s] = cur;
    const displaced = at.get(t) ?? t;
    at.set(t, row);
    where.set(row, t);
    at.set(cur, displaced);
    where.set(displaced, cur);
  }
  return piv;
}

export const rowExchange: KernelFn<"rowExchange"> = (inputs, outputs, attrs) => {
  const piv = pivotsOf(inputs[0]!);
  const top = asMat(inputs[1]!);
  const base = attrs.base ? asMat(inputs[2]!) : null;
  const sources = inputs.slice(attrs.base ? 3 : 2).map(asMat);
  if (sources.length !== attrs.sources.length) throw new ShapeError("rowExchange: one start per source tile");
  const w = top.cols;
  if (top.rows !== piv.length || [...sources, ...(base ? [base] : [])].some((s) => s.cols !== w)) {
    throw new ShapeError("rowExchange: tiles of one column must have the same width");
  }
  const out = outputs[0]!;
  const m = out.shape[0]!;
  expectOutput(out, [m, w], "rowExchange output");
  if (base && base.rows !== m) throw new ShapeError("rowExchange: the base partial must have the output's rows");
  const src = exchangeSources(piv, attrs.top);
  for (let i = 0; i < m; i++) {
    const x = attrs.first + i;
    const from = src.get(x) ?? x;
    let tile = null;
    let row = 0;
    if (from >= attrs.top && from < attrs.top + top.rows) [tile, row] = [top, from - attrs.top];
    else {
      const s = sources.findIndex((t, k) => from >= attrs.sources[k]! && from < attrs.sources[k]! + t.rows);
      if (s >= 0) [tile, row] = [sources[s]!, from - attrs.sources[s]!];
      else if (base) [tile, row] = [base, i];
    }
    const o = out.offset + i * w;
    if (!tile) out.data.fill(0, o, o + w);
    else if (tile.cs === 1 && tile.data.constructor === out.data.constructor) {
      const start = tile.offset + row * tile.rs;
      out.data.set(tile.data.subarray(start, start + w), o);
    } else for (let j = 0; j < w; j++) out.data[o + j] = tile.data[tile.offset + row * tile.rs + j * tile.cs]!;
  }
};

export const luSlogdet: KernelFn<"luSlogdet"> = (inputs, outputs, attrs) => {
  const out = outputs[0]!;
  expectOutput(out, [2], "luSlogdet output");
  if (inputs.length !== 2 * attrs.tops.length) throw new ShapeError("luSlogdet: pivots and factors for every step");
  const f32 = out.dtype === "float32";
  let sign = 1;
  let logabs = 0;
  for (let s = 0; s < attrs.tops.length; s++) {
    const piv = pivotsOf(inputs[2 * s]!);
    const lu = asMat(inputs[2 * s + 1]!);
    const r = piv.length;
    // The step's own pivots are already in order: its sign is the exchange's parity.
    const [sg, la] = slogdetFromLu((i) => lu.data[lu.offset + i * (lu.rs + lu.cs)]!, new Int32Array(r).map((_, i) => i), r, zeroPivot(lu.data, lu.offset, lu.rs + lu.cs, r), f32);
    if (sg === 0) return storeSlogdet(out, [0, -Infinity]);
    sign *= exchangeIsOdd(piv, attrs.tops[s]!) ? -sg : sg;
    logabs = f32 ? Math.fround(logabs + la) : logabs + la;
  }
  storeSlogdet(out, [sign, logabs]);
};

/** LAPACK's INFO for a factored diagonal: i + 1 for the first exact zero, else 0. */
function zeroPivot(data: View["data"], offset: number, step: number, r: number): number {
  for (let i = 0; i < r; i++) if (data[offset + i * step] === 0) return i + 1;
  return 0;
}
