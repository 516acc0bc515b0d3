// SPDX-License-Identifier: Apache-2.0
// The non-BLAS loops of block contractions: one strided n-d loop computing C = A (x B) or
// C += A (x B) over arbitrary element strides. It packs operands for BLAS (copy with permuted
// strides), forms elementwise products such as a Khatri-Rao product, sums out labels (C strides 0
// along them), and writes results into the output's layout. Float64 and float32.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "addon.h"

namespace numts {
namespace {

struct Loop {
  std::vector<int64_t> shape, sa, sb, sc;
};

// Axes ordered so the innermost one walks C contiguously (or, when C is reduced along some axis,
// walks A contiguously, so sums run along memory); length-1 axes are dropped.
Loop Order(int nd, const double* p) {
  const double* shape = p;
  const double* sa = p + nd;
  const double* sb = p + 2 * nd;
  const double* sc = p + 3 * nd;
  bool reduces = false;
  std::vector<int> axes;
  for (int d = 0; d < nd; ++d) {
    if (shape[d] == 1) continue;
    axes.push_back(d);
    if (sc[d] == 0) reduces = true;
  }
  auto key = [&](int d) {
    const double a = std::abs(sa[d]), c = std::abs(sc[d]);
    return reduces ? std::make_pair(a, c) : std::make_pair(c, a);
  };
  std::stable_sort(axes.begin(), axes.end(), [&](int x, int y) { return key(x) > key(y); });
  Loop l;
  for (int d : axes) {
    l.shape.push_back(static_cast<int64_t>(shape[d]));
    l.sa.push_back(static_cast<int64_t>(sa[d]));
    l.sb.push_back(static_cast<int64_t>(sb[d]));
    l.sc.push_back(static_cast<int64_t>(sc[d]));
  }
  return l;
}

template <typename T, bool kHasB, bool kAdd>
void Inner(const T* a, int64_t sa, const T* b, int64_t sb, T* c, int64_t sc, int64_t n) {
  if (sc == 0) {
    // A sum along this axis: accumulate in a register.
    T acc = kAdd ? *c : T(0);
    for (int64_t i = 0; i < n; ++i) acc += kHasB ? a[i * sa] * b[i * sb] : a[i * sa];
    *c = acc;
    return;
  }
  if (sa == 1 && sc == 1 && (!kHasB || sb == 1 || sb == 0)) {
    for (int64_t i = 0; i < n; ++i) {
      const T v = kHasB ? a[i] * b[i * sb] : a[i];
      c[i] = kAdd ? c[i] + v : v;
    }
    return;
  }
  for (int64_t i = 0; i < n; ++i) {
    const T v = kHasB ? a[i * sa] * b[i * sb] : a[i * sa];
    c[i * sc] = kAdd ? c[i * sc] + v : v;
  }
}

template <typename T, bool kHasB, bool kAdd>
void Run(const Loop& l, const T* a, const T* b, T* c) {
  const int nd = static_cast<int>(l.shape.size());
  if (nd == 0) {
    const T v = kHasB ? *a * *b : *a;
    *c = kAdd ? *c + v : v;
    return;
  }
  const int last = nd - 1;
  std::vector<int64_t> idx(nd, 0);
  for (;;) {
    Inner<T, kHasB, kAdd>(a, l.sa[last], b, l.sb[last], c, l.sc[last], l.shape[last]);
    int d = last - 1;
    for (; d >= 0; --d) {
      a += l.sa[d];
      if (kHasB) b += l.sb[d];
      c += l.sc[d];
      if (++idx[d] < l.shape[d]) break;
      a -= l.sa[d] * l.shape[d];
      if (kHasB) b -= l.sb[d] * l.shape[d];
      c -= l.sc[d] * l.shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

template <typename T>
void Dispatch(const Loop& l, const T* a, const T* b, T* c, bool add) {
  if (b) {
    add ? Run<T, true, true>(l, a, b, c) : Run<T, true, false>(l, a, b, c);
  } else {
    add ? Run<T, false, true>(l, a, b, c) : Run<T, false, false>(l, a, b, c);
  }
}

// strided(f32, geometry, A, offA, B | null, offB, C, offC, add)
// geometry = Float64Array [shape(nd), stridesA(nd), stridesB(nd), stridesC(nd)] in elements.
// C[i·sC] = A[i·sA] (· B[i·sB]), or += with `add`.
Napi::Value Strided(const Napi::CallbackInfo& info) {
  const bool f32 = info[0].As<Napi::Boolean>();
  Napi::Float64Array geom = info[1].As<Napi::Float64Array>();
  const int nd = static_cast<int>(geom.ElementLength() / 4);
  const Loop loop = Order(nd, geom.Data());
  const int64_t offA = IntOf(info[3]), offB = IntOf(info[5]), offC = IntOf(info[7]);
  const bool hasB = !info[4].IsNull() && !info[4].IsUndefined();
  const bool add = info[8].As<Napi::Boolean>();
  for (int64_t n : loop.shape) {
    if (n == 0) return info.Env().Undefined();
  }
  if (f32) {
    const float* a = static_cast<const float*>(DataOf(info[2])) + offA;
    const float* b = hasB ? static_cast<const float*>(DataOf(info[4])) + offB : nullptr;
    Dispatch<float>(loop, a, b, static_cast<float*>(DataOf(info[6])) + offC, add);
  } else {
    const double* a = static_cast<const double*>(DataOf(info[2])) + offA;
    const double* b = hasB ? static_cast<const double*>(DataOf(info[4])) + offB : nullptr;
    Dispatch<double>(loop, a, b, static_cast<double*>(DataOf(info[6])) + offC, add);
  }
  return info.Env().Undefined();
}

}  // namespace

void RegisterContract(Napi::Env env, Napi::Object exports) {
  exports.Set("strided", Napi::Function::New(env, Strided));
}

}  // namespace numts
