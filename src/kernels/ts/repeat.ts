// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `repeat` kernel: maps each output position along the axis to its source element
 * once, then writes each run of repetitions with one slab copy and doubling copies (or a fill).
 */
import type { KernelFn } from "../manifest.js";
import { isContiguous } from "../view.js";
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
  const sd = src.data;
  const od = out.data;
  const srcStep = src.strides[axis]!;
  const outStep = out.strides[axis]!;
  const innerShape = out.shape.slice(axis + 1);
  const inner = innerShape.reduce((a, b) => a * b, 1);
  if (inner === 0) return;
  const innerSrc = src.strides.slice(axis + 1);
  const innerOut = out.strides.slice(axis + 1);
  // The output is contiguous, so each output slab along the axis is `inner` consecutive elements.
  const contiguous = isContiguous({ shape: innerShape, strides: innerSrc });
  const copySlab = (s: number, o: number) => {
    if (inner === 1) od[o] = sd[s]!;
    else if (contiguous) od.set(sd.subarray(s, s + inner), o);
    else forEachElement(innerShape, [s, o], [innerSrc, innerOut], (_, [si, oi]) => (od[oi!] = sd[si!]!));
  };
  forEachElement(out.shape.slice(0, axis), [src.offset, out.offset], [src.strides.slice(0, axis), out.strides.slice(0, axis)], (_, [s0, o0]) => {
    for (let t = 0; t < len; ) {
      let run = 1;
      while (t + run < len && from[t + run] === from[t]) run++;
      const o = o0! + t * outStep;
      const s = s0! + from[t]! * srcStep;
      if (inner === 1) od.fill(sd[s]!, o, o + run);
      else {
        // Write the slab once, then double the written region (log2(run) copies, not run).
        copySlab(s, o);
        for (let done = 1; done < run; ) {
          const n = Math.min(done, run - done);
          od.copyWithin(o + done * outStep, o, o + n * outStep);
          done += n;
        }
      }
      t += run;
    }
  });
};
