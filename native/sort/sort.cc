// SPDX-License-Identifier: Apache-2.0
// N-API entry points of the sorting kernels (see src/kernels/sort-manifest.ts for their contracts
// and src/kernels/native/sort.ts for the TypeScript side): sortPieces (a sample-sort bucket),
// sortSplit (splitting a block by splitters) and sortLanes (sorting along an axis of a block).
#include <algorithm>
#include <cstdint>
#include <vector>

#include "addon.h"
#include "sort/top.h"

namespace numts {
namespace {

using sort::KeyTraits;

std::vector<int64_t> IntsOf(const Napi::Value& v) {
  Napi::Array a = v.As<Napi::Array>();
  std::vector<int64_t> out(a.Length());
  for (uint32_t i = 0; i < a.Length(); i++) out[i] = IntOf(a.Get(i));
  return out;
}

template <typename T>
T* Ptr(const Napi::Value& v) {
  return v.IsNull() || v.IsUndefined() ? nullptr : static_cast<T*>(DataOf(v));
}

// Calls f(elementOffset, globalIndex) over an n-d strided view in C order.
template <typename F>
void ForEachStrided(const std::vector<int64_t>& shape, const std::vector<int64_t>& strides, int64_t offset, const std::vector<int64_t>& gstrides, int64_t gbase, F f) {
  const size_t nd = shape.size();
  for (int64_t s : shape) if (s == 0) return;
  if (nd == 0) {
    f(offset, gbase);
    return;
  }
  if (nd == 1 && strides[0] == 1 && gstrides[0] == 1) {
    for (int64_t i = 0; i < shape[0]; i++) f(offset + i, gbase + i);
    return;
  }
  std::vector<int64_t> idx(nd, 0);
  const int64_t inner = shape[nd - 1], sIn = strides[nd - 1], gIn = gstrides[nd - 1];
  for (;;) {
    for (int64_t i = 0; i < inner; i++) f(offset + i * sIn, gbase + i * gIn);
    int d = static_cast<int>(nd) - 2;
    for (; d >= 0; d--) {
      offset += strides[d];
      gbase += gstrides[d];
      if (++idx[d] < shape[d]) break;
      offset -= strides[d] * shape[d];
      gbase -= gstrides[d] * shape[d];
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

// Dispatches on the dtype code of src/array/dtype.ts (DTYPES order).
template <template <typename> class Op, typename... A>
Napi::Value Dispatch(int code, A&&... args) {
  switch (code) {
    case 0:
    case 2: return Op<uint8_t>::Run(args...);
    case 1: return Op<int8_t>::Run(args...);
    case 3: return Op<int16_t>::Run(args...);
    case 4: return Op<uint16_t>::Run(args...);
    case 5: return Op<int32_t>::Run(args...);
    case 6: return Op<uint32_t>::Run(args...);
    case 7: return Op<float>::Run(args...);
    default: return Op<double>::Run(args...);
  }
}

// sortPieces(dtype, values[], offsets[], lengths[], indices[] | null, indexOffsets[] | null,
//            outValues | null, outIndices | null, bins, binCounts[] (pieces x bins) | null, byIndex)
template <typename T>
struct SortPiecesOp {
  static Napi::Value Run(const Napi::CallbackInfo& info) {
    Napi::Array values = info[1].As<Napi::Array>();
    const auto offsets = IntsOf(info[2]), lengths = IntsOf(info[3]);
    const bool withIndex = !info[4].IsNull();
    Napi::Array indices = withIndex ? info[4].As<Napi::Array>() : Napi::Array::New(info.Env());
    const auto indexOffsets = withIndex ? IntsOf(info[5]) : std::vector<int64_t>();
    std::vector<const T*> vp;
    std::vector<const int32_t*> ip;
    size_t n = 0;
    for (uint32_t j = 0; j < values.Length(); j++) {
      vp.push_back(static_cast<const T*>(DataOf(values.Get(j))) + offsets[j]);
      if (withIndex) ip.push_back(static_cast<const int32_t*>(DataOf(indices.Get(j))) + indexOffsets[j]);
      n += lengths[j];
    }
    auto read = [&](auto f) {
      for (size_t j = 0; j < vp.size(); j++) {
        const T* v = vp[j];
        const int32_t* ix = withIndex ? ip[j] : nullptr;
        for (int64_t i = 0; i < lengths[j]; i++) f(v[i], ix ? static_cast<uint32_t>(ix[i]) : 0u);
      }
    };
    const int64_t bins = IntOf(info[8]);
    const bool byIndex = info[10].As<Napi::Boolean>().Value();
    T* outV = Ptr<T>(info[6]);
    int32_t* outI = Ptr<int32_t>(info[7]);
    if (bins > 1) {
      // Indices matter only when output or when they decide the order of ties.
      std::vector<const int32_t*> carried = outI || byIndex ? ip : std::vector<const int32_t*>();
      sort::SortBinned<T>(vp, carried, IntsOf(info[9]), static_cast<size_t>(bins), byIndex, outV, outI);
    } else if (byIndex) {
      sort::Scratch<T> v(n);
      sort::Scratch<uint32_t> ix(n);
      size_t k = 0;
      read([&](T value, uint32_t index) {
        v.get()[k] = value;
        ix.get()[k++] = index;
      });
      sort::SortGathered<T>(v.get(), ix.get(), n, true, outV, outI);
    } else {
      sort::SortTop<T>(n, read, outV, outI);
    }
    return info.Env().Undefined();
  }
};

// The (bucket, bin) cell of every element of a contiguous run, in chunks whose loops the compiler
// vectorizes (keys, then one compare per splitter, then the value bin), then counted.
template <typename T, typename Key>
void CountCells(const T* x, size_t n, int64_t base, const std::vector<Key>& sk, const std::vector<int64_t>& sidx, const std::vector<sort::LinearBins>& fine,
                size_t bins, uint16_t* cell, std::vector<int64_t>& counts) {
  constexpr size_t kChunk = 2048;
  alignas(64) Key keys[kChunk];
  alignas(64) uint32_t bucket[kChunk];
  const size_t p = sk.size() + 1;
  std::vector<double> lo(p), scale(p);
  for (size_t b = 0; b < p; b++) {
    lo[b] = fine[b].lo;
    scale[b] = fine[b].scale;
  }
  const double top = static_cast<double>(bins - 1);
  for (size_t s = 0; s < n; s += kChunk) {
    const size_t m = std::min(kChunk, n - s);
    const T* xv = x + s;
    for (size_t i = 0; i < m; i++) {
      keys[i] = KeyTraits<T>::ToKey(xv[i]);
      bucket[i] = 0;
    }
    for (size_t j = 0; j < sk.size(); j++) {
      const Key kj = sk[j];
      const int64_t ij = sidx[j] - base - static_cast<int64_t>(s);
      for (size_t i = 0; i < m; i++) bucket[i] += (kj < keys[i]) | ((kj == keys[i]) & (ij < static_cast<int64_t>(i)));
    }
    uint16_t* cv = cell + s;
    for (size_t i = 0; i < m; i++) {
      const double v = static_cast<double>(xv[i]);
      const uint32_t b = bucket[i];
      double f = (v - lo[b]) * scale[b];
      f = f > 0 ? f : 0;
      f = f < top ? f : top;
      f = v != v ? top : f;
      cv[i] = static_cast<uint16_t>(b * bins + static_cast<uint32_t>(static_cast<int32_t>(f)));
    }
    for (size_t i = 0; i < m; i++) counts[cv[i]]++;
  }
}

// sortSplit(dtype, x, offset, shape, strides, indexBase, indexStrides, splitValues[], splitIndices[],
//           mode (0 count, 1 grouped, 2 pieces), outValues[], outIndices[] | null, pieces[], bins,
//           ranges[] (per bucket: low, high), scratch (uint16, x's size) | null)
//           -> counts per (bucket, bin)
template <typename T>
struct SortSplitOp {
  static Napi::Value Run(const Napi::CallbackInfo& info) {
    using Traits = KeyTraits<T>;
    using Key = typename Traits::Key;
    const T* x = static_cast<const T*>(DataOf(info[1]));
    const int64_t offset = IntOf(info[2]);
    const auto shape = IntsOf(info[3]), strides = IntsOf(info[4]);
    const int64_t base = IntOf(info[5]);
    const auto gstrides = IntsOf(info[6]);
    Napi::Array sv = info[7].As<Napi::Array>(), si = info[8].As<Napi::Array>();
    const int mode = static_cast<int>(IntOf(info[9]));
    const size_t bins = static_cast<size_t>(IntOf(info[13]));
    Napi::Array ranges = info[14].As<Napi::Array>();
    std::vector<Key> sk(sv.Length());
    std::vector<int64_t> sidx(sv.Length());
    for (uint32_t j = 0; j < sv.Length(); j++) {
      sk[j] = Traits::ToKey(static_cast<T>(DoubleOf(sv.Get(j))));
      sidx[j] = IntOf(si.Get(j));
    }
    const size_t p = sk.size() + 1;
    std::vector<sort::LinearBins> fine(p);
    for (size_t b = 0; b < p && bins > 1; b++) {
      fine[b] = sort::LinearBins(DoubleOf(ranges.Get(static_cast<uint32_t>(2 * b))), DoubleOf(ranges.Get(static_cast<uint32_t>(2 * b + 1))), bins);
    }
    // The number of splitters ordered before (key, index): branch-free for a few splitters.
    auto bucketOf = [&](Key k, int64_t g) -> size_t {
      if (sk.size() <= 16) {
        size_t b = 0;
        for (size_t j = 0; j < sk.size(); j++) b += (sk[j] < k) | ((sk[j] == k) & (sidx[j] < g));
        return b;
      }
      size_t lo = 0, hi = sk.size();
      while (lo < hi) {
        const size_t mid = (lo + hi) >> 1;
        if (sk[mid] < k || (sk[mid] == k && sidx[mid] < g)) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    };
    auto binOf = [&](T v, int64_t g) -> size_t {
      const size_t b = p == 1 ? 0 : bucketOf(Traits::ToKey(v), g);
      return bins > 1 ? b * bins + fine[b](v) : b;
    };
    const size_t cells = p * bins;
    std::vector<int64_t> counts(cells, 0);
    int64_t n = 1;
    for (int64_t d : shape) n *= d;
    // Remember each element's cell between the counting and the scattering pass, in the scratch
    // block the planner provides (pooled memory whose pages are already mapped).
    uint16_t* cell = Ptr<uint16_t>(info[15]);
    const bool remember = mode != 0 && cells > 1 && cells <= 65536 && cell != nullptr;
    size_t e = 0;
    const bool contiguous = shape.size() == 1 && strides[0] == 1 && gstrides[0] == 1;
    if (contiguous && remember && sk.size() <= 16) {
      CountCells(x + offset, static_cast<size_t>(n), base, sk, sidx, fine, bins, cell, counts);
    } else {
      ForEachStrided(shape, strides, offset, gstrides, base, [&](int64_t o, int64_t g) {
        const size_t c = binOf(x[o], g);
        counts[c]++;
        if (remember) cell[e++] = static_cast<uint16_t>(c);
      });
    }
    if (mode != 0) {
      std::vector<T*> vout(cells, nullptr);
      std::vector<int32_t*> iout(cells, nullptr);
      Napi::Array outV = info[10].As<Napi::Array>();
      const bool withIndex = !info[11].IsNull();
      Napi::Array outI = withIndex ? info[11].As<Napi::Array>() : Napi::Array::New(info.Env());
      std::vector<int64_t> bucketOut(p, -1);
      if (mode == 1) {
        for (size_t b = 0; b < p; b++) bucketOut[b] = 0;
      } else {
        const auto pieces = IntsOf(info[12]);
        for (size_t j = 0; j < pieces.size(); j++) bucketOut[pieces[j]] = static_cast<int64_t>(j);
      }
      // Every cell writes at its own running position inside its output.
      int64_t running = 0;
      for (size_t c = 0; c < cells; c++) {
        const size_t b = c / bins;
        if (mode == 2 && c % bins == 0) running = 0;
        if (bucketOut[b] >= 0) {
          vout[c] = static_cast<T*>(DataOf(outV.Get(static_cast<uint32_t>(bucketOut[b])))) + running;
          if (withIndex) iout[c] = static_cast<int32_t*>(DataOf(outI.Get(static_cast<uint32_t>(bucketOut[b])))) + running;
        }
        running += counts[c];
      }
      e = 0;
      if (contiguous && remember) {
        // The common case as a plain loop: the cell of each element was stored by the count.
        const T* xv = x + offset;
        T** vp = vout.data();
        int32_t** ip = iout.data();
        for (int64_t i = 0; i < n; i++) {
          const uint16_t c = cell[i];
          *vp[c]++ = xv[i];
          if (withIndex) *ip[c]++ = static_cast<int32_t>(base + i);
        }
      } else ForEachStrided(shape, strides, offset, gstrides, base, [&](int64_t o, int64_t g) {
        const T v = x[o];
        const size_t c = remember ? cell[e++] : cells == 1 ? 0 : binOf(v, g);
        *vout[c]++ = v;
        if (withIndex) *iout[c]++ = static_cast<int32_t>(g);
      });
    }
    Napi::Array out = Napi::Array::New(info.Env(), cells);
    for (size_t c = 0; c < cells; c++) out.Set(static_cast<uint32_t>(c), static_cast<double>(counts[c]));
    return out;
  }
};

// sortLanes(dtype, x, offset, shape, strides, axis (-1: all elements, C order), outValues | null,
//           outIndices | null): outputs contiguous, x's shape (or 1-D for axis -1).
template <typename T>
struct SortLanesOp {
  static Napi::Value Run(const Napi::CallbackInfo& info) {
    const T* x = static_cast<const T*>(DataOf(info[1]));
    const int64_t offset = IntOf(info[2]);
    auto shape = IntsOf(info[3]), strides = IntsOf(info[4]);
    const int64_t axis = IntOf(info[5]);
    T* outV = Ptr<T>(info[6]);
    int32_t* outI = Ptr<int32_t>(info[7]);
    if (axis < 0) {
      int64_t n = 1;
      for (int64_t s : shape) n *= s;
      const std::vector<int64_t> pos(shape.size(), 0);
      std::vector<int64_t> cstr(shape.size(), 0);
      for (int64_t d = static_cast<int64_t>(shape.size()) - 1, s = 1; d >= 0; d--) {
        cstr[d] = s;
        s *= shape[d];
      }
      auto read = [&](auto f) { ForEachStrided(shape, strides, offset, cstr, 0, [&](int64_t o, int64_t g) { f(x[o], static_cast<uint32_t>(g)); }); };
      sort::SortTop<T>(static_cast<size_t>(n), read, outV, outI);
      return info.Env().Undefined();
    }
    const int64_t len = shape[axis], sIn = strides[axis];
    int64_t sOut = 1;
    for (size_t d = axis + 1; d < shape.size(); d++) sOut *= shape[d];
    std::vector<int64_t> oshape, ostrides, ocstr;
    std::vector<int64_t> full(shape.size());
    for (int64_t d = static_cast<int64_t>(shape.size()) - 1, s = 1; d >= 0; d--) {
      full[d] = s;
      s *= shape[d];
    }
    for (size_t d = 0; d < shape.size(); d++) {
      if (static_cast<int64_t>(d) == axis) continue;
      oshape.push_back(shape[d]);
      ostrides.push_back(strides[d]);
      ocstr.push_back(full[d]);
    }
    std::vector<T> laneV(sOut == 1 ? 0 : len);
    std::vector<int32_t> laneI(sOut == 1 || !outI ? 0 : len);
    ForEachStrided(oshape, ostrides, offset, ocstr, 0, [&](int64_t in, int64_t out) {
      auto read = [&](auto f) {
        for (int64_t i = 0; i < len; i++) f(x[in + i * sIn], static_cast<uint32_t>(i));
      };
      if (sOut == 1) {
        sort::SortTop<T>(len, read, outV ? outV + out : nullptr, outI ? outI + out : nullptr);
        return;
      }
      sort::SortTop<T>(len, read, outV ? laneV.data() : nullptr, outI ? laneI.data() : nullptr);
      for (int64_t i = 0; i < len; i++) {
        if (outV) outV[out + i * sOut] = laneV[i];
        if (outI) outI[out + i * sOut] = laneI[i];
      }
    });
    return info.Env().Undefined();
  }
};

Napi::Value SortPieces(const Napi::CallbackInfo& info) { return Dispatch<SortPiecesOp>(static_cast<int>(IntOf(info[0])), info); }
Napi::Value SortSplit(const Napi::CallbackInfo& info) { return Dispatch<SortSplitOp>(static_cast<int>(IntOf(info[0])), info); }
Napi::Value SortLanes(const Napi::CallbackInfo& info) { return Dispatch<SortLanesOp>(static_cast<int>(IntOf(info[0])), info); }

}  // namespace

void RegisterSortScans(Napi::Env env, Napi::Object exports);

void RegisterSort(Napi::Env env, Napi::Object exports) {
  RegisterSortScans(env, exports);
  exports.Set("sortPieces", Napi::Function::New(env, SortPieces));
  exports.Set("sortSplit", Napi::Function::New(env, SortSplit));
  exports.Set("sortLanes", Napi::Function::New(env, SortLanes));
}

}  // namespace numts
