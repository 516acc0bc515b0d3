// SPDX-License-Identifier: Apache-2.0
/**
 * A fused elementwise program: what the `fused` kernel evaluates per output block, and what the
 * `reduce` kernel evaluates before reducing. The planner compiles a chain of ufunc calls into one
 * program so a block is read once and intermediates never reach memory.
 *
 * Semantics. Every register holds one value per element of the output block, of dtype `regs[r]`.
 * Registers `0 .. nInputs-1` are the inputs, read through the kernel's input views (whose shape is
 * the output block's shape; broadcast axes have stride 0). `consts` set a register to one value for
 * every element. `code` runs in order; an instruction `[op, dst, ...args]` computes
 * `regs[dst] = op(regs[args[0]], ...)` elementwise using the loop selected by the argument dtypes
 * (the planner has already inserted `cast`s so the arguments have the loop's input dtypes and `dst`
 * has the loop's output dtype, see `kernels/loops.ts`). `results[i]` is written to output view i,
 * whose dtype equals `regs[results[i]]`.
 *
 * Evaluation order and tiling are the implementation's choice (the native engine evaluates tiles
 * of a few thousand elements); results must not depend on them.
 */
import type { Dtype } from "../array/dtype.js";
import type { ElementwiseOp } from "./ops.js";

export type Instr = readonly [op: ElementwiseOp, dst: number, ...args: number[]];

export interface Program {
  readonly regs: readonly Dtype[];
  readonly nInputs: number;
  readonly consts: readonly (readonly [reg: number, value: number])[];
  readonly code: readonly Instr[];
  readonly results: readonly number[];
}

/** The program that copies its single input (identity). */
export function identityProgram(dtype: Dtype): Program {
  return { regs: [dtype], nInputs: 1, consts: [], code: [], results: [0] };
}

/** A stable text key for a program (used to cache compiled forms and to name plans). */
export function programKey(p: Program): string {
  return JSON.stringify([p.regs, p.nInputs, p.consts, p.code, p.results]);
}
