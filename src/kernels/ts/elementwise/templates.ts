// SPDX-License-Identifier: Apache-2.0
/**
 * The scalar body of every elementwise loop, as JS source text over argument expressions. One
 * function per op family; `opExpr` picks by op. Argument dtypes are the loop's input dtypes
 * (see array/generated/ufunc-loops.ts), `out` its output dtype. Helpers are reached as `H.*`
 * (scalar-math.ts) and `M.*` (per-dtype wrapping multiplies, below).
 */
import type { Dtype } from "../../../array/dtype.js";
import { isFloat } from "../../../array/dtype.js";
import type { ElementwiseOp } from "../../ops.js";
import { castExpr } from "./cast.js";
import { INT_BITS, isSigned, wrap, wrapValue } from "./wrap.js";

type Args = readonly string[];

/** Wrapping multiply per dtype (32-bit products need Math.imul to stay exact). */
export const MUL: Record<Dtype, (a: number, b: number) => number> = {
  bool: (a, b) => a & b,
  int8: (a, b) => wrapValue("int8", a * b),
  uint8: (a, b) => wrapValue("uint8", a * b),
  int16: (a, b) => wrapValue("int16", a * b),
  uint16: (a, b) => wrapValue("uint16", a * b),
  int32: (a, b) => Math.imul(a, b),
  uint32: (a, b) => Math.imul(a, b) >>> 0,
  float32: (a, b) => Math.fround(a * b),
  float64: (a, b) => a * b,
};

function mulExpr(dt: Dtype, a: string, b: string): string {
  if (dt === "bool") return `(${a} & ${b})`;
  if (dt === "int32" || dt === "uint32") return wrap(dt, `Math.imul(${a}, ${b})`);
  return wrap(dt, `${a} * ${b}`);
}

/** Math.* functions used for float transcendentals (float32 rounds the float64 result). */
const MATH_UNARY: Partial<Record<ElementwiseOp, string>> = {
  sqrt: "Math.sqrt",
  cbrt: "Math.cbrt",
  exp: "Math.exp",
  expm1: "Math.expm1",
  log: "Math.log",
  log2: "Math.log2",
  log10: "Math.log10",
  log1p: "Math.log1p",
  sin: "Math.sin",
  cos: "Math.cos",
  tan: "Math.tan",
  arcsin: "Math.asin",
  arccos: "Math.acos",
  arctan: "Math.atan",
  sinh: "Math.sinh",
  cosh: "Math.cosh",
  tanh: "Math.tanh",
  arcsinh: "Math.asinh",
  arccosh: "Math.acosh",
  arctanh: "Math.atanh",
};

// deg2rad/rad2deg multiply by a constant computed in the loop's own precision (npy_deg2rad).
const DEG2RAD_F32 = Math.fround(Math.fround(Math.PI) / 180);
const RAD2DEG_F32 = Math.fround(180 / Math.fround(Math.PI));

