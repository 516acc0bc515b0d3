// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the numts native addon. Each translation unit registers its functions
// through a Register* function called from addon.cc.
#pragma once
#include <napi.h>
#include <cstdint>

namespace numts {

// Raw pointer to element 0 of a typed array. Taken from napi_get_typedarray_info directly: going
// through TypedArray::ArrayBuffer() fails for SharedArrayBuffer-backed views (napi_get_arraybuffer_info
// rejects a SharedArrayBuffer) and yields a null base, which is what workers' blocks are.
inline void* DataOf(const Napi::Value& v) {
  void* data = nullptr;
  napi_get_typedarray_info(v.Env(), v, nullptr, nullptr, &data, nullptr, nullptr);
  return data;
}

inline int64_t IntOf(const Napi::Value& v) { return v.As<Napi::Number>().Int64Value(); }
inline double DoubleOf(const Napi::Value& v) { return v.As<Napi::Number>().DoubleValue(); }

void RegisterBlas(Napi::Env env, Napi::Object exports);
void RegisterContract(Napi::Env env, Napi::Object exports);

}  // namespace numts
