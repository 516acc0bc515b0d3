// SPDX-License-Identifier: Apache-2.0
// Single passes over blocks for the selection and set kernels (contracts in
// src/kernels/sort-manifest.ts): `selectCount` (how a block's elements fall around the edges of
// sorted windows), `selectCollect` (the elements strictly inside open intervals) and `runStats`
// (runs of equal values of a sorted bucket) and `sortRuns` (one entry per kept run). Contiguous views only; the TypeScript side falls back
// to the reference kernels for others.
#include <algorithm>
#include <cstdint>
#include <vector>

#include "addon.h"

namespace numts {
namespace {

std::vector<double> DoublesOf(const Napi::Value& v) {
  Napi::Array a = v.As<Napi::Array>();
  std::vector<double> out(a.Length());
  for (uint32_t i = 0; i < a.Length(); i++) out[i] = a.Get(i).As<Napi::Number>().DoubleValue();
  return out;
}

template <typename F>
Napi::Value ByDtype(int code, F f) {
  switch (code) {
    case 0:
    case 2: return f(uint8_t{});
    case 1: return f(int8_t{});
    case 3: return f(int16_t{});
    case 4: return f(uint16_t{});
    case 5: return f(int32_t{});
    case 6: return f(uint32_t{});
    case 7: return f(float{});
    default: return f(double{});
  }
}

// selectCount(dtype, x, offset, n, edges[][]) -> per window [below, eq_0, between_0, ..., eq_last]
Napi::Value SelectCount(const Napi::CallbackInfo& info) {
  Napi::Array windows = info[4].As<Napi::Array>();
  std::vector<std::vector<double>> edges;
  for (uint32_t w = 0; w < windows.Length(); w++) edges.push_back(DoublesOf(windows.Get(w)));
  return ByDtype(static_cast<int>(IntOf(info[0])), [&](auto zero) -> Napi::Value {
    using T = decltype(zero);
    const T* x = static_cast<const T*>(DataOf(info[1])) + IntOf(info[2]);
    const int64_t n = IntOf(info[3]);
    const size_t m = edges.size();
    std::vector<double> lo(m), hi(m);
    std::vector<std::vector<double>> counts(m);
    std::vector<int64_t> below(m, 0);
    for (size_t w = 0; w < m; w++) {
      lo[w] = edges[w].front();
      hi[w] = edges[w].back();
      counts[w].assign(2 * edges[w].size(), 0);
    }
    for (size_t w = 0; w < m; w++) {
      const double l = lo[w], h = hi[w];
      int64_t b = 0;
      // Counting below is branch-free and vectorizes; the few elements inside are placed apart.
      for (int64_t i = 0; i < n; i++) b += static_cast<double>(x[i]) < l;
      below[w] = b;
      const std::vector<double>& e = edges[w];
      for (int64_t i = 0; i < n; i++) {
        const double v = static_cast<double>(x[i]);
        if (v >= l && v <= h) {
          const size_t k = std::lower_bound(e.begin(), e.end(), v) - e.begin();
          counts[w][e[k] == v ? 1 + 2 * k : 2 * k]++;
        }
      }
    }
    size_t total = 0;
    for (auto& c : counts) total += c.size();
    Napi::Array out = Napi::Array::New(info.Env(), total);
    uint32_t k = 0;
    for (size_t w = 0; w < m; w++) {
      counts[w][0] = static_cast<double>(below[w]);
      for (double c : counts[w]) out.Set(k++, c);
    }
    return out;
  });
}

// selectCollect(dtype, x, offset, n, intervals[][2]) -> [n0, ...values0, n1, ...values1]
Napi::Value SelectCollect(const Napi::CallbackInfo& info) {
  Napi::Array intervals = info[4].As<Napi::Array>();
  return ByDtype(static_cast<int>(IntOf(info[0])), [&](auto zero) -> Napi::Value {
    using T = decltype(zero);
    const T* x = static_cast<const T*>(DataOf(info[1])) + IntOf(info[2]);
    const int64_t n = IntOf(info[3]);
    std::vector<double> out;
    for (uint32_t j = 0; j < intervals.Length(); j++) {
      const std::vector<double> e = DoublesOf(intervals.Get(j));
      const size_t at = out.size();
      out.push_back(0);
      for (int64_t i = 0; i < n; i++) {
        const double v = static_cast<double>(x[i]);
        if (v > e[0] && v < e[1]) out.push_back(v);
      }
      out[at] = static_cast<double>(out.size() - at - 1);
    }
    Napi::Array result = Napi::Array::New(info.Env(), out.size());
    for (size_t i = 0; i < out.size(); i++) result.Set(static_cast<uint32_t>(i), out[i]);
    return result;
  });
}

// Runs of equal values (NaN equal to NaN) of sorted values[0, n): calls body(start, end, min, max)
// with the run's smallest and largest index (0 without indices).
template <typename T, typename F>
void ForEachRun(const T* v, const int32_t* ix, int64_t n, F body) {
  if (n == 0) return;
  int64_t start = 0;
  T first = v[0];
  bool firstNaN = first != first;
  int32_t lo = ix ? ix[0] : 0, hi = lo;
  for (int64_t i = 1; i < n; i++) {
    const T x = v[i];
    if (x == first || (firstNaN && x != x)) {
      if (ix) {
        lo = std::min(lo, ix[i]);
        hi = std::max(hi, ix[i]);
      }
      continue;
    }
    body(start, i, lo, hi);
    start = i;
    first = x;
    firstNaN = x != x;
    lo = hi = ix ? ix[i] : 0;
  }
  body(start, n, lo, hi);
}

// Whether a run is kept (mode: 0 unique, 1 union, 2 intersect, 3 setdiff); see runs.ts keepRun.
bool Keep(int mode, bool hasA, bool hasB, bool isNaN) {
  if (mode <= 1) return true;
  if (mode == 2) return hasA && hasB && !isNaN;
  return hasA && (!hasB || isNaN);
}

// runStats(dtype, values, offset, n, indices | null, indexOffset, split) -> RUN_STATS (runs.ts)
Napi::Value RunStats(const Napi::CallbackInfo& info) {
  return ByDtype(static_cast<int>(IntOf(info[0])), [&](auto zero) -> Napi::Value {
    using T = decltype(zero);
    const T* v = static_cast<const T*>(DataOf(info[1])) + IntOf(info[2]);
    const int64_t n = IntOf(info[3]);
    const int32_t* ix = info[4].IsNull() ? nullptr : static_cast<const int32_t*>(DataOf(info[4])) + IntOf(info[5]);
    const double split = DoubleOf(info[6]);
    double s[12] = {0};
    int64_t d = 0;
    int64_t prevLen = 0;
    double prevMin = 0, prevMax = 0;
    ForEachRun(v, ix, n, [&](int64_t a, int64_t b, int32_t lo, int32_t hi) {
      if (d == 0) {
        s[4] = static_cast<double>(b - a);
        s[5] = lo;
        s[6] = hi;
      } else if (d >= 2) {
        const bool hasA = !ix || prevMin < split, hasB = ix && prevMax >= split;
        s[hasA && hasB ? 3 : hasA ? 1 : 2]++;
      }
      prevLen = b - a;
      prevMin = lo;
      prevMax = hi;
      d++;
    });
    s[0] = static_cast<double>(d);
    if (d > 0) {
      s[7] = static_cast<double>(prevLen);
      s[8] = prevMin;
      s[9] = prevMax;
      s[10] = static_cast<double>(v[0]);
      s[11] = static_cast<double>(v[n - 1]);
    }
    Napi::Array out = Napi::Array::New(info.Env(), 12);
    for (uint32_t i = 0; i < 12; i++) out.Set(i, s[i]);
    return out;
  });
}

// sortRuns(dtype, values, offset, n, indices | null, indexOffset, mode, split, skipFirst, lastExtra,
//          lastHasB, outValues | null, outIndex | null, outCounts | null): one entry per kept run.
Napi::Value SortRuns(const Napi::CallbackInfo& info) {
  return ByDtype(static_cast<int>(IntOf(info[0])), [&](auto zero) -> Napi::Value {
    using T = decltype(zero);
    const T* v = static_cast<const T*>(DataOf(info[1])) + IntOf(info[2]);
    const int64_t n = IntOf(info[3]);
    const int32_t* ix = info[4].IsNull() ? nullptr : static_cast<const int32_t*>(DataOf(info[4])) + IntOf(info[5]);
    const int mode = static_cast<int>(IntOf(info[6]));
    const double split = DoubleOf(info[7]);
    const bool skipFirst = info[8].As<Napi::Boolean>().Value();
    const int64_t lastExtra = IntOf(info[9]);
    const bool lastHasB = info[10].As<Napi::Boolean>().Value();
    T* outV = info[11].IsNull() ? nullptr : static_cast<T*>(DataOf(info[11]));
    int32_t* outI = info[12].IsNull() ? nullptr : static_cast<int32_t*>(DataOf(info[12]));
    int32_t* outC = info[13].IsNull() ? nullptr : static_cast<int32_t*>(DataOf(info[13]));
    int64_t k = 0, r = 0;
    ForEachRun(v, ix, n, [&](int64_t a, int64_t b, int32_t lo, int32_t hi) {
      if (r++ == 0 && skipFirst) return;
      const bool last = b == n;
      const T x = v[a];
      const bool hasA = !ix || lo < split, hasB = (ix && hi >= split) || (last && lastHasB);
      if (!Keep(mode, hasA, hasB, x != x)) return;
      if (outV) outV[k] = x;
      if (outI) outI[k] = lo;
      if (outC) outC[k] = static_cast<int32_t>(b - a + (last ? lastExtra : 0));
      k++;
    });
    return info.Env().Undefined();
  });
}

}  // namespace

void RegisterSortScans(Napi::Env env, Napi::Object exports) {
  exports.Set("selectCount", Napi::Function::New(env, SelectCount));
  exports.Set("selectCollect", Napi::Function::New(env, SelectCollect));
  exports.Set("runStats", Napi::Function::New(env, RunStats));
  exports.Set("sortRuns", Napi::Function::New(env, SortRuns));
}

}  // namespace numts