function unary(op: ElementwiseOp, t: Dtype, out: Dtype, [a]: Args): string | undefined {
  const f = isFloat(t);
  const fl = (e: string): string => wrap(t, e);
  const math = MATH_UNARY[op];
  if (math !== undefined) return fl(`${math}(${a})`);
  switch (op) {
    case "copy":
      return a;
    case "cast":
      return castExpr(t, out, a!);
    case "negative":
      return f ? `(-${a})` : wrap(t, `-${a}`);
    case "positive":
      return a;
    case "absolute":
    case "fabs":
      return t === "bool" || t.startsWith("u") ? a : f ? `Math.abs(${a})` : wrap(t, `Math.abs(${a})`);
    case "sign":
      return f ? `(${a} > 0 ? 1 : ${a} < 0 ? -1 : ${a} === 0 ? 0 : ${a})` : `(${a} > 0 ? 1 : ${a} < 0 ? -1 : 0)`;
    case "signbit":
      return `H.signbit(${a})`;
    case "reciprocal":
      return f ? fl(`1 / ${a}`) : castExpr("float64", t, `(1 / ${a})`);
    case "square":
      return f ? fl(`${a} * ${a}`) : mulExpr(t, a!, a!);
    case "exp2":
      return fl(`Math.pow(2, ${a})`);
    case "deg2rad":
      return t === "float32" ? fl(`${a} * ${DEG2RAD_F32}`) : `(${a} * ${Math.PI / 180})`;
    case "rad2deg":
      return t === "float32" ? fl(`${a} * ${RAD2DEG_F32}`) : `(${a} * ${180 / Math.PI})`;
    case "floor":
    case "ceil":
    case "trunc":
      return f ? `Math.${op}(${a})` : a;
    case "rint":
      return `H.rint(${a})`;
    case "isnan":
      return f ? `(${a} !== ${a} ? 1 : 0)` : "0";
    case "isinf":
      return f ? `(${a} === Infinity || ${a} === -Infinity ? 1 : 0)` : "0";
    case "isfinite":
      return f ? `(${a} - ${a} === 0 ? 1 : 0)` : "1";
    case "logicalNot":
      return `(${a} !== 0 ? 0 : 1)`;
    case "invert":
      return t === "bool" ? `(${a} ^ 1)` : wrap(t, `~${a}`);
    case "spacing":
      return t === "float32" ? `H.spacing32(${a})` : `H.spacing64(${a})`;
    default:
      return undefined;
  }
}

const COMPARE: Partial<Record<ElementwiseOp, string>> = {
  equal: "===",
  notEqual: "!==",
  less: "<",
  lessEqual: "<=",
  greater: ">",
  greaterEqual: ">=",
};

