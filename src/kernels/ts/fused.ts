// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `fused` kernel: evaluates a Program (see kernels/program.ts) over the output
 * block. Axes are coalesced first, so contiguous operands become one long run and the compiled
 * loop is called once per innermost run.
 */
import type { TypedArray } from "../../array/dtype.js";
import type { KernelFn } from "../manifest.js";
import { compileProgram } from "./elementwise/compile.js";
import { coalesce, forEachRun } from "./nd-iter.js";

export const fused: KernelFn<"fused"> = (inputs, outputs, { program }) => {
  const out0 = outputs[0];
  if (out0 === undefined) return;
  const views = [...inputs, ...outputs];
  const { shape, strides } = coalesce(
    out0.shape,
    views.map((v) => v.strides),
  );
  if (shape.some((d) => d === 0)) return;
  const nd = shape.length;
  const n = shape[nd - 1]!;
  const ni = inputs.length;
  const seg = compileProgram(
    program,
    inputs.map((_, v) => strides[v]![nd - 1] === 0),
  );
  const D: TypedArray[] = inputs.map((v) => v.data);
  const W: TypedArray[] = outputs.map((v) => v.data);
  const S = inputs.map((_, v) => strides[v]![nd - 1]!);
  const O = new Array<number>(ni).fill(0);
  const WO = new Array<number>(outputs.length).fill(0);
  forEachRun(
    shape,
    views.map((v) => v.offset),
    strides,
    (offs) => {
      for (let v = 0; v < ni; v++) O[v] = offs[v]!;
      for (let j = 0; j < WO.length; j++) WO[j] = offs[ni + j]!;
      seg(n, D, O, S, W, WO);
    },
  );
};
