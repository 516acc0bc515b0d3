// SPDX-License-Identifier: Apache-2.0
// PLACEHOLDER (replaced by the kernel engine): evaluates a program one element at a time for a
// few float ops, enough to bring up the pipeline.
import type { KernelFn } from "../manifest.js";
import type { Program } from "../program.js";
import type { View } from "../view.js";
import { forEachElement } from "./nd-iter.js";

const F: Record<string, (...a: number[]) => number> = {
  copy: (a) => a,
  cast: (a) => a,
  add: (a, b) => a + b,
  subtract: (a, b) => a - b,
  multiply: (a, b) => a * b,
  divide: (a, b) => a / b,
  negative: (a) => -a,
  exp: (a) => Math.exp(a),
  log: (a) => Math.log(a),
  sqrt: (a) => Math.sqrt(a),
  less: (a, b) => +(a < b),
  greater: (a, b) => +(a > b),
  equal: (a, b) => +(a === b),
  maximum: (a, b) => (a !== a || b !== b ? NaN : Math.max(a, b)),
  where: (c, a, b) => (c ? a : b),
};

export function evalProgramAt(p: Program, regs: number[]): void {
  for (const [r, v] of p.consts) regs[r] = v;
  for (const [op, dst, ...args] of p.code) {
    const f = F[op];
    if (!f) throw new Error(`placeholder fused kernel: op ${op} not implemented`);
    regs[dst] = f(...args.map((a) => regs[a]!));
  }
}

export const fused: KernelFn<"fused"> = (inputs, outputs, { program }) => {
  const shape = outputs[0]!.shape;
  const views: View[] = [...inputs, ...outputs];
  const regs = new Array<number>(program.regs.length).fill(0);
  forEachElement(shape, views.map((v) => v.offset), views.map((v) => v.strides), (_, offs) => {
    for (let i = 0; i < inputs.length; i++) regs[i] = inputs[i]!.data[offs[i]!] as number;
    evalProgramAt(program, regs);
    program.results.forEach((r, j) => (outputs[j]!.data[offs[inputs.length + j]!] = regs[r]!));
  });
};
