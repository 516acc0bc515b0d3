// SPDX-License-Identifier: Apache-2.0
/**
 * Ulp bounds between numts and NumPy for the functions that neither computes correctly rounded:
 * NumPy uses its own SIMD (SVML-derived) code, numts glibc's libmvec AVX-512 functions natively
 * and V8's fdlibm port in TypeScript. Every other op must match NumPy bit for bit.
 *
 * Measured (bench/kernels/ulp-sweep.mjs, 200k inputs per function and dtype over each function's
 * range, NumPy 2.4 on Zen5), max ulps from NumPy:
 * - native: ≤ 3 for float64 (exp, sin, cos, tan 3), ≤ 4 for float32 (exp 4; log, exp2 3);
 *   logaddexp/logaddexp2 0 (same scalar libm formula as NumPy).
 * - TypeScript: ≤ 3 for both dtypes, except logaddexp/logaddexp2: x + log1p(exp(-|x-y|)) cancels
 *   when the result is near 0, so V8's last-bit differences from glibc become hundreds of ulps of
 *   the (tiny) result; the absolute error stays within a few ulps of max(|x|, |y|). The fixtures
 *   avoid that cancellation.
 * Hence one bound for all of them.
 */
const FUNCTIONS = [
  "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "arcsin", "arccos",
  "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh", "power", "floatPower", "hypot", "arctan2",
  "logaddexp", "logaddexp2",
] as const;

export const ULP_BOUND = 4;

export const TRANSCENDENTAL_ULPS: Record<"float32" | "float64", Partial<Record<string, number>>> = {
  float32: Object.fromEntries(FUNCTIONS.map((f) => [f, ULP_BOUND])),
  float64: Object.fromEntries(FUNCTIONS.map((f) => [f, ULP_BOUND])),
};
