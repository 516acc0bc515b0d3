// SPDX-License-Identifier: Apache-2.0
// Instantiates every elementwise loop from the scalar definitions below. Each op struct defines
// `f` for all C types with `if constexpr`, so one dispatch covers every dtype NumPy has a loop
// for (the planner never asks for the others). Contiguous loops are plain indexed loops that GCC
// vectorizes; a scalar operand is hoisted.
#include "loops.h"

#include <cmath>
#include <cstring>
#include <type_traits>

#include "dtype.h"
#include "opcodes.h"
#include "scalar.h"

namespace numts {

const char* const kNegativePowerMessage = "Integers to negative integer powers are not allowed.";

namespace {

// ---------------------------------------------------------------- unary ops

#define UNARY(Name, body)                 \
  struct Name {                           \
    template <class T>                    \
    static inline auto f(T a) { body; }   \
  };

UNARY(Copy, return a)
UNARY(Negative, if constexpr (kIsFloat<T>) return -a; else return WNeg(a))
UNARY(Positive, return a)
UNARY(Absolute, if constexpr (kIsFloat<T>) return std::fabs(a);
      else if constexpr (std::is_signed_v<T>) return a < 0 ? WNeg(a) : a; else return a)
UNARY(Sign, if constexpr (kIsFloat<T>) return a > 0 ? T(1) : a < 0 ? T(-1) : a == 0 ? T(0) : a;
      else if constexpr (kIsBool<T>) return a; else return static_cast<T>(a > 0 ? 1 : (a < 0 ? -1 : 0)))
UNARY(Signbit, if constexpr (kIsFloat<T>) return static_cast<bool>(std::signbit(a)); else return false)
UNARY(Reciprocal, if constexpr (kIsFloat<T>) return T(1) / a;
      else return Cast<T>(1.0 / static_cast<double>(a)))
UNARY(Square, if constexpr (kIsFloat<T>) return a * a; else return WMul(a, a))
UNARY(Sqrt, if constexpr (kIsFloat<T>) return std::sqrt(a); else return a)
UNARY(Deg2rad, if constexpr (std::is_same_v<T, float>) return a * (static_cast<float>(M_PI) / 180.0f);
      else if constexpr (kIsFloat<T>) return a * (M_PI / 180.0); else return a)
UNARY(Rad2deg, if constexpr (std::is_same_v<T, float>) return a * (180.0f / static_cast<float>(M_PI));
      else if constexpr (kIsFloat<T>) return a * (180.0 / M_PI); else return a)
UNARY(Floor, if constexpr (kIsFloat<T>) return std::floor(a); else return a)
UNARY(Ceil, if constexpr (kIsFloat<T>) return std::ceil(a); else return a)
UNARY(Trunc, if constexpr (kIsFloat<T>) return std::trunc(a); else return a)
UNARY(Rint, if constexpr (kIsFloat<T>) return std::nearbyint(a); else return a)
UNARY(Isnan, if constexpr (kIsFloat<T>) return static_cast<bool>(std::isnan(a)); else return false)
UNARY(Isinf, if constexpr (kIsFloat<T>) return static_cast<bool>(std::isinf(a)); else return false)
UNARY(Isfinite, if constexpr (kIsFloat<T>) return static_cast<bool>(std::isfinite(a)); else return true)
UNARY(LogicalNot, return !(a != T(0)))
UNARY(Invert, if constexpr (kIsBool<T>) return !a; else if constexpr (kIsInt<T>) return static_cast<T>(~a);
      else return a)
UNARY(Spacing, if constexpr (kIsFloat<T>) return SpacingF(a); else return a)

// Scalar fallbacks of the transcendentals (vmath.cc has the vector loops, used for float types).
#define UNARY_MATH(Name, fn) UNARY(Name, if constexpr (kIsFloat<T>) return std::fn(a); else return a)
UNARY_MATH(Cbrt, cbrt)
UNARY_MATH(Exp, exp)
UNARY_MATH(Exp2, exp2)
UNARY_MATH(Expm1, expm1)
UNARY_MATH(Log, log)
UNARY_MATH(Log2, log2)
UNARY_MATH(Log10, log10)
UNARY_MATH(Log1p, log1p)
UNARY_MATH(Sin, sin)
UNARY_MATH(Cos, cos)
UNARY_MATH(Tan, tan)
UNARY_MATH(Arcsin, asin)
UNARY_MATH(Arccos, acos)
UNARY_MATH(Arctan, atan)
UNARY_MATH(Sinh, sinh)
UNARY_MATH(Cosh, cosh)
UNARY_MATH(Tanh, tanh)
UNARY_MATH(Arcsinh, asinh)
UNARY_MATH(Arccosh, acosh)
UNARY_MATH(Arctanh, atanh)

// ---------------------------------------------------------------- binary ops

#define BINARY(Name, body)                   \
  struct Name {                              \
    template <class T>                       \
    static inline auto f(T a, T b) { body; } \
  };

BINARY(Add, if constexpr (kIsBool<T>) return static_cast<bool>(a | b); else if constexpr (kIsFloat<T>) return a + b;
       else return WAdd(a, b))
BINARY(Subtract, if constexpr (kIsFloat<T>) return a - b; else return WSub(a, b))
BINARY(Multiply, if constexpr (kIsBool<T>) return static_cast<bool>(a & b); else if constexpr (kIsFloat<T>) return a * b;
       else return WMul(a, b))
BINARY(Divide, if constexpr (kIsFloat<T>) return a / b; else return a)
BINARY(FloorDivide, if constexpr (kIsFloat<T>) return FloorDivideF(a, b); else if constexpr (kIsInt<T>) return FloorDivideI(a, b);
       else return a)
BINARY(Remainder, if constexpr (kIsFloat<T>) return RemainderF(a, b); else if constexpr (kIsInt<T>) return RemainderI(a, b);
       else return a)
BINARY(Fmod, if constexpr (kIsFloat<T>) return std::fmod(a, b); else if constexpr (kIsInt<T>) return FmodI(a, b); else return a)
BINARY(Power, if constexpr (kIsFloat<T>) return std::pow(a, b); else if constexpr (kIsInt<T>) return PowerI(a, b); else return a)
// On a tie (±0) all four return the second operand, as NumPy's contiguous SIMD loops do.
BINARY(Maximum, if constexpr (kIsFloat<T>) return std::isnan(a) ? a : std::isnan(b) ? b : (a > b ? a : b);
       else return a > b ? a : b)
BINARY(Minimum, if constexpr (kIsFloat<T>) return std::isnan(a) ? a : std::isnan(b) ? b : (a < b ? a : b);
       else return a < b ? a : b)
BINARY(Fmax, if constexpr (kIsFloat<T>) return std::isnan(b) ? a : std::isnan(a) ? b : (a > b ? a : b);
       else return a > b ? a : b)
BINARY(Fmin, if constexpr (kIsFloat<T>) return std::isnan(b) ? a : std::isnan(a) ? b : (a < b ? a : b);
       else return a < b ? a : b)
BINARY(Copysign, if constexpr (kIsFloat<T>) return std::copysign(a, b); else return a)
BINARY(Nextafter, if constexpr (kIsFloat<T>) return std::nextafter(a, b); else return a)
BINARY(Hypot, if constexpr (kIsFloat<T>) return std::hypot(a, b); else return a)
BINARY(Arctan2, if constexpr (kIsFloat<T>) return std::atan2(a, b); else return a)
BINARY(Logaddexp, if constexpr (kIsFloat<T>) return LogAddExp(a, b); else return a)
BINARY(Logaddexp2, if constexpr (kIsFloat<T>) return LogAddExp2(a, b); else return a)
BINARY(Heaviside, if constexpr (kIsFloat<T>) return a < 0 ? T(0) : a > 0 ? T(1) : a == 0 ? b : a; else return a)
BINARY(Equal, return a == b)
BINARY(NotEqual, return a != b)
BINARY(Less, return a < b)
BINARY(LessEqual, return a <= b)
BINARY(Greater, return a > b)
BINARY(GreaterEqual, return a >= b)
BINARY(LogicalAnd, return (a != T(0)) && (b != T(0)))
BINARY(LogicalOr, return (a != T(0)) || (b != T(0)))
BINARY(LogicalXor, return (a != T(0)) != (b != T(0)))
BINARY(BitwiseAnd, if constexpr (kIsFloat<T>) return a; else return static_cast<T>(a & b))
BINARY(BitwiseOr, if constexpr (kIsFloat<T>) return a; else return static_cast<T>(a | b))
BINARY(BitwiseXor, if constexpr (kIsFloat<T>) return a; else return static_cast<T>(a ^ b))
BINARY(LeftShift, if constexpr (kIsInt<T>) return ShiftLeft(a, b); else return a)
BINARY(RightShift, if constexpr (kIsInt<T>) return ShiftRight(a, b); else return a)
BINARY(GcdOp, if constexpr (kIsInt<T>) return Gcd(a, b); else return a)
BINARY(LcmOp, if constexpr (kIsInt<T>) return Lcm(a, b); else return a)

// ---------------------------------------------------------------- loop templates

template <class Op, class T>
void UnaryLoop(const char* const* args, const bool* scalar, char* out, int64_t n) {
  using R = decltype(Op::f(T{}));
  const T* a = reinterpret_cast<const T*>(args[0]);
  R* r = reinterpret_cast<R*>(out);
  if (scalar[0]) {
    const R v = Op::f(a[0]);
    for (int64_t i = 0; i < n; i++) r[i] = v;
  } else {
    for (int64_t i = 0; i < n; i++) r[i] = Op::f(a[i]);
  }
}

template <class Op, class T>
void BinaryLoop(const char* const* args, const bool* scalar, char* out, int64_t n) {
  using R = decltype(Op::f(T{}, T{}));
  const T* a = reinterpret_cast<const T*>(args[0]);
  const T* b = reinterpret_cast<const T*>(args[1]);
  R* r = reinterpret_cast<R*>(out);
  if (!scalar[0] && !scalar[1]) {
    for (int64_t i = 0; i < n; i++) r[i] = Op::f(a[i], b[i]);
  } else if (scalar[1] && !scalar[0]) {
    const T y = b[0];
    for (int64_t i = 0; i < n; i++) r[i] = Op::f(a[i], y);
  } else if (scalar[0] && !scalar[1]) {
    const T x = a[0];
    for (int64_t i = 0; i < n; i++) r[i] = Op::f(x, b[i]);
  } else {
    const R v = Op::f(a[0], b[0]);
    for (int64_t i = 0; i < n; i++) r[i] = v;
  }
}

template <class From, class To>
void CastLoop(const char* const* args, const bool* scalar, char* out, int64_t n) {
  const From* a = reinterpret_cast<const From*>(args[0]);
  To* r = reinterpret_cast<To*>(out);
  const int64_t s = scalar[0] ? 0 : 1;
  for (int64_t i = 0; i < n; i++) r[i] = Cast<To>(a[i * s]);
}

template <class F>
void LdexpLoop(const char* const* args, const bool* scalar, char* out, int64_t n) {
  const F* a = reinterpret_cast<const F*>(args[0]);
  const int32_t* e = reinterpret_cast<const int32_t*>(args[1]);
  F* r = reinterpret_cast<F*>(out);
  const int64_t sa = scalar[0] ? 0 : 1, se = scalar[1] ? 0 : 1;
  for (int64_t i = 0; i < n; i++) r[i] = std::ldexp(a[i * sa], e[i * se]);
}

template <class T>
void WhereLoop(const char* const* args, const bool* scalar, char* out, int64_t n) {
  const bool* c = reinterpret_cast<const bool*>(args[0]);
  const T* x = reinterpret_cast<const T*>(args[1]);
  const T* y = reinterpret_cast<const T*>(args[2]);
  T* r = reinterpret_cast<T*>(out);
  const int64_t sc = scalar[0] ? 0 : 1, sx = scalar[1] ? 0 : 1, sy = scalar[2] ? 0 : 1;
  if (sc && sx && sy) {
    for (int64_t i = 0; i < n; i++) r[i] = c[i] ? x[i] : y[i];
  } else {
    for (int64_t i = 0; i < n; i++) r[i] = c[i * sc] ? x[i * sx] : y[i * sy];
  }
}

// NumPy 2 clip: _NPY_MIN(_NPY_MAX(x, lo), hi) where a NaN first operand wins and a NaN bound wins
// through the failed comparison.
template <class T>
inline T Clip(T x, T lo, T hi) {
  T m;
  if constexpr (kIsFloat<T>) m = std::isnan(x) ? x : (x > lo ? x : lo);
  else m = x > lo ? x : lo;
  if constexpr (kIsFloat<T>) return std::isnan(m) ? m : (m < hi ? m : hi);
  else return m < hi ? m : hi;
}

template <class T>
void ClipLoop(const char* const* args, const bool* scalar, char* out, int64_t n) {
  const T* x = reinterpret_cast<const T*>(args[0]);
  const T* lo = reinterpret_cast<const T*>(args[1]);
  const T* hi = reinterpret_cast<const T*>(args[2]);
  T* r = reinterpret_cast<T*>(out);
  if (!scalar[0] && scalar[1] && scalar[2]) {
    const T l = lo[0], h = hi[0];
    for (int64_t i = 0; i < n; i++) r[i] = Clip(x[i], l, h);
    return;
  }
  const int64_t sx = scalar[0] ? 0 : 1, sl = scalar[1] ? 0 : 1, sh = scalar[2] ? 0 : 1;
  for (int64_t i = 0; i < n; i++) r[i] = Clip(x[i * sx], lo[i * sl], hi[i * sh]);
}

template <class Op>
LoopFn Unary(int dt) {
  return WithType(dt, [](auto t) -> LoopFn { return &UnaryLoop<Op, decltype(t)>; });
}

template <class Op>
LoopFn Binary(int dt) {
  return WithType(dt, [](auto t) -> LoopFn { return &BinaryLoop<Op, decltype(t)>; });
}

}  // namespace

LoopFn FindLoop(int op, const int* in, int nin, int out) {
  const int t = in[0];
  if (nin == 1 && (t == kF32 || t == kF64)) {
    if (LoopFn v = FindVectorMathLoop(op, t)) return v;
  }
  if (nin == 2 && (t == kF32 || t == kF64) && (op == kPower || op == kFloatPower || op == kArctan2 || op == kHypot)) {
    if (LoopFn v = FindVectorMathLoop(op, t)) return v;
  }
  switch (op) {
    case kCopy: return Unary<Copy>(t);
    case kCast:
      return WithType(t, [out](auto from) -> LoopFn {
        return WithType(out, [](auto to) -> LoopFn { return &CastLoop<decltype(from), decltype(to)>; });
      });
    case kNegative: return Unary<Negative>(t);
    case kPositive: return Unary<Positive>(t);
    case kAbsolute:
    case kFabs: return Unary<Absolute>(t);
    case kSign: return Unary<Sign>(t);
    case kSignbit: return Unary<Signbit>(t);
    case kReciprocal: return Unary<Reciprocal>(t);
    case kSquare: return Unary<Square>(t);
    case kSqrt: return Unary<Sqrt>(t);
    case kCbrt: return Unary<Cbrt>(t);
    case kExp: return Unary<Exp>(t);
    case kExp2: return Unary<Exp2>(t);
    case kExpm1: return Unary<Expm1>(t);
    case kLog: return Unary<Log>(t);
    case kLog2: return Unary<Log2>(t);
    case kLog10: return Unary<Log10>(t);
    case kLog1p: return Unary<Log1p>(t);
    case kSin: return Unary<Sin>(t);
    case kCos: return Unary<Cos>(t);
    case kTan: return Unary<Tan>(t);
    case kArcsin: return Unary<Arcsin>(t);
    case kArccos: return Unary<Arccos>(t);
    case kArctan: return Unary<Arctan>(t);
    case kSinh: return Unary<Sinh>(t);
    case kCosh: return Unary<Cosh>(t);
    case kTanh: return Unary<Tanh>(t);
    case kArcsinh: return Unary<Arcsinh>(t);
    case kArccosh: return Unary<Arccosh>(t);
    case kArctanh: return Unary<Arctanh>(t);
    case kDeg2rad: return Unary<Deg2rad>(t);
    case kRad2deg: return Unary<Rad2deg>(t);
    case kFloor: return Unary<Floor>(t);
    case kCeil: return Unary<Ceil>(t);
    case kTrunc: return Unary<Trunc>(t);
    case kRint: return Unary<Rint>(t);
    case kIsnan: return Unary<Isnan>(t);
    case kIsinf: return Unary<Isinf>(t);
    case kIsfinite: return Unary<Isfinite>(t);
    case kLogicalNot: return Unary<LogicalNot>(t);
    case kInvert: return Unary<Invert>(t);
    case kSpacing: return Unary<Spacing>(t);
    case kAdd: return Binary<Add>(t);
    case kSubtract: return Binary<Subtract>(t);
    case kMultiply: return Binary<Multiply>(t);
    case kDivide: return Binary<Divide>(t);
    case kFloorDivide: return Binary<FloorDivide>(t);
    case kRemainder: return Binary<Remainder>(t);
    case kFmod: return Binary<Fmod>(t);
    case kPower:
    case kFloatPower: return Binary<Power>(t);
    case kMaximum: return Binary<Maximum>(t);
    case kMinimum: return Binary<Minimum>(t);
    case kFmax: return Binary<Fmax>(t);
    case kFmin: return Binary<Fmin>(t);
    case kCopysign: return Binary<Copysign>(t);
    case kNextafter: return Binary<Nextafter>(t);
    case kHypot: return Binary<Hypot>(t);
    case kArctan2: return Binary<Arctan2>(t);
    case kLogaddexp: return Binary<Logaddexp>(t);
    case kLogaddexp2: return Binary<Logaddexp2>(t);
    case kHeaviside: return Binary<Heaviside>(t);
    case kLdexp: return t == kF32 ? &LdexpLoop<float> : &LdexpLoop<double>;
    case kEqual: return Binary<Equal>(t);
    case kNotEqual: return Binary<NotEqual>(t);
    case kLess: return Binary<Less>(t);
    case kLessEqual: return Binary<LessEqual>(t);
    case kGreater: return Binary<Greater>(t);
    case kGreaterEqual: return Binary<GreaterEqual>(t);
    case kLogicalAnd: return Binary<LogicalAnd>(t);
    case kLogicalOr: return Binary<LogicalOr>(t);
    case kLogicalXor: return Binary<LogicalXor>(t);
    case kBitwiseAnd: return Binary<BitwiseAnd>(t);
    case kBitwiseOr: return Binary<BitwiseOr>(t);
    case kBitwiseXor: return Binary<BitwiseXor>(t);
    case kLeftShift: return Binary<LeftShift>(t);
    case kRightShift: return Binary<RightShift>(t);
    case kGcd: return Binary<GcdOp>(t);
    case kLcm: return Binary<LcmOp>(t);
    case kWhere: return WithType(in[1], [](auto v) -> LoopFn { return &WhereLoop<decltype(v)>; });
    case kClip: return WithType(t, [](auto v) -> LoopFn { return &ClipLoop<decltype(v)>; });
    default: return nullptr;
  }
}

}  // namespace numts
