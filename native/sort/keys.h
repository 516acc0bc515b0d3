// SPDX-License-Identifier: Apache-2.0
// Order-preserving unsigned integer keys for NumPy's sort order: comparing keys as unsigned
// integers orders the values as NumPy does (NaN after everything, -0.0 equal to 0.0). Floats map
// through their IEEE bits (negative numbers bit-inverted, the others with the sign bit set);
// signed integers flip their sign bit.
#pragma once
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace numts::sort {

// Branch-free (the signs of random data are unpredictable); -0.0 becomes 0.0 and every NaN the
// largest key.
template <typename T, typename K>
struct FloatKeys {
  using Key = K;
  static constexpr bool kFloat = true;
  static constexpr int kTop = sizeof(K) * 8 - 1;
  static constexpr Key kSign = Key{1} << kTop;
  static inline Key ToKey(T v) {
    Key b;
    std::memcpy(&b, &v, sizeof b);
    b = v == 0 ? Key{0} : b;
    const Key k = b ^ (static_cast<Key>(Key{0} - (b >> kTop)) | kSign);
    return v != v ? static_cast<Key>(~Key{0}) : k;
  }
  static inline T FromKey(Key k) {
    const Key b = k ^ (static_cast<Key>((k >> kTop) - 1) | kSign);
    T v;
    std::memcpy(&v, &b, sizeof v);
    return v;
  }
};

// Integers: unsigned types are their own keys; signed ones flip the sign bit.
template <typename T>
struct IntKeys {
  using Key = std::make_unsigned_t<T>;
  static constexpr bool kFloat = false;
  static constexpr Key kFlip = std::is_signed_v<T> ? Key(Key{1} << (sizeof(T) * 8 - 1)) : Key{0};
  static inline Key ToKey(T v) { return static_cast<Key>(static_cast<Key>(v) ^ kFlip); }
  static inline T FromKey(Key k) { return static_cast<T>(static_cast<Key>(k ^ kFlip)); }
};

template <typename T>
struct KeyTraits : IntKeys<T> {};
template <>
struct KeyTraits<double> : FloatKeys<double, uint64_t> {};
template <>
struct KeyTraits<float> : FloatKeys<float, uint32_t> {};

}  // namespace numts::sort
