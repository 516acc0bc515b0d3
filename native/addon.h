// SPDX-License-Identifier: Apache-2.0
// Shared helpers for the numts native addon. Each translation unit registers its functions
// through a Register* function called from addon.cc.
#pragma once
#include <napi.h>
#include <cstdint>

namespace numts {

// Raw pointer to element 0 of a typed array. napi_get_typedarray_info gives the data pointer for
// SharedArrayBuffer-backed views too, where going through the ArrayBuffer fails (a SAB is not an
// ArrayBuffer to N-API) and, with C++ exceptions disabled, aborts the process.
inline void* DataOf(const Napi::Value& v) {
  void* data = nullptr;
  napi_get_typedarray_info(v.Env(), v, nullptr, nullptr, &data, nullptr, nullptr);
  return data;
}

inline int64_t IntOf(const Napi::Value& v) { return v.As<Napi::Number>().Int64Value(); }
inline double DoubleOf(const Napi::Value& v) { return v.As<Napi::Number>().DoubleValue(); }

void RegisterBlas(Napi::Env env, Napi::Object exports);
void RegisterContract(Napi::Env env, Napi::Object exports);
void RegisterFused(Napi::Env env, Napi::Object exports);
void RegisterReduce(Napi::Env env, Napi::Object exports);
void RegisterScan(Napi::Env env, Napi::Object exports);
void RegisterOpNames(Napi::Env env, Napi::Object exports);
void RegisterLapack(Napi::Env env, Napi::Object exports);
void RegisterSort(Napi::Env env, Napi::Object exports);
void RegisterRandom(Napi::Env env, Napi::Object exports);

}  // namespace numts
