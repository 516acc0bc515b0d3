// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `gather` and `scatter` kernels: copies at positions the planner computed. Inner
 * runs that are contiguous on both sides go through TypedArray.set.
 */
import type { KernelFn } from "../../manifest.js";
import { sizeOf } from "../nd-iter.js";
import { copyInto, relativeOffsets } from "./offsets.js";

export const gather: KernelFn<"gather"> = (inputs, outputs, { axis, ndim, offsets }) => {
  const src = inputs[0]!;
  const out = outputs[0]!;
  const preShape = out.shape.slice(0, axis);
  const postShape = out.shape.slice(axis + ndim);
  const pre = relativeOffsets(preShape, src.strides.slice(0, axis));
  const postStrides = src.strides.slice(axis);
  const post = relativeOffsets(postShape, postStrides);
  const inner = post.length;
  const dense = inner > 0 && post.every((v, b) => v === b);
  const sd = src.data;
  const od = out.data;
  let o = out.offset;
  for (let a = 0; a < pre.length; a++) {
    const row = src.offset + pre[a]!;
    for (let k = 0; k < offsets.length; k++) {
      const s = row + offsets[k]!;
      if (dense) {
        od.set(sd.subarray(s, s + inner), o);
        o += inner;
      } else {
        for (let b = 0; b < inner; b++) od[o++] = sd[s + post[b]!]!;
      }
    }
  }
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
