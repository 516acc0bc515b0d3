// SPDX-License-Identifier: Apache-2.0
// PLACEHOLDER (replaced by the kernel engine): element-by-element region copies.
import type { KernelFn } from "../manifest.js";
import { forEachElement } from "./nd-iter.js";

export const assemble: KernelFn<"assemble"> = (inputs, outputs, { starts, fill }) => {
  const out = outputs[0]!;
  const size = out.shape.reduce((a, b) => a * b, 1);
  out.data.fill(fill, out.offset, out.offset + size);
  inputs.forEach((src, i) => {
    const start = starts[i]!;
    let o0 = out.offset;
    start.forEach((s, d) => (o0 += s * out.strides[d]!));
    forEachElement(src.shape, [src.offset, o0], [src.strides, out.strides], (_, [si, oi]) => {
      out.data[oi!] = src.data[si!]!;
    });
  });
};
