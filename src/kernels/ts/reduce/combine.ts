// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `combine` kernel: merges two partial reduction states elementwise with the same
 * merges the in-block cascade uses (merge.ts), so combine trees round like one big block would.
 */
import type { Dtype } from "../../../array/dtype.js";
import { isFloat } from "../../../array/dtype.js";
import type { KernelFn } from "../../manifest.js";
import { MUL } from "../elementwise/templates.js";
import { wrapValue } from "../elementwise/wrap.js";
import { argBetter, maxValue, mergeMoments, minValue, type Moments, nanMaxValue, nanMinValue } from "./merge.js";

function binaryMerge(op: string, dt: Dtype): ((a: number, b: number) => number) | null {
  const f = isFloat(dt);
  switch (op) {
    case "sum":
    case "nansum":
      return (a, b) => wrapValue(dt, a + b);
    case "prod":
    case "nanprod":
      return MUL[dt];
    case "min":
      return f ? minValue : Math.min;
    case "max":
      return f ? maxValue : Math.max;
    case "nanmin":
      return f ? nanMinValue : Math.min;
    case "nanmax":
      return f ? nanMaxValue : Math.max;
    case "all":
      return (a, b) => (a !== 0 && b !== 0 ? 1 : 0);
    case "any":
      return (a, b) => (a !== 0 || b !== 0 ? 1 : 0);
    default:
      return null;
  }
}

export const combine: KernelFn<"combine"> = (inputs, outputs, { op }) => {
  const k = outputs.length;
  const size = outputs[0]!.shape.reduce((p, d) => p * d, 1);
  const A = inputs.slice(0, k);
  const B = inputs.slice(k);
  // State views are contiguous (they are kernel outputs), so element i is at offset + i.
  const a = (j: number, i: number): number => A[j]!.data[A[j]!.offset + i]!;
  const b = (j: number, i: number): number => B[j]!.data[B[j]!.offset + i]!;
  const put = (j: number, i: number, v: number): void => {
    outputs[j]!.data[outputs[j]!.offset + i] = v;
  };
  const merge = binaryMerge(op, outputs[0]!.dtype);
  if (merge !== null) {
    for (let i = 0; i < size; i++) put(0, i, merge(a(0, i), b(0, i)));
    return;
  }
  if (op === "moments" || op === "nanmoments") {
    const m: Moments = { n: 0, mean: 0, m2: 0 };
    for (let i = 0; i < size; i++) {
      mergeMoments(a(0, i), a(1, i), a(2, i), b(0, i), b(1, i), b(2, i), m);
      put(0, i, m.n);
      put(1, i, m.mean);
      put(2, i, m.m2);
    }
    return;
  }
  // arg-reductions: (value, index) pairs; the better candidate wins, ties to the smaller index.
  const sign = op === "argmin" || op === "nanargmin" ? 1 : -1;
  const skip = op === "nanargmin" || op === "nanargmax";
  for (let i = 0; i < size; i++) {
    const useB = argBetter(b(0, i), b(1, i), a(0, i), a(1, i), sign, skip);
    put(0, i, useB ? b(0, i) : a(0, i));
    put(1, i, useB ? b(1, i) : a(1, i));
  }
};
