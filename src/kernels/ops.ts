// SPDX-License-Identifier: Apache-2.0
/**
 * The elementwise operations a fused program can contain: NumPy's ufuncs (camelCase names) plus a
 * few internal ones. An op is applied to registers whose dtypes the planner has already made equal
 * to the op's loop dtypes (see `kernels/program.ts`); `OP_CODE` is the stable numeric code shared
 * with the native addon (native/ops.h is generated from this list, keep the order).
 */

export const UNARY_OPS = [
  "copy", // internal: identity (materializes an input)
  "cast", // internal: convert to the output register's dtype (astype semantics)
  "negative",
  "positive",
  "absolute",
  "fabs",
  "sign",
  "signbit",
  "reciprocal",
  "square",
  "sqrt",
  "cbrt",
  "exp",
  "exp2",
  "expm1",
  "log",
  "log2",
  "log10",
  "log1p",
  "sin",
  "cos",
  "tan",
  "arcsin",
  "arccos",
  "arctan",
  "sinh",
  "cosh",
  "tanh",
  "arcsinh",
  "arccosh",
  "arctanh",
  "deg2rad",
  "rad2deg",
  "floor",
  "ceil",
  "trunc",
  "rint",
  "isnan",
  "isinf",
  "isfinite",
  "logicalNot",
  "invert",
  "spacing",
] as const;

export const BINARY_OPS = [
  "add",
  "subtract",
  "multiply",
  "divide",
  "floorDivide",
  "remainder",
  "fmod",
  "power",
  "floatPower",
  "maximum",
  "minimum",
  "fmax",
  "fmin",
  "copysign",
  "nextafter",
  "hypot",
  "arctan2",
  "logaddexp",
  "logaddexp2",
  "heaviside",
  "ldexp",
  "equal",
  "notEqual",
  "less",
  "lessEqual",
  "greater",
  "greaterEqual",
  "logicalAnd",
  "logicalOr",
  "logicalXor",
  "bitwiseAnd",
  "bitwiseOr",
  "bitwiseXor",
  "leftShift",
  "rightShift",
  "gcd",
  "lcm",
] as const;

export const TERNARY_OPS = [
  "where", // where(cond: bool, x: T, y: T) -> T
  "clip", // clip(x: T, lo: T, hi: T) -> T, NumPy 2 semantics (NaN propagates)
] as const;

export type UnaryOp = (typeof UNARY_OPS)[number];
export type BinaryOp = (typeof BINARY_OPS)[number];
export type TernaryOp = (typeof TERNARY_OPS)[number];
export type ElementwiseOp = UnaryOp | BinaryOp | TernaryOp;

export const ELEMENTWISE_OPS: readonly ElementwiseOp[] = [...UNARY_OPS, ...BINARY_OPS, ...TERNARY_OPS];

export const OP_CODE: Record<ElementwiseOp, number> = Object.fromEntries(
  ELEMENTWISE_OPS.map((op, i) => [op, i]),
) as Record<ElementwiseOp, number>;

export function arityOf(op: ElementwiseOp): 1 | 2 | 3 {
  if ((UNARY_OPS as readonly string[]).includes(op)) return 1;
  if ((BINARY_OPS as readonly string[]).includes(op)) return 2;
  return 3;
}

/** Reductions a `reduce` kernel can perform (see `kernels/reduce-spec.ts`). */
export const REDUCE_OPS = [
  "sum",
  "prod",
  "min",
  "max",
  "argmin",
  "argmax",
  "all",
  "any",
  "nansum",
  "nanprod",
  "nanmin",
  "nanmax",
  "nanargmin",
  "nanargmax",
  "moments", // count, mean, M2 (for mean/var/std); Chan et al. combine
  "nanmoments",
] as const;
export type ReduceOp = (typeof REDUCE_OPS)[number];
