// SPDX-License-Identifier: Apache-2.0
/** The reference mask kernels that work on one block: count, compress and argwhere. */
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { forEachElement } from "../nd-iter.js";
import { relativeOffsets } from "./offsets.js";

/** The flat C-order positions of the non-zero elements of a mask view. */
export function truePositions(mask: View): Int32Array {
  const all = relativeOffsets(mask.shape, mask.strides);
  const md = mask.data;
  const base = mask.offset;
  let n = 0;
  for (let i = 0; i < all.length; i++) if (md[base + all[i]!] !== 0) n++;
  const out = new Int32Array(n);
  let j = 0;
  for (let i = 0; i < all.length; i++) if (md[base + all[i]!] !== 0) out[j++] = i;
  return out;
}

export const maskCount: KernelFn<"maskCount"> = (inputs) => {
  const m = inputs[0]!;
  let n = 0;
  forEachElement(m.shape, [m.offset], [m.strides], (_, [o]) => {
    if (m.data[o!] !== 0) n++;
  });
  return n;
};

export const compress: KernelFn<"compress"> = (inputs, outputs, { axis, ndim }) => {
  const src = inputs[0]!;
  const mask = inputs[1]!;
  const out = outputs[0]!;
  const maskShape = src.shape.slice(axis, axis + ndim);
  // Flat positions (C order over the mask's axes) of the kept elements, then their data offsets.
  const kept = truePositions(mask);
  const all = relativeOffsets(maskShape, src.strides.slice(axis, axis + ndim));
  const pre = relativeOffsets(src.shape.slice(0, axis), src.strides.slice(0, axis));
  const post = relativeOffsets(src.shape.slice(axis + ndim), src.strides.slice(axis + ndim));
  const sd = src.data;
  const od = out.data;
  let o = out.offset;
  for (let a = 0; a < pre.length; a++) {
    for (let k = 0; k < kept.length; k++) {
      const s = src.offset + pre[a]! + all[kept[k]!]!;
      for (let b = 0; b < post.length; b++) od[o++] = sd[s + post[b]!]!;
    }
  }
};

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
