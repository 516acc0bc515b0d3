// SPDX-License-Identifier: Apache-2.0
// The native `scan` kernel: inclusive cumsum/cumprod (NaN-as-identity variants too) along one
// axis, sequential like NumPy and like src/kernels/ts/scan.ts. The block is walked as
// (outer axes) x axis x (inner axes): each step along the axis combines a whole inner run with
// the previous step's results, streaming memory in order. Values are cast to the output dtype
// (the cast loops of loops.cc), then accumulated in it.
#include <cmath>
#include <vector>

#include "../addon.h"
#include "dtype.h"
#include "opcodes.h"
#include "program.h"
#include "scalar.h"
#include "strided.h"

namespace numts {
namespace {

template <class T>
inline T Combine(T a, T b, bool sum) {
  if constexpr (kIsBool<T>) return sum ? (a || b) : (a && b);
  else if constexpr (kIsFloat<T>) return sum ? a + b : a * b;
  else return sum ? WAdd(a, b) : WMul(a, b);
}

// out[j] = prev[j] ∘ v[j] (prev == nullptr: the first step without carry, out = v).
template <class T>
void Step(const T* prev, int64_t prevStride, const T* v, T* out, int64_t outStride, int64_t n, bool sum) {
  if (prev == nullptr) {
    for (int64_t j = 0; j < n; j++) out[j * outStride] = v[j];
  } else if (sum) {
    for (int64_t j = 0; j < n; j++) out[j * outStride] = Combine<T>(prev[j * prevStride], v[j], true);
  } else {
    for (int64_t j = 0; j < n; j++) out[j * outStride] = Combine<T>(prev[j * prevStride], v[j], false);
  }
}

}  // namespace

// scan(arrays [x, (carry), out], geom, axis, sum, skipNaN, xDtype, outDtype, carryDtype)
// geom: [nd, shape..., per view (x, carry or dummy, out): offset, strides...]
static Napi::Value Scan(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Napi::Array arrays = info[0].As<Napi::Array>();
  const double* g = info[1].As<Napi::Float64Array>().Data();
  const int axis = static_cast<int>(IntOf(info[2]));
  const bool sum = info[3].As<Napi::Boolean>();
  const bool skipNaN = info[4].As<Napi::Boolean>();
  const int xdt = static_cast<int>(IntOf(info[5]));
  const int odt = static_cast<int>(IntOf(info[6]));
  const int cdt = static_cast<int>(IntOf(info[7]));
  const bool hasCarry = arrays.Length() == 3;
  const int nd = static_cast<int>(g[0]);
  std::vector<int64_t> shape(g + 1, g + 1 + nd);
  std::vector<std::vector<int64_t>> strides(3, std::vector<int64_t>(nd));
  std::vector<int64_t> offs(3);
  for (int v = 0; v < 3; v++) {
    const double* s = g + 1 + nd + v * (nd + 1);
    offs[v] = static_cast<int64_t>(s[0]);
    for (int d = 0; d < nd; d++) strides[v][d] = static_cast<int64_t>(s[1 + d]);
  }
  for (int64_t d : shape) {
    if (d == 0) return env.Undefined();
  }
  char* xb = static_cast<char*>(DataOf(arrays.Get(0u))) + offs[0] * ItemSize(xdt);
  char* cb = hasCarry ? static_cast<char*>(DataOf(arrays.Get(1u))) + offs[1] * ItemSize(cdt) : nullptr;
  char* ob = static_cast<char*>(DataOf(arrays.Get(hasCarry ? 2u : 1u))) + offs[2] * ItemSize(odt);
  const int osz = ItemSize(odt), xsz = ItemSize(xdt), csz = ItemSize(cdt);
  int in[1] = {xdt};
  LoopFn castX = FindLoop(kCast, in, 1, odt);
  in[0] = cdt;
  LoopFn castC = FindLoop(kCast, in, 1, odt);
  // Inner runs: the last axis after `axis` (or a length-1 run when the axis is last).
  std::vector<int> outer, inner;
  for (int d = 0; d < axis; d++) outer.push_back(d);
  for (int d = axis + 1; d < nd - 1; d++) inner.push_back(d);
  const bool hasRun = axis < nd - 1;
  const int64_t runLen = hasRun ? shape[nd - 1] : 1;
  const int64_t xs = hasRun ? strides[0][nd - 1] : 0, cs = hasRun ? strides[1][nd - 1] : 0, os = hasRun ? strides[2][nd - 1] : 0;
  const int64_t len = shape[axis];
  std::vector<char> xbuf(static_cast<size_t>(kTile) * 8), vbuf(static_cast<size_t>(kTile) * 8), cbuf(static_cast<size_t>(kTile) * 8);
  const bool scalarFalse[1] = {false};
  const double identity = sum ? 0.0 : 1.0;
  auto loadTile = [&](const char* src, int64_t stride, int64_t n) {
    // x values -> contiguous, NaN -> identity, cast to the output dtype (into vbuf).
    StridedCopy(xbuf.data(), src, stride, n, xsz);
    if (skipNaN && (xdt == kF32 || xdt == kF64)) {
      WithType(xdt, [&](auto t) {
        using T = decltype(t);
        if constexpr (kIsFloat<T>) {
          T* x = reinterpret_cast<T*>(xbuf.data());
          for (int64_t j = 0; j < n; j++) x[j] = std::isnan(x[j]) ? static_cast<T>(identity) : x[j];
        }
        return 0;
      });
    }
    const char* xa[1] = {xbuf.data()};
    castX(xa, scalarFalse, vbuf.data(), n);
  };
  if (!hasRun) {
    // The axis is innermost: scan each line sequentially, a tile at a time.
    std::vector<int> lines;
    for (int d = 0; d < nd - 1; d++) lines.push_back(d);
    for (Odometer o(shape, lines, strides, {0, 0, 0}); !o.done(); o.Next()) {
      const auto& b = o.offsets();
      WithType(odt, [&](auto t) {
        using T = decltype(t);
        T acc{};
        bool have = false;
        if (hasCarry) {
          StridedCopy(xbuf.data(), cb + b[1] * csz, 1, 1, csz);
          const char* xa[1] = {xbuf.data()};
          castC(xa, scalarFalse, cbuf.data(), 1);
          acc = *reinterpret_cast<const T*>(cbuf.data());
          have = true;
        }
        const int64_t xa = strides[0][axis], oa = strides[2][axis];
        for (int64_t k0 = 0; k0 < len; k0 += kTile) {
          const int64_t n = std::min(kTile, len - k0);
          loadTile(xb + (b[0] + k0 * xa) * xsz, xa, n);
          const T* v = reinterpret_cast<const T*>(vbuf.data());
          T* out = reinterpret_cast<T*>(ob + (b[2] + k0 * oa) * osz);
          int64_t j = 0;
          if (!have) {
            acc = v[0];
            out[0] = acc;
            have = true;
            j = 1;
          }
          for (; j < n; j++) {
            acc = Combine<T>(acc, v[j], sum);
            out[j * oa] = acc;
          }
        }
        return 0;
      });
    }
    return env.Undefined();
  }
  for (Odometer o(shape, outer, strides, {0, 0, 0}); !o.done(); o.Next()) {
    for (int64_t k = 0; k < len; k++) {
      for (Odometer i(shape, inner, strides, o.offsets()); !i.done(); i.Next()) {
        const auto& b = i.offsets();
        for (int64_t j0 = 0; j0 < runLen; j0 += kTile) {
          const int64_t n = std::min(kTile, runLen - j0);
          loadTile(xb + (b[0] + k * strides[0][axis] + j0 * xs) * xsz, xs, n);
          const char* xa[1] = {xbuf.data()};
          char* outp = ob + (b[2] + k * strides[2][axis] + j0 * os) * osz;
          const char* prev = nullptr;
          int64_t prevStride = os;
          if (k > 0) {
            prev = ob + (b[2] + (k - 1) * strides[2][axis] + j0 * os) * osz;
          } else if (hasCarry) {
            StridedCopy(xbuf.data(), cb + (b[1] + j0 * cs) * csz, cs, n, csz);
            castC(xa, scalarFalse, cbuf.data(), n);
            prev = cbuf.data();
            prevStride = 1;
          }
          WithType(odt, [&](auto t) {
            using T = decltype(t);
            Step<T>(reinterpret_cast<const T*>(prev), prevStride, reinterpret_cast<const T*>(vbuf.data()), reinterpret_cast<T*>(outp), os == 0 ? 1 : os, n, sum);
            return 0;
          });
        }
      }
    }
  }
  return env.Undefined();
}

void RegisterScan(Napi::Env env, Napi::Object exports) {
  exports.Set("scan", Napi::Function::New(env, Scan));
}

}  // namespace numts
