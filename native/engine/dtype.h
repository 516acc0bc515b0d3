// SPDX-License-Identifier: Apache-2.0
// numts dtypes in C++: codes (= DTYPE_CODE in src/array/dtype.ts), C types, and NumPy's x86 rules
// for converting floats to integers (see src/kernels/ts/elementwise/cast.ts for the measurements).
#pragma once
#include <cmath>
#include <cstdint>
#include <type_traits>

namespace numts {

enum Dt : int { kBool = 0, kI8, kU8, kI16, kU16, kI32, kU32, kF32, kF64, kNumDt };

inline int ItemSize(int dt) {
  static const int sizes[] = {1, 1, 1, 2, 2, 4, 4, 4, 8};
  return sizes[dt];
}

template <class T>
constexpr bool kIsFloat = std::is_floating_point_v<T>;
template <class T>
constexpr bool kIsBool = std::is_same_v<T, bool>;
template <class T>
constexpr bool kIsInt = std::is_integral_v<T> && !kIsBool<T>;

// Calls f(T{}) with the C type of dtype code `dt`.
template <class F>
inline auto WithType(int dt, F&& f) {
  switch (dt) {
    case kBool: return f(bool{});
    case kI8: return f(int8_t{});
    case kU8: return f(uint8_t{});
    case kI16: return f(int16_t{});
    case kU16: return f(uint16_t{});
    case kI32: return f(int32_t{});
    case kU32: return f(uint32_t{});
    case kF32: return f(float{});
    default: return f(double{});
  }
}

// cvttsd2si to int32: NaN and values outside (-2^31-1, 2^31) give INT32_MIN.
inline int32_t F2I32(double x) {
  return (x > -2147483649.0 && x < 2147483648.0) ? static_cast<int32_t>(x) : INT32_MIN;
}

// NumPy's AVX-512 contiguous float->uint32 loop (documented in cast.ts).
inline uint32_t F2U32(double x) {
  if (x >= 2147483648.0) return x < 4294967296.0 ? static_cast<uint32_t>(static_cast<int64_t>(x)) : 0u;
  return x > -2147483649.0 ? static_cast<uint32_t>(static_cast<int32_t>(x)) : 0x80000000u;
}

// astype(From -> To), unsafe casting, NumPy semantics.
template <class To, class From>
inline To Cast(From v) {
  if constexpr (std::is_same_v<To, From>) {
    return v;
  } else if constexpr (kIsBool<To>) {
    return v != From(0);
  } else if constexpr (kIsFloat<To>) {
    return static_cast<To>(v);
  } else if constexpr (kIsFloat<From>) {
    if constexpr (std::is_same_v<To, uint32_t>) return F2U32(static_cast<double>(v));
    else return static_cast<To>(static_cast<uint32_t>(F2I32(static_cast<double>(v))));
  } else {
    // Integer to integer: modular (two's complement truncation).
    return static_cast<To>(static_cast<std::make_unsigned_t<To>>(static_cast<int64_t>(v)));
  }
}

}  // namespace numts
