// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `gather` and `scatter` kernels: copies at positions the planner computed. Inner
 * runs that are contiguous on both sides go through TypedArray.set.
 */
import type { KernelFn } from "../../manifest.js";
import { sizeOf } from "../nd-iter.js";
import { copyInto, relativeOffsets } from "./offsets.js";

export const gather: KernelFn<"gather"> = (inputs, outputs, { axis, ndim, offsets, targets }) => {
  const out = outputs[0]!;
  const preShape = out.shape.slice(0, axis);
  const postShape = out.shape.slice(axis + ndim);
  const run = sizeOf(out.shape.slice(axis, axis + ndim));
  const inner = sizeOf(postShape);
  const od = out.data;
  inputs.forEach((src, j) => {
    const offs = offsets[j]!;
    const to = targets?.[j];
    const n = offs.length;
    const pre = relativeOffsets(preShape, src.strides.slice(0, axis));
    const post = relativeOffsets(postShape, src.strides.slice(axis));
    // Long contiguous rows copy as memcpy; single elements (the common 1-d gather) one by one.
    const dense = inner >= 16 && post.every((v, b) => v === b);
    const sd = src.data;
    for (let a = 0; a < pre.length; a++) {
      const row = src.offset + pre[a]!;
      const outRow = out.offset + a * run * inner;
      if (inner === 1) {
        const s = row + post[0]!;
        if (to) for (let k = 0; k < n; k++) od[outRow + to[k]!] = sd[s + offs[k]!]!;
        else for (let k = 0; k < n; k++) od[outRow + k] = sd[s + offs[k]!]!;
        continue;
      }
      for (let k = 0; k < n; k++) {
        const s = row + offs[k]!;
        const o = outRow + (to ? to[k]! : k) * inner;
        if (dense) od.set(sd.subarray(s, s + inner), o);
        else for (let b = 0; b < inner; b++) od[o + b] = sd[s + post[b]!]!;
      }
    }
  });
};

export const scatter: KernelFn<"scatter"> = (inputs, outputs, { base, fill, pieces }) => {
  const out = outputs[0]!;
  if (base) copyInto(inputs[0]!, out);
  else out.data.fill(fill, out.offset, out.offset + sizeOf(out.shape));
  const od = out.data;
  pieces.forEach((desc, i) => {
    const p = inputs[i + (base ? 1 : 0)]!;
    if (sizeOf(p.shape) === 0) return;
    const { axis, targets } = desc;
    const preShape = p.shape.slice(0, axis);
    const postShape = p.shape.slice(axis + 1);
    const inPre = relativeOffsets(preShape, p.strides.slice(0, axis));
    const outPre = relativeOffsets(preShape, desc.strides.slice(0, axis));
    const inPost = relativeOffsets(postShape, p.strides.slice(axis + 1));
    const outPost = relativeOffsets(postShape, desc.strides.slice(axis + 1));
    const step = p.strides[axis]!;
    const pd = p.data;
    const inner = inPost.length;
    for (let a = 0; a < inPre.length; a++) {
      for (let t = 0; t < targets.length; t++) {
        const s = p.offset + inPre[a]! + t * step;
        const o = out.offset + outPre[a]! + targets[t]!;
        for (let b = 0; b < inner; b++) od[o + outPost[b]!] = pd[s + inPost[b]!]!;
      }
    }
  });
};
