// SPDX-License-Identifier: Apache-2.0
/** The `check` kernel: fail with the planner's message unless every value passes, else copy. */
import type { KernelFn } from "../manifest.js";
import { forEachElement } from "./nd-iter.js";

const PASSES = {
  nonNegative: (v: number) => v >= 0,
  finite: (v: number) => Number.isFinite(v),
} as const;

export const check: KernelFn<"check"> = (inputs, outputs, { check: rule, errorName, message }) => {
  const x = inputs[0]!;
  const out = outputs[0]!;
  const passes = PASSES[rule];
  forEachElement(x.shape, [x.offset, out.offset], [x.strides, out.strides], (_, [xi, oi]) => {
    const v = x.data[xi!]!;
    if (!passes(v)) {
      const e = new Error(message);
      e.name = errorName;
      throw e;
    }
    out.data[oi!] = v;
  });
};
