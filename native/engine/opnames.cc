// SPDX-License-Identifier: Apache-2.0
// Op names in code order, exported as opNames() so the TypeScript side can check that the addon
// was built from the same ops.ts.
#include "../addon.h"
#include "opcodes.h"

namespace numts {

const char* const kOpNames[kNumOps] = {
    "copy",
    "cast",
    "negative",
    "positive",
    "absolute",
    "fabs",
    "sign",
    "signbit",
    "reciprocal",
    "square",
    "sqrt",
    "cbrt",
    "exp",
    "exp2",
    "expm1",
    "log",
    "log2",
    "log10",
    "log1p",
    "sin",
    "cos",
    "tan",
    "arcsin",
    "arccos",
    "arctan",
    "sinh",
    "cosh",
    "tanh",
    "arcsinh",
    "arccosh",
    "arctanh",
    "deg2rad",
    "rad2deg",
    "floor",
    "ceil",
    "trunc",
    "rint",
    "isnan",
    "isinf",
    "isfinite",
    "logicalNot",
    "invert",
    "spacing",
    "add",
    "subtract",
    "multiply",
    "divide",
    "floorDivide",
    "remainder",
    "fmod",
    "power",
    "floatPower",
    "maximum",
    "minimum",
    "fmax",
    "fmin",
    "copysign",
    "nextafter",
    "hypot",
    "arctan2",
    "logaddexp",
    "logaddexp2",
    "heaviside",
    "ldexp",
    "equal",
    "notEqual",
    "less",
    "lessEqual",
    "greater",
    "greaterEqual",
    "logicalAnd",
    "logicalOr",
    "logicalXor",
    "bitwiseAnd",
    "bitwiseOr",
    "bitwiseXor",
    "leftShift",
    "rightShift",
    "gcd",
    "lcm",
    "where",
    "clip",
};

static Napi::Value OpNames(const Napi::CallbackInfo& info) {
  Napi::Array a = Napi::Array::New(info.Env(), kNumOps);
  for (uint32_t i = 0; i < kNumOps; i++) a.Set(i, kOpNames[i]);
  return a;
}

void RegisterOpNames(Napi::Env env, Napi::Object exports) {
  exports.Set("opNames", Napi::Function::New(env, OpNames));
}

}  // namespace numts
