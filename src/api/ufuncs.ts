// SPDX-License-Identifier: Apache-2.0
/**
 * NumPy's ufuncs over numts's dtypes, with NumPy's names in camelCase (and NumPy 2's array-API
 * aliases). Each broadcasts its operands, follows NumPy's type resolution, and fuses with the
 * elementwise operations around it.
 *
 * @example
 * const y = nt.exp(nt.multiply(x, 2));   // one fused kernel per block when y is consumed
 */
import { binary, unary } from "./ufunc.js";

// Arithmetic
export const add = binary("add");
export const subtract = binary("subtract");
export const multiply = binary("multiply");
export const divide = binary("divide");
export const trueDivide = divide;
export const floorDivide = binary("floorDivide");
export const remainder = binary("remainder");
export const mod = remainder;
export const fmod = binary("fmod");
export const power = binary("power");
export const pow = power;
export const floatPower = binary("floatPower");
export const negative = unary("negative");
export const positive = unary("positive");
export const absolute = unary("absolute");
export const abs = absolute;
export const fabs = unary("fabs");
export const sign = unary("sign");
export const reciprocal = unary("reciprocal");
export const square = unary("square");
export const sqrt = unary("sqrt");
export const cbrt = unary("cbrt");

// Exponents and logarithms
export const exp = unary("exp");
export const exp2 = unary("exp2");
export const expm1 = unary("expm1");
export const log = unary("log");
export const log2 = unary("log2");
export const log10 = unary("log10");
export const log1p = unary("log1p");
export const logaddexp = binary("logaddexp");
export const logaddexp2 = binary("logaddexp2");
export const ldexp = binary("ldexp");

// Trigonometric and hyperbolic
export const sin = unary("sin");
export const cos = unary("cos");
export const tan = unary("tan");
export const arcsin = unary("arcsin");
export const arccos = unary("arccos");
export const arctan = unary("arctan");
export const arctan2 = binary("arctan2");
export const hypot = binary("hypot");
export const sinh = unary("sinh");
export const cosh = unary("cosh");
export const tanh = unary("tanh");
export const arcsinh = unary("arcsinh");
export const arccosh = unary("arccosh");
export const arctanh = unary("arctanh");
export const asin = arcsin;
export const acos = arccos;
export const atan = arctan;
export const atan2 = arctan2;
export const asinh = arcsinh;
export const acosh = arccosh;
export const atanh = arctanh;
export const deg2rad = unary("deg2rad");
export const rad2deg = unary("rad2deg");
export const radians = deg2rad;
export const degrees = rad2deg;

// Rounding and floating point
export const floor = unary("floor");
export const ceil = unary("ceil");
export const trunc = unary("trunc");
export const rint = unary("rint");
export const copysign = binary("copysign");
export const nextafter = binary("nextafter");
export const spacing = unary("spacing");
export const signbit = unary("signbit");
export const heaviside = binary("heaviside");
export const isnan = unary("isnan");
export const isinf = unary("isinf");
export const isfinite = unary("isfinite");

// Extrema
export const maximum = binary("maximum");
export const minimum = binary("minimum");
export const fmax = binary("fmax");
export const fmin = binary("fmin");

// Comparisons
export const equal = binary("equal");
export const notEqual = binary("notEqual");
export const less = binary("less");
export const lessEqual = binary("lessEqual");
export const greater = binary("greater");
export const greaterEqual = binary("greaterEqual");

// Logic and bits
export const logicalAnd = binary("logicalAnd");
export const logicalOr = binary("logicalOr");
export const logicalXor = binary("logicalXor");
export const logicalNot = unary("logicalNot");
export const bitwiseAnd = binary("bitwiseAnd");
export const bitwiseOr = binary("bitwiseOr");
export const bitwiseXor = binary("bitwiseXor");
export const invert = unary("invert");
export const bitwiseNot = invert;
export const bitwiseInvert = invert;
export const leftShift = binary("leftShift");
export const rightShift = binary("rightShift");
export const bitwiseLeftShift = leftShift;
export const bitwiseRightShift = rightShift;
export const gcd = binary("gcd");
export const lcm = binary("lcm");
