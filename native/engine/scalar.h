// SPDX-License-Identifier: Apache-2.0
// Scalar semantics of every elementwise op for every C type, mirroring the TypeScript templates
// (src/kernels/ts/elementwise/templates.ts and scalar-math.ts) and through them NumPy's loops.
// Each op is a struct with `static R f(args...)`; loops.cc instantiates them per dtype. Integer
// arithmetic goes through unsigned types so wraparound is defined.
#pragma once
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <type_traits>

#include "dtype.h"

namespace numts {

// Unsigned type wide enough for wrapping arithmetic of T (C's int promotion, without the UB).
template <class T>
using Wide = std::conditional_t<(sizeof(T) < 4), uint32_t, std::make_unsigned_t<std::conditional_t<kIsBool<T>, uint8_t, T>>>;

template <class T>
inline T WAdd(T a, T b) { return static_cast<T>(static_cast<Wide<T>>(a) + static_cast<Wide<T>>(b)); }
template <class T>
inline T WSub(T a, T b) { return static_cast<T>(static_cast<Wide<T>>(a) - static_cast<Wide<T>>(b)); }
template <class T>
inline T WMul(T a, T b) { return static_cast<T>(static_cast<Wide<T>>(a) * static_cast<Wide<T>>(b)); }
template <class T>
inline T WNeg(T a) { return static_cast<T>(Wide<T>(0) - static_cast<Wide<T>>(a)); }

constexpr int kBitsOf(int size) { return size * 8; }

// ---- float helpers (npy_math) ----

template <class F>
inline F FloorDivideF(F a, F b) {
  if (b == 0) return a / b;
  F mod = std::fmod(a, b);
  F div = (a - mod) / b;
  if (mod != 0 && (b < 0) != (mod < 0)) div -= 1;
  if (div == 0) return std::copysign(F(0), a / b);
  F fd = std::floor(div);
  if (div - fd > F(0.5)) fd += 1;
  return fd;
}

template <class F>
inline F RemainderF(F a, F b) {
  F mod = std::fmod(a, b);
  if (b == 0) return mod;
  if (mod != 0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(F(0), b);
  }
  return mod;
}

template <class F>
inline F SpacingF(F x) {
  if (std::isnan(x) || std::isinf(x)) return NAN;
  if (x == 0) return std::numeric_limits<F>::denorm_min();
  return std::nextafter(x, std::copysign(F(INFINITY), x)) - x;
}

// npy_logaddexp(f) / npy_logaddexp2(f): the float32 versions run in float arithmetic with the
// float libm functions, as NumPy's float32 loop does.
inline float LogAddExp(float x, float y) {
  if (x == y) return x + static_cast<float>(M_LN2);
  float t = x - y;
  if (t > 0) return x + std::log1p(std::exp(-t));
  if (t <= 0) return y + std::log1p(std::exp(t));
  return t;
}

inline float LogAddExp2(float x, float y) {
  if (x == y) return x + 1;
  float t = x - y;
  if (t > 0) return x + static_cast<float>(M_LOG2E) * std::log1p(std::exp2(-t));
  if (t <= 0) return y + static_cast<float>(M_LOG2E) * std::log1p(std::exp2(t));
  return t;
}

inline double LogAddExp(double x, double y) {
  if (x == y) return x + M_LN2;
  double t = x - y;
  if (t > 0) return x + std::log1p(std::exp(-t));
  if (t <= 0) return y + std::log1p(std::exp(t));
  return t;
}

inline double LogAddExp2(double x, double y) {
  if (x == y) return x + 1;
  double t = x - y;
  if (t > 0) return x + M_LOG2E * std::log1p(std::exp2(-t));
  if (t <= 0) return y + M_LOG2E * std::log1p(std::exp2(t));
  return t;
}

// ---- integer helpers ----

template <class T>
inline T FloorDivideI(T a, T b) {
  if (b == 0) return 0;
  if constexpr (std::is_signed_v<T>) {
    int64_t q = static_cast<int64_t>(a) / b;  // exact in int64 (also INT_MIN / -1)
    if ((static_cast<int64_t>(a) % b != 0) && ((a < 0) != (b < 0))) q -= 1;
    return static_cast<T>(static_cast<Wide<T>>(q));
  } else {
    return a / b;
  }
}

template <class T>
inline T RemainderI(T a, T b) {
  if (b == 0) return 0;
  if constexpr (std::is_signed_v<T>) {
    int64_t r = static_cast<int64_t>(a) % b;
    if (r != 0 && ((r < 0) != (b < 0))) r += b;
    return static_cast<T>(r);
  } else {
    return a % b;
  }
}

template <class T>
inline T FmodI(T a, T b) {
  if (b == 0) return 0;
  return static_cast<T>(static_cast<int64_t>(a) % static_cast<int64_t>(b));
}

extern const char* const kNegativePowerMessage;

template <class T>
inline T PowerI(T a, T b) {
  if constexpr (std::is_signed_v<T>) {
    if (b < 0) throw std::domain_error(kNegativePowerMessage);
  }
  using U = Wide<T>;
  U r = 1, base = static_cast<U>(a);
  auto e = static_cast<std::make_unsigned_t<T>>(b);
  while (e > 0) {
    if (e & 1) r = r * base;
    e >>= 1;
    if (e > 0) base = base * base;
  }
  return static_cast<T>(r);
}

inline uint32_t GcdU(uint32_t a, uint32_t b) {
  while (a != 0) {
    uint32_t c = a;
    a = b % a;
    b = c;
  }
  return b;
}

template <class T>
inline uint32_t AbsU(T a) {
  if constexpr (std::is_signed_v<T>) return a < 0 ? uint32_t(0) - static_cast<uint32_t>(a) : static_cast<uint32_t>(a);
  else return static_cast<uint32_t>(a);
}

template <class T>
inline T Gcd(T a, T b) { return static_cast<T>(GcdU(AbsU(a), AbsU(b))); }

template <class T>
inline T Lcm(T a, T b) {
  uint32_t x = AbsU(a), y = AbsU(b), g = GcdU(x, y);
  return g == 0 ? T(0) : static_cast<T>((x / g) * y);
}

template <class T>
inline T ShiftLeft(T a, T b) {
  constexpr unsigned bits = sizeof(T) * 8;
  if (static_cast<std::make_unsigned_t<T>>(b) >= bits || (std::is_signed_v<T> && b < 0)) return 0;
  return static_cast<T>(static_cast<Wide<T>>(a) << b);
}

template <class T>
inline T ShiftRight(T a, T b) {
  constexpr unsigned bits = sizeof(T) * 8;
  if (static_cast<std::make_unsigned_t<T>>(b) >= bits || (std::is_signed_v<T> && b < 0)) {
    if constexpr (std::is_signed_v<T>) return a < 0 ? T(-1) : T(0);
    else return 0;
  }
  return static_cast<T>(a >> b);
}

}  // namespace numts
