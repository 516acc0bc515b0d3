// SPDX-License-Identifier: Apache-2.0
// The transforms of uniforms that need a logarithm: logPositive (src/kernels/ts/random/log.ts)
// and AS241's standard normal (src/kernels/ts/random/normal.ts), repeated operation for
// operation. The TypeScript files are the definition and explain the methods; any change there
// must be made here too (test/random/native.test.ts compares the two kernel tables bit for bit).
// Exactness relies on the build: IEEE doubles without FMA contraction (-ffp-contract=off) and
// without -ffast-math, and std::sqrt, which is correctly rounded like Math.sqrt.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>

namespace numts {
namespace random {

/** log(x) for a normal x in (0, 1] (logPositive). */
inline double LogPositive(double x) {
  constexpr double kLn2Hi = 0.6931471803691238;
  constexpr double kLn2Lo = 1.9082149292705877e-10;
  constexpr double kR1 = 0.6666666666666666, kR2 = 0.4, kR3 = 0.2857142857142857,
                   kR4 = 0.2222222222222222, kR5 = 0.18181818181818182, kR6 = 0.15384615384615385,
                   kR7 = 0.13333333333333333, kR8 = 0.11764705882352941, kR9 = 0.10526315789473684,
                   kR10 = 0.09523809523809523;
  uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  const int32_t hi = static_cast<int32_t>(bits >> 32);
  int k = (hi >> 20) - 1023;
  if ((hi & 0xfffff) > 0x6a09e) k++;
  // x·2^-k, exactly (log.ts multiplies by 2^-k from a table).
  uint64_t scaleBits = static_cast<uint64_t>(1023 - k) << 52;
  double scale;
  std::memcpy(&scale, &scaleBits, sizeof scale);
  const double f = x * scale - 1;
  const double s = f / (2 + f);
  const double z = s * s;
  const double w = z * z;
  const double r = z * (kR1 + w * (kR3 + w * (kR5 + w * (kR7 + w * kR9)))) +
                   w * (kR2 + w * (kR4 + w * (kR6 + w * (kR8 + w * kR10))));
  const double hfsq = 0.5 * f * f;
  const double dk = k;
  return dk * kLn2Hi + (f - (hfsq - (s * (hfsq + r) + dk * kLn2Lo)));
}

/** The degree-7 polynomial with coefficients c (highest first) at x, by Horner's rule. */
inline double Poly7(const double* c, double x) {
  return ((((((c[0] * x + c[1]) * x + c[2]) * x + c[3]) * x + c[4]) * x + c[5]) * x + c[6]) * x + c[7];
}

// AS241's coefficients, highest degree first (normal.ts): centre, tail, far tail.
constexpr double kCentralNum[8] = {
    2.5090809287301226727e+3, 3.3430575583588128105e+4, 6.7265770927008700853e+4, 4.5921953931549871457e+4,
    1.3731693765509461125e+4, 1.9715909503065514427e+3, 1.3314166789178437745e+2, 3.3871328727963666080e+0};
constexpr double kCentralDen[8] = {
    5.2264952788528545610e+3, 2.8729085735721942674e+4, 3.9307895800092710610e+4, 2.1213794301586595867e+4,
    5.3941960214247511077e+3, 6.8718700749205790830e+2, 4.2313330701600911252e+1, 1};
constexpr double kTailNum[8] = {
    7.74545014278341407640e-4, 2.27238449892691845833e-2, 2.41780725177450611770e-1, 1.27045825245236838258e+0,
    3.64784832476320460504e+0, 5.76949722146069140550e+0, 4.63033784615654529590e+0, 1.42343711074968357734e+0};
constexpr double kTailDen[8] = {
    1.05075007164441684324e-9, 5.47593808499534494600e-4, 1.51986665636164571966e-2, 1.48103976427480074590e-1,
    6.89767334985100004550e-1, 1.67638483018380384940e+0, 2.05319162663775882187e+0, 1};
constexpr double kFarNum[8] = {
    2.01033439929228813265e-7, 2.71155556874348757815e-5, 1.24266094738807843860e-3, 2.65321895265761230930e-2,
    2.96560571828504891230e-1, 1.78482653991729133580e+0, 5.46378491116411436990e+0, 6.65790464350110377720e+0};
constexpr double kFarDen[8] = {
    2.04426310338993978564e-15, 1.42151175831644588870e-7, 1.84631831751005468180e-5, 7.86869131145613259100e-4,
    1.48753612908506148525e-2, 1.36929880922735805310e-1, 5.99832206555887937690e-1, 1};

/** Φ⁻¹(p) for 0 < p <= 0.5, by AS241 (normalQuantileLower). */
inline double NormalQuantileLower(double p) {
  const double q = p - 0.5;
  if (q >= -0.425) {
    const double r = 0.180625 - q * q;
    return (q * Poly7(kCentralNum, r)) / Poly7(kCentralDen, r);
  }
  const double r = std::sqrt(-LogPositive(p));
  if (r <= 5) return -Poly7(kTailNum, r - 1.6) / Poly7(kTailDen, r - 1.6);
  return -Poly7(kFarNum, r - 5) / Poly7(kFarDen, r - 5);
}

/** The standard normal deviate of the 53-bit uniform u (standardNormal in normal.ts). */
inline double StandardNormal(double u) {
  constexpr double kHalfCell = 0x1p-54;
  return u < 0.5 ? NormalQuantileLower(u + kHalfCell) : -NormalQuantileLower(1 - u - kHalfCell);
}

/**
 * z[i] = StandardNormal(u[i]) for i < n. The centre (|q| <= 0.425, about 85% of draws) is computed
 * for every element in a branch-free loop the compiler vectorizes — the same operations as the
 * scalar path, so the same bits — and the tail elements are then redone one by one.
 */
inline void StandardNormals(const double* u, int64_t n, double* z) {
  constexpr double kHalfCell = 0x1p-54;
  for (int64_t i = 0; i < n; i++) {
    const bool lower = u[i] < 0.5;
    const double p = lower ? u[i] + kHalfCell : 1 - u[i] - kHalfCell;
    const double q = p - 0.5;
    const double r = 0.180625 - q * q;
    const double c = (q * Poly7(kCentralNum, r)) / Poly7(kCentralDen, r);
    z[i] = lower ? c : -c;
  }
  for (int64_t i = 0; i < n; i++) {
    const double p = u[i] < 0.5 ? u[i] + kHalfCell : 1 - u[i] - kHalfCell;
    if (p - 0.5 < -0.425) z[i] = StandardNormal(u[i]);
  }
}

}  // namespace random
}  // namespace numts