function binary(op: ElementwiseOp, t: Dtype, t2: Dtype, [a, b]: Args): string | undefined {
  const f = isFloat(t);
  const fl = (e: string): string => wrap(t, e);
  const cmp = COMPARE[op];
  if (cmp !== undefined) return `(${a} ${cmp} ${b} ? 1 : 0)`;
  const bits = INT_BITS[t];
  switch (op) {
    case "add":
      return t === "bool" ? `(${a} | ${b})` : wrap(t, `${a} + ${b}`);
    case "subtract":
      return wrap(t, `${a} - ${b}`);
    case "multiply":
      return f ? fl(`${a} * ${b}`) : mulExpr(t, a!, b!);
    case "divide":
      return fl(`${a} / ${b}`);
    case "floorDivide":
      if (f) return t === "float32" ? `H.floorDivide32(${a}, ${b})` : `H.floorDivide64(${a}, ${b})`;
      return wrap(t, `H.floorDivideInt(${a}, ${b})`);
    case "remainder":
      if (f) return t === "float32" ? `H.remainder32(${a}, ${b})` : `H.remainder64(${a}, ${b})`;
      return wrap(t, `H.remainderInt(${a}, ${b})`);
    case "fmod":
      return f ? `(${a} % ${b})` : `(${b} === 0 ? 0 : ${wrap(t, `${a} % ${b}`)})`;
    case "power":
    case "floatPower":
      return f ? fl(`H.pow(${a}, ${b})`) : `H.powInt(${a}, ${b}, M.${t})`;
    // On a tie (±0) all four return the second operand, as NumPy's contiguous SIMD loops do.
    case "maximum":
      if (t === "bool") return `(${a} | ${b})`;
      return f ? `(${a} !== ${a} ? ${a} : ${b} !== ${b} ? ${b} : ${a} > ${b} ? ${a} : ${b})` : `(${a} > ${b} ? ${a} : ${b})`;
    case "minimum":
      if (t === "bool") return `(${a} & ${b})`;
      return f ? `(${a} !== ${a} ? ${a} : ${b} !== ${b} ? ${b} : ${a} < ${b} ? ${a} : ${b})` : `(${a} < ${b} ? ${a} : ${b})`;
    case "fmax":
      if (t === "bool") return `(${a} | ${b})`;
      return f ? `(${b} !== ${b} ? ${a} : ${a} !== ${a} ? ${b} : ${a} > ${b} ? ${a} : ${b})` : `(${a} > ${b} ? ${a} : ${b})`;
    case "fmin":
      if (t === "bool") return `(${a} & ${b})`;
      return f ? `(${b} !== ${b} ? ${a} : ${a} !== ${a} ? ${b} : ${a} < ${b} ? ${a} : ${b})` : `(${a} < ${b} ? ${a} : ${b})`;
    case "copysign":
      return `H.copysign(${a}, ${b})`;
    case "nextafter":
      return t === "float32" ? `H.nextafter32(${a}, ${b})` : `H.nextafter64(${a}, ${b})`;
    case "hypot":
      return fl(`Math.hypot(${a}, ${b})`);
    case "arctan2":
      return fl(`Math.atan2(${a}, ${b})`);
    case "logaddexp":
      return t === "float32" ? `H.logaddexp32(${a}, ${b})` : `H.logaddexp(${a}, ${b})`;
    case "logaddexp2":
      return t === "float32" ? `H.logaddexp2_32(${a}, ${b})` : `H.logaddexp2(${a}, ${b})`;
    case "heaviside":
      return `(${a} < 0 ? 0 : ${a} > 0 ? 1 : ${a} === 0 ? ${b} : ${a})`;
    case "ldexp":
      void t2;
      return t === "float32" ? `H.ldexp32(${a}, ${b})` : `H.ldexp64(${a}, ${b})`;
    case "logicalAnd":
      return `(${a} !== 0 && ${b} !== 0 ? 1 : 0)`;
    case "logicalOr":
      return `(${a} !== 0 || ${b} !== 0 ? 1 : 0)`;
    case "logicalXor":
      return `((${a} !== 0) !== (${b} !== 0) ? 1 : 0)`;
    case "bitwiseAnd":
      return wrap(t, `${a} & ${b}`);
    case "bitwiseOr":
      return wrap(t, `${a} | ${b}`);
    case "bitwiseXor":
      return wrap(t, `${a} ^ ${b}`);
    case "leftShift":
      // C: a shift count >= the width (or negative, read as size_t) gives 0.
      return `(${b} >>> 0 < ${bits} ? ${wrap(t, `${a} << ${b}`)} : 0)`;
    case "rightShift":
      if (isSigned(t)) return `(${b} >>> 0 < ${bits} ? (${a} >> ${b}) : ${a} < 0 ? -1 : 0)`;
      return `(${b} < ${bits} ? (${a} >>> ${b}) : 0)`;
    case "gcd":
      return wrap(t, isSigned(t) ? `H.gcdSigned(${a}, ${b})` : `H.gcdUnsigned(${a}, ${b})`);
    case "lcm":
      return wrap(t, isSigned(t) ? `H.lcmSigned(${a}, ${b})` : `H.lcmUnsigned(${a}, ${b})`);
    default:
      return undefined;
  }
}

function ternary(op: ElementwiseOp, dts: readonly Dtype[], [a, b, c]: Args): string | undefined {
  if (op === "where") return `(${a} !== 0 ? ${b} : ${c})`;
  if (op === "clip") {
    // NumPy 2: _NPY_MIN(_NPY_MAX(x, lo), hi), where a NaN first operand wins and a NaN bound
    // wins through the failed comparison.
    const mx = isFloat(dts[0]!) ? `(${a} !== ${a} ? ${a} : ${a} > ${b} ? ${a} : ${b})` : `(${a} > ${b} ? ${a} : ${b})`;
    return isFloat(dts[0]!) ? `H.clipHi(${mx}, ${c})` : `Math.min(${mx}, ${c})`;
  }
  return undefined;
}

/**
 * Source text for `out = op(args...)` with the given input dtypes. Throws for a loop NumPy does
 * not have (the planner never asks for one).
 */
export function opExpr(op: ElementwiseOp, inDts: readonly Dtype[], out: Dtype, args: Args): string {
  let e: string | undefined;
  if (args.length === 1) e = unary(op, inDts[0]!, out, args);
  else if (args.length === 2) e = binary(op, inDts[0]!, inDts[1]!, args);
  else e = ternary(op, inDts, args);
  if (e === undefined) throw new Error(`no ${op} loop for (${inDts.join(", ")}) -> ${out}`);
  return e;
}

