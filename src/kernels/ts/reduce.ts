// SPDX-License-Identifier: Apache-2.0
// PLACEHOLDER (replaced by the kernel engine): sum/min/max/moments by plain loops.
import type { KernelFn } from "../manifest.js";
import type { View } from "../view.js";
import { evalProgramAt } from "./fused.js";
import { forEachElement } from "./nd-iter.js";

export const reduce: KernelFn<"reduce"> = (inputs, outputs, { op, program, axes }) => {
  const shape = inputs.length > 0 ? inputs[0]!.shape : outputs[0]!.shape;
  const out = outputs[0]!;
  const outStrides = shape.map((_, d) => (axes.includes(d) ? 0 : out.strides[d]!));
  const regs = new Array<number>(program.regs.length).fill(0);
  const init = op === "min" ? Infinity : op === "max" ? -Infinity : 0;
  for (const o of outputs) o.data.fill(0, o.offset, o.offset + o.shape.reduce((a, b) => a * b, 1));
  if (op !== "moments") out.data.fill(init, out.offset, out.offset + out.shape.reduce((a, b) => a * b, 1));
  const views: View[] = [...inputs];
  forEachElement(shape, [...views.map((v) => v.offset), out.offset], [...views.map((v) => v.strides), outStrides], (_, offs) => {
    for (let i = 0; i < inputs.length; i++) regs[i] = inputs[i]!.data[offs[i]!] as number;
    evalProgramAt(program, regs);
    const x = regs[program.results[0]!]!;
    const o = offs[inputs.length]!;
    if (op === "sum") out.data[o] += x;
    else if (op === "min") out.data[o] = Math.min(out.data[o]!, x);
    else if (op === "max") out.data[o] = Math.max(out.data[o]!, x);
    else if (op === "moments") {
      const [n, mean, m2] = outputs as [View, View, View];
      const k = ++n.data[o]!;
      const d = x - mean.data[o]!;
      mean.data[o] += d / k;
      m2.data[o] += d * (x - mean.data[o]!);
    } else throw new Error(`placeholder reduce: ${op} not implemented`);
  });
};

export const combine: KernelFn<"combine"> = (inputs, outputs, { op }) => {
  const size = outputs[0]!.shape.reduce((a, b) => a * b, 1);
  const k = outputs.length;
  for (let i = 0; i < size; i++) {
    const a = (j: number) => inputs[j]!.data[inputs[j]!.offset + i]!;
    const b = (j: number) => inputs[k + j]!.data[inputs[k + j]!.offset + i]!;
    if (op === "sum") outputs[0]!.data[i] = a(0) + b(0);
    else if (op === "min") outputs[0]!.data[i] = Math.min(a(0), b(0));
    else if (op === "max") outputs[0]!.data[i] = Math.max(a(0), b(0));
    else if (op === "moments") {
      const na = a(0), nb = b(0), n = na + nb;
      const delta = b(1) - a(1);
      outputs[0]!.data[i] = n;
      outputs[1]!.data[i] = n === 0 ? 0 : a(1) + (delta * nb) / n;
      outputs[2]!.data[i] = n === 0 ? 0 : a(2) + b(2) + (delta * delta * na * nb) / n;
    } else throw new Error(`placeholder combine: ${op} not implemented`);
  }
};
