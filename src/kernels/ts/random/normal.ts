// SPDX-License-Identifier: Apache-2.0
/**
 * Standard normal deviates by inversion: z = Φ⁻¹(u + 2^-54) for the 53-bit uniform u, i.e. the
 * quantile at the midpoint of u's grid cell.
 *
 * Why inversion rather than NumPy's ziggurat or Box–Muller: it consumes exactly one uniform per
 * element, so an element's value depends on its own counter lane only (no rejection loop, no
 * pairing of neighbours), and it is monotone in u. Wichura's AS241 (PPND16, Applied Statistics 37,
 * 1988, pp. 477–484) gives Φ⁻¹ to about 1e-16 relative accuracy with one rational function of
 * degree 7 in the centre (85% of draws, no transcendental call) and one log and sqrt in the tails.
 * The coefficients are copied from CPython's statistics.NormalDist.inv_cdf (the same algorithm).
 *
 * The upper half is evaluated as the negated lower tail at 1 - u - 2^-54, which is exact, so the
 * deviates are exactly symmetric and never infinite: |z| <= 8.3 (Φ(-8.3) ≈ 2^-54). The log is
 * `logPositive`, which native/random/ repeats exactly (sqrt is correctly rounded everywhere).
 */

import { logPositive } from "./log.js";

// Numerator and denominator coefficients of AS241's three rational approximations, highest degree
// first: |q| <= 0.425 in q² (centre), then r = sqrt(-log p) - 1.6 (tail) and r - 5 (far tail).
const CENTRAL_NUM = new Float64Array([
  2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4, 4.5921953931549871457e+4,
  1.3731693765509461125e+4, 1.9715909503065514427e+3, 1.3314166789178437745e+2, 3.3871328727963666080e+0,
]);
const CENTRAL_DEN = new Float64Array([
  5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4, 2.1213794301586595867e+4,
  5.3941960214247511077e+3, 6.8718700749205790830e+2, 4.2313330701600911252e+1, 1,
]);
const TAIL_NUM = new Float64Array([
  7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1, 1.27045825245236838258e+0,
  3.64784832476320460504e+0, 5.76949722146069140550e+0, 4.63033784615654529590e+0, 1.42343711074968357734e+0,
]);
const TAIL_DEN = new Float64Array([
  1.05075007164441684324e-9, 5.47593808499534494600e-4, 1.51986665636164571966e-2, 1.48103976427480074590e-1,
  6.89767334985100004550e-1, 1.67638483018380384940e+0, 2.05319162663775882187e+0, 1,
]);
const FAR_NUM = new Float64Array([
  2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3, 2.65321895265761230930e-2,
  2.96560571828504891230e-1, 1.78482653991729133580e+0, 5.46378491116411436990e+0, 6.65790464350110377720e+0,
]);
const FAR_DEN = new Float64Array([
  2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5, 7.86869131145613259100e-4,
  1.48753612908506148525e-2, 1.36929880922735805310e-1, 5.99832206555887937690e-1, 1,
]);

/** 2^-54: half the spacing of 53-bit uniforms. */
const HALF_CELL = 5.551115123125783e-17;

/** The degree-7 polynomial with coefficients c (highest first) at x, by Horner's rule. */
function poly7(c: Float64Array, x: number): number {
  return ((((((c[0]! * x + c[1]!) * x + c[2]!) * x + c[3]!) * x + c[4]!) * x + c[5]!) * x + c[6]!) * x + c[7]!;
}

/** Φ⁻¹(p) for 0 < p <= 0.5 (so the result is <= 0), by AS241. */
export function normalQuantileLower(p: number): number {
  const q = p - 0.5;
  if (q >= -0.425) {
    const r = 0.180625 - q * q;
    return (q * poly7(CENTRAL_NUM, r)) / poly7(CENTRAL_DEN, r);
  }
  const r = Math.sqrt(-logPositive(p));
  if (r <= 5) return -poly7(TAIL_NUM, r - 1.6) / poly7(TAIL_DEN, r - 1.6);
  return -poly7(FAR_NUM, r - 5) / poly7(FAR_DEN, r - 5);
}

/** The standard normal deviate of the 53-bit uniform u (see the file comment). */
export function standardNormal(u: number): number {
  return u < 0.5 ? normalQuantileLower(u + HALF_CELL) : -normalQuantileLower(1 - u - HALF_CELL);
}
