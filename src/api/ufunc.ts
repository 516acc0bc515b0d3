// SPDX-License-Identifier: Apache-2.0
/**
 * The ufunc machinery: convert arguments, resolve NumPy's loop (weak JS scalars, promotion),
 * broadcast shapes, and record a lazy elementwise expression. Every argument error is thrown here,
 * synchronously, before anything is scheduled.
 */
import { broadcastShapes } from "../array/broadcast.js";
import type { Dtype } from "../array/dtype.js";
import { type UfuncName, type UfuncOperand, resolveUfunc, snake } from "../array/ufunc-resolve.js";
import type { ElementwiseOp } from "../kernels/ops.js";
import type { ExprArg } from "../plan/array-data.js";
import { elementwise } from "../plan/elementwise.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, type Operand, releaseTemporaries, toOperand, wrap } from "./convert.js";
import { arrayOp } from "./op.js";

export function describeOperand(o: Operand): UfuncOperand {
  return o.kind === "array" ? { dtype: o.data.dtype } : { weak: o.weak, value: o.value };
}

/**
 * Records `op` over the operands with the given loop: arrays broadcast to a common shape, scalars
 * become constants in the loop's input dtype.
 */
export function applyLoop(op: ElementwiseOp, operands: readonly Operand[], inputs: readonly Dtype[], output: Dtype): BlockArray {
  const shape = broadcastShapes(...operands.flatMap((o) => (o.kind === "array" ? [o.data.shape] : [])));
  const args: ExprArg[] = operands.map((o, i) =>
    o.kind === "array" ? o.data : { scalar: Number(o.value), dtype: inputs[i]! },
  );
  return wrap(elementwise(op, args, inputs, output, shape));
}

/** Applies ufunc `op` to array-likes, as NumPy's `np.<op>(*args)`. */
export function applyUfunc(op: UfuncName, inputs: readonly ArrayLike[]): BlockArray {
  const name = snake(op);
  const operands: Operand[] = [];
  try {
    inputs.forEach((x, i) => operands.push(toOperand(x, `${name}: argument ${i + 1}`)));
    const loop = resolveUfunc(op, operands.map(describeOperand));
    return applyLoop(op, operands, loop.inputs, loop.output);
  } finally {
    releaseTemporaries(inputs, operands);
  }
}

export type UnaryUfunc = (x: ArrayLike) => BlockArray;
export type BinaryUfunc = (x1: ArrayLike, x2: ArrayLike) => BlockArray;

export function unary(op: UfuncName): UnaryUfunc {
  return arrayOp((x: ArrayLike) => applyUfunc(op, [x]));
}

export function binary(op: UfuncName): BinaryUfunc {
  return arrayOp((x1: ArrayLike, x2: ArrayLike) => applyUfunc(op, [x1, x2]));
}
