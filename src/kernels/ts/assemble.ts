// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `assemble` kernel: copies each input region into the output block at its start
 * coordinates and fills what no region covers. Runs that are contiguous on both sides are copied
 * with TypedArray.set (a memcpy); the fill is skipped when the regions tile the block.
 */
import type { KernelFn } from "../manifest.js";
import { coalesce, forEachRun, sizeOf } from "./nd-iter.js";

export const assemble: KernelFn<"assemble"> = (inputs, outputs, { starts, fill }) => {
  const out = outputs[0]!;
  const size = sizeOf(out.shape);
  const covered = inputs.reduce((n, v) => n + sizeOf(v.shape), 0);
  // Regions never overlap, so covering as many elements as the block means covering it all.
  if (covered < size) out.data.fill(fill, out.offset, out.offset + size);
  inputs.forEach((src, i) => {
    if (sizeOf(src.shape) === 0) return;
    let o0 = out.offset;
    starts[i]!.forEach((s, d) => (o0 += s * out.strides[d]!));
    const { shape, strides } = coalesce(src.shape, [src.strides, out.strides]);
    const n = shape[shape.length - 1]!;
    const ss = strides[0]![shape.length - 1]!;
    const os = strides[1]![shape.length - 1]!;
    const sd = src.data;
    const od = out.data;
    forEachRun(shape, [src.offset, o0], strides, ([si, oi]) => {
      if (ss === 1 && os === 1) {
        od.set(sd.subarray(si!, si! + n), oi!);
      } else {
        for (let k = 0, s = si!, o = oi!; k < n; k++, s += ss, o += os) od[o] = sd[s]!;
      }
    });
  });
};
