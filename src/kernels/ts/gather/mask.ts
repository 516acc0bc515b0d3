// SPDX-License-Identifier: Apache-2.0
/** The reference mask kernels that work on one block: count, compress and argwhere. */
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { coalesce, forEachElement, forEachRun, sizeOf } from "../nd-iter.js";
import { relativeOffsets } from "./offsets.js";

/**
 * Calls `visit(maskOffset, position)` for every element of the mask view in C order, walking
 * coalesced runs (`position` is the flat C-order index).
 */
function forEachMaskRun(mask: View, run: (start: number, step: number, len: number, position: number) => void): void {
  if (sizeOf(mask.shape) === 0) return;
  const { shape, strides } = coalesce(mask.shape, [mask.strides]);
  const last = shape.length - 1;
  const len = shape[last]!;
  const step = strides[0]![last]!;
  let position = 0;
  forEachRun(shape, [mask.offset], strides, ([start]) => {
    run(start!, step, len, position);
    position += len;
  });
}

/** The flat C-order positions of the non-zero elements of a mask view. */
export function truePositions(mask: View): Int32Array {
  const md = mask.data;
  let out = new Int32Array(64);
  let n = 0;
  forEachMaskRun(mask, (start, step, len, position) => {
    for (let i = 0, m = start; i < len; i++, m += step) {
      if (md[m] === 0) continue;
      if (n === out.length) {
        const grown = new Int32Array(out.length * 2);
        grown.set(out);
        out = grown;
      }
      out[n++] = position + i;
    }
  });
  return out.subarray(0, n);
}

export const maskCount: KernelFn<"maskCount"> = (inputs) => {
  const m = inputs[0]!;
  const md = m.data;
  let n = 0;
  forEachMaskRun(m, (start, step, len) => {
    // Branch-free: masks are unpredictable, and a mispredicted branch costs more than the add.
    for (let i = 0, k = start; i < len; i++, k += step) n += +(md[k] !== 0);
  });
  return n;
};

export const compress: KernelFn<"compress"> = (inputs, outputs, { axis, ndim }) => {
  const src = inputs[0]!;
  const mask = inputs[1]!;
  const out = outputs[0]!;
  const maskShape = src.shape.slice(axis, axis + ndim);
  const maskStrides = src.strides.slice(axis, axis + ndim);
  if (sizeOf(src.shape.slice(0, axis)) === 1 && sizeOf(src.shape.slice(axis + ndim)) === 1) {
    compressElements(src, mask, out, maskShape, maskStrides);
    return;
  }
  const kept = truePositions(mask);
  // Data offset of each kept element, from its flat position over the mask's axes.
  const at = new Int32Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    let rest = kept[k]!;
    let off = 0;
    for (let d = ndim - 1; d >= 0; d--) {
      const c = rest % maskShape[d]!;
      rest = (rest - c) / maskShape[d]!;
      off += c * maskStrides[d]!;
    }
    at[k] = off;
  }
  const pre = relativeOffsets(src.shape.slice(0, axis), src.strides.slice(0, axis));
  const post = relativeOffsets(src.shape.slice(axis + ndim), src.strides.slice(axis + ndim));
  const sd = src.data;
  const od = out.data;
  let o = out.offset;
  for (let a = 0; a < pre.length; a++) {
    const row = src.offset + pre[a]!;
    if (post.length === 1) {
      const s = row + post[0]!;
      for (let k = 0; k < at.length; k++) od[o++] = sd[s + at[k]!]!;
      continue;
    }
    for (let k = 0; k < at.length; k++) {
      const s = row + at[k]!;
      for (let b = 0; b < post.length; b++) od[o++] = sd[s + post[b]!]!;
    }
  }
};

/** `compress` when every masked position holds one element: data and mask walked together. */
function compressElements(src: View, mask: View, out: View, shape: readonly number[], strides: readonly number[]): void {
  if (sizeOf(shape) === 0) return;
  // The other axes have length 1: their position is the start.
  const base = src.offset;
  const c = coalesce(shape, [mask.strides, strides]);
  const last = c.shape.length - 1;
  const len = c.shape[last]!;
  const ms = c.strides[0]![last]!;
  const ss = c.strides[1]![last]!;
  const md = mask.data;
  const sd = src.data;
  const od = out.data;
  let o = out.offset;
  // Branch-free: every element is written at the cursor, which only kept ones advance (the last
  // write may land one past the output: dropped by the typed array, or in the block's own slack).
  forEachRun(c.shape, [mask.offset, base], c.strides, ([m0, s0]) => {
    for (let i = 0, m = m0!, s = s0!; i < len; i++, m += ms, s += ss) {
      od[o] = sd[s]!;
      o += +(md[m] !== 0);
    }
  });
}

export const argwhere: KernelFn<"argwhere"> = (inputs, outputs, { start }) => {
  const mask = inputs[0]!;
  const out = outputs[0]!;
  const nd = mask.shape.length;
  const od = out.data;
  let o = out.offset;
  const coords = new Array<number>(nd).fill(0);
  forEachElement(mask.shape, [mask.offset], [mask.strides], (i, [m]) => {
    if (mask.data[m!] !== 0) {
      let rest = i;
      for (let d = nd - 1; d >= 0; d--) {
        coords[d] = rest % mask.shape[d]!;
        rest = Math.floor(rest / mask.shape[d]!);
      }
      for (let d = 0; d < nd; d++) od[o++] = start[d]! + coords[d]!;
    }
  });
};
