// SPDX-License-Identifier: Apache-2.0
// Sorting sequences of values into NumPy's stable order. Keys are built while reading the input
// (through a reader), sorted by the core (core.h) and turned back into values.
//
// SortTop sorts any sequence: large float inputs are first distributed by value into linear bins
// (keys of floats grow with the logarithm of the value, so bins on the keys would be uneven).
// SortBinned sorts a sample-sort bucket whose pieces the split already grouped into such bins: it
// only gathers each bin into cache, sorts it and writes it out.
//
// -0.0 and every NaN share the keys of 0.0 and the canonical NaN; where zeros or NaNs occur their
// runs are rewritten from the input in input order, so signs and NaN payloads survive and the
// result is exactly NumPy's stable sort.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

#include "core.h"
#include "keys.h"

namespace numts::sort {

// The value-linear bin of v among `bins` bins over [lo, lo + bins / scale]: clamped, NaN last.
// Non-decreasing in NumPy's order, so bins in order hold values in order.
struct LinearBins {
  double lo = 0;
  double scale = 0;
  size_t bins = 1;
  LinearBins() = default;
  LinearBins(double low, double high, size_t n) : lo(low), bins(n) {
    const double range = high - low;
    scale = n > 1 && range > 0 && std::isfinite(range) ? static_cast<double>(n) / range : 0;
  }
  template <typename T>
  inline size_t operator()(T v) const {
    const double top = static_cast<double>(bins - 1);
    double f = (static_cast<double>(v) - lo) * scale;
    f = f > 0 ? f : 0;
    f = f < top ? f : top;
    f = v != v ? top : f;
    return static_cast<size_t>(static_cast<int64_t>(f));
  }
};

// Rewrites the zero run and the NaN run of sorted `out` from the input, in input order.
template <typename T, typename Reader>
void RestoreZerosAndNaNs(T* out, size_t n, Reader read) {
  if constexpr (KeyTraits<T>::kFloat) {
    const bool nanRun = n > 0 && out[n - 1] != out[n - 1];
    size_t nan = nanRun ? std::partition_point(out, out + n, [](T v) { return v == v; }) - out : n;
    size_t zero = std::lower_bound(out, out + nan, T(0), [](T a, T b) { return a < b; }) - out;
    const bool zeroRun = zero < nan && out[zero] == 0;
    if (!nanRun && !zeroRun) return;
    read([&](T v, uint32_t) {
      if (zeroRun && v == 0) out[zero++] = v;
      else if (nanRun && v != v) out[nan++] = v;
    });
  }
}

// A reader calls f(value, index) for every input element, in input order; it can be run again.
template <typename T, typename Reader>
void SortTop(size_t n, Reader read, T* outValues, int32_t* outIndices) {
  using Traits = KeyTraits<T>;
  using Key = typename Traits::Key;
  if (n == 0) return;
  const bool alias = outValues != nullptr && sizeof(T) == sizeof(Key);
  Scratch<Key> keyScratch(alias ? 0 : n), tmpKeys(n);
  Scratch<uint32_t> tmpPay(outIndices ? n : 0);
  Key* keys = alias ? reinterpret_cast<Key*>(outValues) : keyScratch.get();
  uint32_t* pay = outIndices ? reinterpret_cast<uint32_t*>(outIndices) : nullptr;
  bool binned = false;
  if constexpr (Traits::kFloat) {
    if (n > kCacheElements) {
      T lo = INFINITY, hi = -INFINITY;
      read([&](T v, uint32_t) {
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
      });
      const LinearBins binOf(lo, hi, std::clamp<size_t>(n / kBinElements, 2, kMaxBins));
      if (binOf.scale > 0) {
        binned = true;
        const size_t bins = binOf.bins;
        std::vector<size_t> start(bins + 1, 0);
        read([&](T v, uint32_t) { start[binOf(v) + 1]++; });
        for (size_t b = 0; b < bins; b++) start[b + 1] += start[b];
        std::vector<size_t> at(start.begin(), start.end() - 1);
        Key* tk = tmpKeys.get();
        uint32_t* tp = tmpPay.get();
        read([&](T v, uint32_t i) {
          const size_t j = at[binOf(v)]++;
          tk[j] = Traits::ToKey(v);
          if (pay) tp[j] = i;
        });
        for (size_t b = 0; b < bins; b++) {
          const size_t off = start[b], m = start[b + 1] - start[b];
          if (m == 0) continue;
          SortKeys(tk + off, pay ? tp + off : nullptr, m, keys + off, pay ? pay + off : nullptr);
          if (outValues) for (size_t i = 0; i < m; i++) outValues[off + i] = Traits::FromKey(tk[off + i]);
          if (pay) std::memcpy(pay + off, tp + off, m * sizeof(uint32_t));
        }
      }
    }
  }
  if (!binned) {
    size_t j = 0;
    read([&](T v, uint32_t i) {
      keys[j] = Traits::ToKey(v);
      if (pay) pay[j] = i;
      j++;
    });
    SortKeys(keys, pay, n, tmpKeys.get(), tmpPay.get());
    if (outValues) for (size_t i = 0; i < n; i++) outValues[i] = Traits::FromKey(keys[i]);
  }
  if (outValues) RestoreZerosAndNaNs(outValues, n, read);
}

// Sorts (values, indices) pairs by index in place (indices are distinct): the input order that
// makes a stable sort by value NumPy's stable order when pieces arrive out of index order.
template <typename T>
void OrderByIndex(T* values, uint32_t* indices, size_t n) {
  Scratch<uint32_t> pos(n), tk(n), tp(n);
  Scratch<T> v(n);
  for (size_t i = 0; i < n; i++) pos.get()[i] = static_cast<uint32_t>(i);
  std::memcpy(v.get(), values, n * sizeof(T));
  SortKeys<uint32_t>(indices, pos.get(), n, tk.get(), tp.get());
  for (size_t i = 0; i < n; i++) values[i] = v.get()[pos.get()[i]];
}

// Sorts a gathered sequence of (value, index) pairs into out (NumPy's stable order).
template <typename T>
void SortGathered(T* values, uint32_t* indices, size_t n, bool byIndex, T* outValues, int32_t* outIndices) {
  if (byIndex) OrderByIndex(values, indices, n);
  auto read = [&](auto f) {
    for (size_t i = 0; i < n; i++) f(values[i], indices ? indices[i] : 0u);
  };
  SortTop<T>(n, read, outValues, outIndices);
}

// Sorts a bin with no zeros or NaNs (which would need their runs restored) straight into out;
// returns false, having written nothing, when it has some.
template <typename T>
bool SortPlainBin(const T* values, const uint32_t* indices, size_t n, typename KeyTraits<T>::Key* keys, typename KeyTraits<T>::Key* tmp, uint32_t* tp, T* outValues, int32_t* outIndices) {
  using Traits = KeyTraits<T>;
  if constexpr (Traits::kFloat) {
    bool special = false;
    for (size_t i = 0; i < n; i++) special |= (values[i] == 0) | (values[i] != values[i]);
    if (special) return false;
  }
  for (size_t i = 0; i < n; i++) keys[i] = Traits::ToKey(values[i]);
  uint32_t* pay = indices ? reinterpret_cast<uint32_t*>(outIndices) : nullptr;
  if (pay) std::memcpy(pay, indices, n * sizeof(uint32_t));
  SortKeys(keys, pay, n, tmp, pay ? tp : nullptr);
  if (outValues) for (size_t i = 0; i < n; i++) outValues[i] = Traits::FromKey(keys[i]);
  return true;
}

// A bucket whose m pieces are grouped into `bins` value bins: counts[i * bins + b] elements of bin
// b in piece i. values[i] / indices[i] point at piece i's first element. Equal values share a bin,
// so each bin is sorted on its own (in cache) and written after the previous ones.
template <typename T>
void SortBinned(const std::vector<const T*>& values, const std::vector<const int32_t*>& indices, const std::vector<int64_t>& counts, size_t bins, bool byIndex, T* outValues, int32_t* outIndices) {
  const size_t m = values.size();
  std::vector<size_t> cursor(m, 0);
  size_t widest = 0;
  for (size_t b = 0; b < bins; b++) {
    size_t w = 0;
    for (size_t i = 0; i < m; i++) w += counts[i * bins + b];
    widest = std::max(widest, w);
  }
  const bool withIndex = !indices.empty();
  using Key = typename KeyTraits<T>::Key;
  Scratch<T> v(widest);
  Scratch<uint32_t> ix(withIndex ? widest : 0), tp(withIndex ? widest : 0);
  Scratch<Key> keys(widest), tmp(widest);
  size_t pos = 0;
  for (size_t b = 0; b < bins; b++) {
    size_t w = 0;
    for (size_t i = 0; i < m; i++) {
      const size_t c = counts[i * bins + b];
      std::memcpy(v.get() + w, values[i] + cursor[i], c * sizeof(T));
      if (withIndex) std::memcpy(ix.get() + w, indices[i] + cursor[i], c * sizeof(uint32_t));
      cursor[i] += c;
      w += c;
    }
    T* ov = outValues ? outValues + pos : nullptr;
    int32_t* oi = outIndices ? outIndices + pos : nullptr;
    if (byIndex || !SortPlainBin<T>(v.get(), withIndex && oi ? ix.get() : nullptr, w, keys.get(), tmp.get(), tp.get(), ov, oi)) {
      SortGathered<T>(v.get(), withIndex ? ix.get() : nullptr, w, byIndex, ov, oi);
    }
    pos += w;
  }
}

}  // namespace numts::sort
