// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `repeat` kernel: maps each output position along the axis to its source element
 * once, then copies slices with the other axes iterated by strides.
 */
import type { KernelFn } from "../manifest.js";
import { forEachElement } from "./nd-iter.js";

/** Source index of each of the `len` output positions along the axis. */
function sourceIndices(counts: number | Float64Array, skip: number, len: number): Int32Array {
  const out = new Int32Array(len);
  if (typeof counts === "number") {
    for (let t = 0; t < len; t++) out[t] = Math.floor((t + skip) / counts);
    return out;
  }
  let j = 0;
  let left = counts[0] ?? 0;
  let toSkip = skip;
  for (let t = 0; t < len; t++) {
    while (left === 0 || toSkip > 0) {
      if (left === 0) left = counts[++j]!;
      else {
        const k = Math.min(left, toSkip);
        left -= k;
        toSkip -= k;
      }
    }
    out[t] = j;
    left--;
  }
  return out;
}

export const repeat: KernelFn<"repeat"> = (inputs, outputs, { axis, counts, skip }) => {
  const src = inputs[0]!;
  const out = outputs[0]!;
  const len = out.shape[axis]!;
  const from = sourceIndices(counts, skip, len);
  const srcStep = src.strides[axis]!;
  const outStride = out.strides[axis]!;
  const rest = (v: readonly number[]) => v.filter((_, d) => d !== axis);
  const sd = src.data;
  const od = out.data;
  forEachElement(rest(out.shape), [src.offset, out.offset], [rest(src.strides), rest(out.strides)], (_, [s, o]) => {
    for (let t = 0; t < len; t++) od[o! + t * outStride] = sd[s! + from[t]! * srcStep]!;
  });
};
