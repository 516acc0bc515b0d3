// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `maskMerge` and `maskScatter` kernels. A boolean selection lists true elements in
 * C order over the mask's axes; when a mask is split along more than its first axis, the true
 * elements of one block are not consecutive in that order. Both kernels walk a group of mask blocks
 * (one chunk of the first axis, every chunk of the others) in C order to interleave them.
 */
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { sizeOf } from "../nd-iter.js";
import { copyInto, relativeOffsets } from "./offsets.js";

/**
 * Calls `visit(j, local)` for every true element of the group in C order: `j` is the mask
 * holding it and `local` its flat C-order position inside that mask.
 */
export function walkGroup(
  masks: readonly View[],
  starts: readonly (readonly number[])[],
  groupShape: readonly number[],
  visit: (j: number, local: number) => void,
): void {
  const nd = groupShape.length;
  if (nd === 0) {
    const m = masks[0];
    if (m && m.data[m.offset] !== 0) visit(0, 0);
    return;
  }
  if (sizeOf(groupShape) === 0) return;
  // Cells per axis cut at every mask's start and end (masks with no true element may be left
  // out, leaving cells no mask covers), and the mask at each cell.
  const cuts = groupShape.map((_, d) => {
    const at = new Set<number>([0]);
    starts.forEach((s, j) => at.add(s[d]!).add(s[d]! + masks[j]!.shape[d]!));
    return [...at].filter((x) => x < groupShape[d]!).sort((a, b) => a - b);
  });
  const chunkAt = groupShape.map((n, d) => {
    const table = new Int32Array(n);
    let c = 0;
    for (let x = 0; x < n; x++) {
      while (c + 1 < cuts[d]!.length && cuts[d]![c + 1]! <= x) c++;
      table[x] = c;
    }
    return table;
  });
  const radix = cuts.map((c) => c.length);
  const keyOf = (chunks: readonly number[]) => chunks.reduce((k, c, d) => k * radix[d]! + c, 0);
  const maskAt = new Map<number, number>();
  starts.forEach((s, j) => maskAt.set(keyOf(s.map((x, d) => chunkAt[d]![x]!)), j));

  const last = nd - 1;
  const outer = groupShape.slice(0, last);
  const lastCuts = cuts[last]!;
  const rows = sizeOf(outer);
  const coord = new Array<number>(last).fill(0);
  for (let r = 0; r < rows; r++) {
    let rowKey = 0;
    for (let d = 0; d < last; d++) rowKey = rowKey * radix[d]! + chunkAt[d]![coord[d]!]!;
    for (let c = 0; c < lastCuts.length; c++) {
      const j = maskAt.get(rowKey * radix[last]! + c);
      if (j === undefined) continue;
      const m = masks[j]!;
      const s = starts[j]!;
      let base = m.offset;
      let localRow = 0;
      for (let d = 0; d < last; d++) {
        const l = coord[d]! - s[d]!;
        base += l * m.strides[d]!;
        localRow = localRow * m.shape[d]! + l;
      }
      const len = m.shape[last]!;
      const step = m.strides[last]!;
      for (let l = 0; l < len; l++) if (m.data[base + l * step] !== 0) visit(j, localRow * len + l);
    }
    for (let d = last - 1; d >= 0; d--) {
      if (++coord[d]! < outer[d]!) break;
      coord[d] = 0;
    }
  }
}

export const maskMerge: KernelFn<"maskMerge"> = (inputs, outputs, { axis, groupShape, starts }) => {
  const out = outputs[0]!;
  const nMasks = starts.length;
  const masks = inputs.slice(0, nMasks);
  const pieces = inputs.slice(nMasks);
  const preShape = out.shape.slice(0, axis);
  const postShape = out.shape.slice(axis + 1);
  const outPre = relativeOffsets(preShape, out.strides.slice(0, axis));
  const outPost = relativeOffsets(postShape, out.strides.slice(axis + 1));
  const piecePre = pieces.map((p) => relativeOffsets(preShape, p.strides.slice(0, axis)));
  const piecePost = pieces.map((p) => relativeOffsets(postShape, p.strides.slice(axis + 1)));
  const cursor = new Array<number>(nMasks).fill(0);
  const od = out.data;
  const step = out.strides[axis]!;
  let t = 0;
  walkGroup(masks, starts, groupShape, (j) => {
    const p = pieces[j]!;
    const pre = piecePre[j]!;
    const post = piecePost[j]!;
    const from = p.offset + cursor[j]!++ * p.strides[axis]!;
    const to = out.offset + t++ * step;
    for (let a = 0; a < outPre.length; a++) {
      for (let b = 0; b < outPost.length; b++) od[to + outPre[a]! + outPost[b]!] = p.data[from + pre[a]! + post[b]!]!;
    }
  });
};

export const maskScatter: KernelFn<"maskScatter"> = (inputs, outputs, { groupShape, starts, target }) => {
  const out = outputs[0]!;
  copyInto(inputs[0]!, out);
  const masks = inputs.slice(1, 1 + starts.length);
  const values = inputs[1 + starts.length]!;
  const maskNdim = groupShape.length;
  const maskShape = masks[target]!.shape;
  // Output offset of each mask position, and the value / output offsets of the trailing axes.
  const outAt = relativeOffsets(maskShape, out.strides.slice(0, maskNdim));
  const postShape = out.shape.slice(maskNdim);
  const outPost = relativeOffsets(postShape, out.strides.slice(maskNdim));
  const valuePost = relativeOffsets(postShape, values.strides.slice(1));
  const od = out.data;
  const vd = values.data;
  let t = 0;
  walkGroup(masks, starts, groupShape, (j, local) => {
    const row = t++;
    if (j !== target) return;
    const to = out.offset + outAt[local]!;
    const from = values.offset + row * values.strides[0]!;
    for (let b = 0; b < outPost.length; b++) od[to + outPost[b]!] = vd[from + valuePost[b]!]!;
  });
};
