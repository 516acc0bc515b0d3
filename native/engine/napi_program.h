// SPDX-License-Identifier: Apache-2.0
// Decoding a program passed from JavaScript (Int32Array code + Float64Array consts).
#pragma once
#include <napi.h>

#include "program.h"

namespace numts {

// Decodes into *p; on failure throws a JS Error and returns false.
inline bool DecodeProgram(const Napi::Value& code, const Napi::Value& consts, Program* p) {
  Napi::Int32Array c = code.As<Napi::Int32Array>();
  Napi::Float64Array k = consts.As<Napi::Float64Array>();
  std::string err = p->Decode(c.Data(), c.ElementLength(), k.Data(), k.ElementLength());
  if (!err.empty()) {
    Napi::Error::New(code.Env(), "numts native: " + err).ThrowAsJavaScriptException();
    return false;
  }
  return true;
}

}  // namespace numts
