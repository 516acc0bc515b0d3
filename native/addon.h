// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the numts native addon. Each translation unit registers its functions
// through a Register* function called from addon.cc.
#pragma once
#include <napi.h>
#include <cstdint>

namespace numts {

// Raw pointer to element 0 of a typed array (works on SharedArrayBuffer-backed views).
inline void* DataOf(const Napi::Value& v) {
  Napi::TypedArray ta = v.As<Napi::TypedArray>();
  return static_cast<uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
}

inline int64_t IntOf(const Napi::Value& v) { return v.As<Napi::Number>().Int64Value(); }
inline double DoubleOf(const Napi::Value& v) { return v.As<Napi::Number>().DoubleValue(); }

void RegisterBlas(Napi::Env env, Napi::Object exports);
void RegisterContract(Napi::Env env, Napi::Object exports);

}  // namespace numts
