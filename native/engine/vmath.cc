// SPDX-License-Identifier: Apache-2.0
// Transcendental loops through glibc's libmvec AVX-512 entry points (_ZGVeN8v_* for double,
// _ZGVeN16v_*f for float), called explicitly. We do not compile with -ffast-math: that would break
// the NaN/inf semantics of every other loop and may set flush-to-zero for the whole process.
// Tails go through the same vector function with masked loads and stores, so an element's result
// never depends on its position in a tile (scalar libm can differ from libmvec by a few ulps).
#include <immintrin.h>

#include <cstdint>

#include "dtype.h"
#include "loops.h"
#include "opcodes.h"

#define VD(name) __m512d _ZGVeN8v_##name(__m512d);
#define VF(name) __m512 _ZGVeN16v_##name##f(__m512);
#define MATH_FUNCS(M) \
  M(exp) M(exp2) M(expm1) M(log) M(log2) M(log10) M(log1p) M(sin) M(cos) M(tan) M(asin) M(acos) M(atan) \
  M(sinh) M(cosh) M(tanh) M(asinh) M(acosh) M(atanh) M(cbrt)

extern "C" {
MATH_FUNCS(VD)
MATH_FUNCS(VF)
__m512d _ZGVeN8vv_pow(__m512d, __m512d);
__m512d _ZGVeN8vv_atan2(__m512d, __m512d);
__m512d _ZGVeN8vv_hypot(__m512d, __m512d);
__m512 _ZGVeN16vv_powf(__m512, __m512);
__m512 _ZGVeN16vv_atan2f(__m512, __m512);
__m512 _ZGVeN16vv_hypotf(__m512, __m512);
}

namespace numts {
namespace {

// Lanes past the end of a tile hold this harmless value (results there are discarded).
constexpr double kPad = 0.5;

template <__m512d (*F)(__m512d)>
void UnaryD(const char* const* args, const bool* scalar, char* out, int64_t n) {
  const double* a = reinterpret_cast<const double*>(args[0]);
  double* r = reinterpret_cast<double*>(out);
  if (scalar[0]) {
    const double v = _mm512_cvtsd_f64(F(_mm512_set1_pd(a[0])));
    for (int64_t i = 0; i < n; i++) r[i] = v;
    return;
  }
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) _mm512_storeu_pd(r + i, F(_mm512_loadu_pd(a + i)));
  if (i < n) {
    const __mmask8 m = static_cast<__mmask8>((1u << (n - i)) - 1);
    _mm512_mask_storeu_pd(r + i, m, F(_mm512_mask_loadu_pd(_mm512_set1_pd(kPad), m, a + i)));
  }
}

template <__m512 (*F)(__m512)>
void UnaryF(const char* const* args, const bool* scalar, char* out, int64_t n) {
  const float* a = reinterpret_cast<const float*>(args[0]);
  float* r = reinterpret_cast<float*>(out);
  if (scalar[0]) {
    const float v = _mm512_cvtss_f32(F(_mm512_set1_ps(a[0])));
    for (int64_t i = 0; i < n; i++) r[i] = v;
    return;
  }
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) _mm512_storeu_ps(r + i, F(_mm512_loadu_ps(a + i)));
  if (i < n) {
    const __mmask16 m = static_cast<__mmask16>((1u << (n - i)) - 1);
    _mm512_mask_storeu_ps(r + i, m, F(_mm512_mask_loadu_ps(_mm512_set1_ps(kPad), m, a + i)));
  }
}

template <__m512d (*F)(__m512d, __m512d)>
void BinaryD(const char* const* args, const bool* scalar, char* out, int64_t n) {
  const double* a = reinterpret_cast<const double*>(args[0]);
  const double* b = reinterpret_cast<const double*>(args[1]);
  double* r = reinterpret_cast<double*>(out);
  const __m512d pad = _mm512_set1_pd(kPad);
  const __m512d av = _mm512_set1_pd(a[0]), bv = _mm512_set1_pd(b[0]);
  int64_t i = 0;
  for (; i + 8 <= n; i += 8) {
    __m512d x = scalar[0] ? av : _mm512_loadu_pd(a + i);
    __m512d y = scalar[1] ? bv : _mm512_loadu_pd(b + i);
    _mm512_storeu_pd(r + i, F(x, y));
  }
  if (i < n) {
    const __mmask8 m = static_cast<__mmask8>((1u << (n - i)) - 1);
    __m512d x = scalar[0] ? av : _mm512_mask_loadu_pd(pad, m, a + i);
    __m512d y = scalar[1] ? bv : _mm512_mask_loadu_pd(pad, m, b + i);
    _mm512_mask_storeu_pd(r + i, m, F(x, y));
  }
}

template <__m512 (*F)(__m512, __m512)>
void BinaryF(const char* const* args, const bool* scalar, char* out, int64_t n) {
  const float* a = reinterpret_cast<const float*>(args[0]);
  const float* b = reinterpret_cast<const float*>(args[1]);
  float* r = reinterpret_cast<float*>(out);
  const __m512 pad = _mm512_set1_ps(kPad);
  const __m512 av = _mm512_set1_ps(a[0]), bv = _mm512_set1_ps(b[0]);
  int64_t i = 0;
  for (; i + 16 <= n; i += 16) {
    __m512 x = scalar[0] ? av : _mm512_loadu_ps(a + i);
    __m512 y = scalar[1] ? bv : _mm512_loadu_ps(b + i);
    _mm512_storeu_ps(r + i, F(x, y));
  }
  if (i < n) {
    const __mmask16 m = static_cast<__mmask16>((1u << (n - i)) - 1);
    __m512 x = scalar[0] ? av : _mm512_mask_loadu_ps(pad, m, a + i);
    __m512 y = scalar[1] ? bv : _mm512_mask_loadu_ps(pad, m, b + i);
    _mm512_mask_storeu_ps(r + i, m, F(x, y));
  }
}

}  // namespace

LoopFn FindVectorMathLoop(int op, int dt) {
  const bool d = dt == kF64;
#define CASE(code, name) \
  case code: return d ? &UnaryD<_ZGVeN8v_##name> : &UnaryF<_ZGVeN16v_##name##f>;
  switch (op) {
    CASE(kExp, exp)
    CASE(kExp2, exp2)
    CASE(kExpm1, expm1)
    CASE(kLog, log)
    CASE(kLog2, log2)
    CASE(kLog10, log10)
    CASE(kLog1p, log1p)
    CASE(kSin, sin)
    CASE(kCos, cos)
    CASE(kTan, tan)
    CASE(kArcsin, asin)
    CASE(kArccos, acos)
    CASE(kArctan, atan)
    CASE(kSinh, sinh)
    CASE(kCosh, cosh)
    CASE(kTanh, tanh)
    CASE(kArcsinh, asinh)
    CASE(kArccosh, acosh)
    CASE(kArctanh, atanh)
    CASE(kCbrt, cbrt)
    case kPower:
    case kFloatPower: return d ? &BinaryD<_ZGVeN8vv_pow> : &BinaryF<_ZGVeN16vv_powf>;
    case kArctan2: return d ? &BinaryD<_ZGVeN8vv_atan2> : &BinaryF<_ZGVeN16vv_atan2f>;
    case kHypot: return d ? &BinaryD<_ZGVeN8vv_hypot> : &BinaryF<_ZGVeN16vv_hypotf>;
    default: return nullptr;
  }
#undef CASE
}

}  // namespace numts
