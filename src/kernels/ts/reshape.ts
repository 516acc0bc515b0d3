// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `reshape` kernel. The output block is a union of runs that are contiguous in the
 * global C order; each run is copied from the inputs in segments, a segment ending where the
 * input piece's memory stops being evenly strided along the flat order (the end of a row, or of
 * the piece when its inner axes are whole and contiguous). Index arithmetic happens once per
 * segment, not per element.
 */
import type { KernelFn } from "../manifest.js";
import type { View } from "../view.js";

interface Piece {
  readonly view: View;
  readonly start: readonly number[];
  /** The outermost axis from which the piece is one evenly strided run in flat order. */
  readonly flatAxis: number;
}

function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d]!;
  }
  return s;
}

function prepare(view: View, start: readonly number[], inShape: readonly number[]): Piece {
  const last = inShape.length - 1;
  let a = last;
  while (a > 0 && view.shape[a] === inShape[a] && view.strides[a - 1] === view.strides[a]! * view.shape[a]!) a--;
  return { view, start, flatAxis: a };
}

function contains(p: Piece, c: readonly number[]): boolean {
  for (let d = 0; d < c.length; d++) {
    const x = c[d]! - p.start[d]!;
    if (x < 0 || x >= p.view.shape[d]!) return false;
  }
  return true;
}

export const reshape: KernelFn<"reshape"> = (inputs, outputs, { inShape, outShape, outStart, inStarts }) => {
  const out = outputs[0]!;
  const pieces = inputs.map((v, i) => prepare(v, inStarts[i]!, inShape));
  const bshape = out.shape;
  const size = bshape.reduce((a, b) => a * b, 1);
  if (size === 0) return;
  if (inShape.length === 0 || bshape.length === 0) {
    // One element (length-1 axes only): copy it.
    const p = pieces[0]!.view;
    out.data[out.offset] = p.data[p.offset]!;
    return;
  }
  const inStr = stridesOf(inShape);
  const outStr = stridesOf(outShape);
  const nd = bshape.length;
  const ni = inShape.length;
  // Axes after j span the whole array, so the block is runs of runLen flat-contiguous elements.
  let j = nd - 1;
  while (j > 0 && bshape[j] === outShape[j]) j--;
  let runLen = 1;
  for (let d = j; d < nd; d++) runLen *= bshape[d]!;
  const runs = size / runLen;
  const idx = new Array<number>(j).fill(0);
  const c = new Array<number>(ni).fill(0);
  let hit = pieces[0]!;
  let o = out.offset;
  for (let r = 0; r < runs; r++) {
    let f = outStart[j]! * outStr[j]!;
    for (let d = 0; d < j; d++) f += (outStart[d]! + idx[d]!) * outStr[d]!;
    let rem = runLen;
    while (rem > 0) {
      let x = f;
      for (let d = 0; d < ni; d++) {
        c[d] = Math.floor(x / inStr[d]!);
        x -= c[d]! * inStr[d]!;
      }
      if (!contains(hit, c)) {
        const found = pieces.find((p) => contains(p, c));
        if (!found) throw new Error(`reshape kernel: no input covers flat position ${f}`);
        hit = found;
      }
      const v = hit.view;
      const a = hit.flatAxis;
      let pos = 0;
      for (let d = a + 1; d < ni; d++) pos += (c[d]! - hit.start[d]!) * inStr[d]!;
      const avail = (hit.start[a]! + v.shape[a]! - c[a]!) * inStr[a]! - pos;
      const n = Math.min(rem, avail);
      let s = v.offset;
      for (let d = 0; d < ni; d++) s += (c[d]! - hit.start[d]!) * v.strides[d]!;
      const st = v.strides[ni - 1]!;
      const sd = v.data;
      const od = out.data;
      if (st === 1) od.set(sd.subarray(s, s + n), o);
      else for (let k = 0; k < n; k++, s += st) od[o + k] = sd[s]!;
      o += n;
      f += n;
      rem -= n;
    }
    for (let d = j - 1; d >= 0; d--) {
      if (++idx[d]! < bshape[d]!) break;
      idx[d] = 0;
    }
  }
};
