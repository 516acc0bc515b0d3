// SPDX-License-Identifier: Apache-2.0
/**
 * The native `reduce` kernel: the layout (reduceLayout, shared with the TypeScript kernel) is
 * computed here and passed as one Float64Array; C++ evaluates the program in tiles and
 * accumulates. `combine` merges output-sized states, so the TypeScript merge (the same formulas)
 * is used as-is.
 */
import { DTYPE_CODE } from "../../array/dtype.js";
import type { KernelFn } from "../manifest.js";
import { REDUCE_OPS } from "../ops.js";
import { reduceLayout } from "../ts/reduce/layout.js";
import type { NativeAddon } from "./addon.js";
import { encodeProgram } from "./encode.js";

export function nativeReduce(addon: NativeAddon): KernelFn<"reduce"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    const L = reduceLayout(inputs, out, attrs);
    const g: number[] = [L.shape.length, ...L.shape, ...L.reduced.map((r) => (r ? 1 : 0))];
    inputs.forEach((v, i) => g.push(v.offset, ...L.inStrides[i]!));
    g.push(...L.outStrides);
    for (const o of outputs) g.push(o.offset);
    g.push(...L.indexStrides, L.indexBase);
    const e = encodeProgram(attrs.program);
    addon.reduce(
      e.code,
      e.consts,
      [...inputs, ...outputs].map((v) => v.data),
      Float64Array.from(g),
      REDUCE_OPS.indexOf(attrs.op),
      DTYPE_CODE[out.dtype],
    );
  };
}
