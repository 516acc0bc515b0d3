// SPDX-License-Identifier: Apache-2.0
/**
 * Ulp bounds between numts and NumPy for the functions that neither computes correctly rounded
 * (NumPy uses its own SIMD/SVML code, numts glibc's libmvec natively and V8's fdlibm port in
 * TypeScript). Every other op must match NumPy bit for bit. The bounds are the maxima measured
 * over the fixtures (scripts/gen/kernel_elementwise.py) on both kernel tables.
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
