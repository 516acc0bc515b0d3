// SPDX-License-Identifier: Apache-2.0
// randomFill: the native `random` branch of the generate kernel (src/kernels/ts/random/fill.ts
// is the reference). One call fills a whole block: its C-order runs along the last axis are
// contiguous in the block and consecutive in the global flat index, and each is filled chunk by
// chunk — Philox into uniforms or words, then the transform — exactly as the TypeScript samplers
// do, so the values are bit for bit theirs. Validation is done by the TypeScript wrapper.

// GCC 12 reports the AVX-512 intrinsics' undefined pass-through operands as maybe-uninitialized
// (GCC bug 105593, fixed in 13), hundreds of times for philox.h; the warning is false there.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <algorithm>
#include <cmath>
#include <type_traits>
#include <cstdint>
#include <vector>

#include "addon.h"
#include "random/philox.h"
#include "random/transforms.h"

namespace numts {
namespace random {
namespace {

/** Distribution codes (RANDOM_NATIVE_CODES in src/kernels/native/random.ts). */
enum Dist { kRandom = 0, kUniform = 1, kNormal = 2, kExponential = 3, kIntegers = 4 };

constexpr int64_t kChunk = 1024;
constexpr double kTwoPow32 = 4294967296.0;

/** The parameters of one call: the distribution's numbers as the wrapper sends them. */
struct Params {
  int dist;
  double a;  // uniform low, normal loc, exponential scale, integers low
  double b;  // uniform high - low, normal scale, integers span
};

/** Samples in [low, low + span), span <= 2^32, by Lemire's method (LemireSampler). */
template <typename T>
void FillLemire(const Keys& k, const Params& p, uint64_t first, int64_t count, T* dst) {
  const uint64_t span = static_cast<uint64_t>(p.b);
  const uint64_t threshold = span == (uint64_t{1} << 32) ? 0 : ((uint64_t{1} << 32) - span) % span;
  uint32_t w[kChunk];
  for (int64_t done = 0; done < count; done += kChunk) {
    const int64_t n = std::min(kChunk, count - done);
    Words32(k, first + done, n, w);
    for (int64_t t = 0; t < n; t++) {
      uint64_t x = w[t];
      if (span != (uint64_t{1} << 32)) {
        uint64_t m = x * span;
        if ((m & 0xffffffffu) < threshold) {
          ElementWords words(k, first + done + t);
          do m = static_cast<uint64_t>(words.Next()) * span;
          while ((m & 0xffffffffu) < threshold);
        }
        x = m >> 32;
      }
      dst[done + t] = static_cast<T>(p.a + static_cast<double>(x));
    }
  }
}

/** Samples in [low, low + span), 2^32 < span <= 2^53, by bitmask rejection (MaskedSampler). */
void FillMasked(const Keys& k, const Params& p, uint64_t first, int64_t count, double* dst) {
  const double span = p.b;
  double scale = kTwoPow32;
  while (scale < span) scale *= 2;
  double u[kChunk];
  for (int64_t done = 0; done < count; done += kChunk) {
    const int64_t n = std::min(kChunk, count - done);
    Uniforms53(k, first + done, n, u);
    for (int64_t t = 0; t < n; t++) {
      double r = std::floor(u[t] * scale);
      if (!(r < span)) {
        ElementWords words(k, first + done + t);
        do r = std::floor(words.NextDouble() * scale);
        while (!(r < span));
      }
      dst[done + t] = p.a + r;
    }
  }
}

/** One run of a continuous distribution: uniforms, then `transform` of each, as T. */
template <typename T, typename F>
void FillContinuous(const Keys& k, uint64_t first, int64_t count, T* dst, F transform) {
  double u[kChunk];
  for (int64_t done = 0; done < count; done += kChunk) {
    const int64_t n = std::min(kChunk, count - done);
    Uniforms53(k, first + done, n, u);
    for (int64_t t = 0; t < n; t++) dst[done + t] = static_cast<T>(transform(u[t]));
  }
}

/** Fills the run of elements first..first+count-1 of the distribution into dst. */
template <typename T>
void FillRun(const Keys& k, const Params& p, uint64_t first, int64_t count, T* dst) {
  const double a = p.a, b = p.b;
  switch (p.dist) {
    case kRandom:
      if (std::is_same<T, float>::value) {  // float32: one word each, four elements per counter (Random32Sampler)
        uint32_t w[kChunk];
        for (int64_t done = 0; done < count; done += kChunk) {
          const int64_t n = std::min(kChunk, count - done);
          Words32(k, first + done, n, w);
          for (int64_t t = 0; t < n; t++) dst[done + t] = static_cast<T>(Float24(w[t]));
        }
      } else if (std::is_same<T, double>::value) {
        Uniforms53(k, first, count, reinterpret_cast<double*>(dst));
      }
      return;
    case kUniform:
      return FillContinuous(k, first, count, dst, [a, b](double u) { return a + b * u; });
    case kNormal: {
      double u[kChunk], z[kChunk];
      for (int64_t done = 0; done < count; done += kChunk) {
        const int64_t n = std::min(kChunk, count - done);
        Uniforms53(k, first + done, n, u);
        StandardNormals(u, n, z);
        for (int64_t t = 0; t < n; t++) dst[done + t] = static_cast<T>(a + b * z[t]);
      }
      return;
    }
    case kExponential:
      return FillContinuous(k, first, count, dst, [a](double u) { return a * -LogPositive(1 - u); });
    case kIntegers:
      if (b <= kTwoPow32) return FillLemire(k, p, first, count, dst);
      if (std::is_same<T, double>::value) FillMasked(k, p, first, count, reinterpret_cast<double*>(dst));
      return;
  }
}

/**
 * Walks the block's runs (an odometer over all axes but the last, as fillRandom does) and fills
 * each one.
 */
template <typename T>
void FillBlock(const Keys& k, const Params& p, T* base, const std::vector<int64_t>& shape,
               const std::vector<int64_t>& strides, const std::vector<int64_t>& gstrides, int64_t first) {
  const size_t nd = shape.size();
  for (int64_t d : shape)
    if (d == 0) return;
  if (nd == 0) return FillRun(k, p, 0, 1, base);
  const size_t last = nd - 1;
  const int64_t run = shape[last];
  std::vector<int64_t> idx(last, 0);
  int64_t pos = 0;
  for (;;) {
    FillRun(k, p, static_cast<uint64_t>(first), run, base + pos);
    size_t d = last;
    for (; d-- > 0;) {
      idx[d]++;
      pos += strides[d];
      first += gstrides[d];
      if (idx[d] < shape[d]) break;
      pos -= strides[d] * shape[d];
      first -= gstrides[d] * shape[d];
      idx[d] = 0;
    }
    if (d == static_cast<size_t>(-1)) return;
  }
}

std::vector<int64_t> Ints(const Napi::Value& v) {
  Napi::Array a = v.As<Napi::Array>();
  std::vector<int64_t> out(a.Length());
  for (uint32_t i = 0; i < a.Length(); i++) out[i] = a.Get(i).As<Napi::Number>().Int64Value();
  return out;
}

// randomFill(dist, a, b, key0, key1, stream, dtype, out, offset, shape, strides, gstrides, first)
Napi::Value RandomFill(const Napi::CallbackInfo& info) {
  const Params p{static_cast<int>(IntOf(info[0])), DoubleOf(info[1]), DoubleOf(info[2])};
  const Keys k(static_cast<uint32_t>(IntOf(info[3])), static_cast<uint32_t>(IntOf(info[4])),
               static_cast<uint32_t>(IntOf(info[5])));
  const int dtype = static_cast<int>(IntOf(info[6]));
  void* data = DataOf(info[7]);
  const int64_t offset = IntOf(info[8]);
  const std::vector<int64_t> shape = Ints(info[9]), strides = Ints(info[10]), gstrides = Ints(info[11]);
  const int64_t first = IntOf(info[12]);
  auto fill = [&](auto zero) {
    using T = decltype(zero);
    FillBlock(k, p, static_cast<T*>(data) + offset, shape, strides, gstrides, first);
  };
  switch (dtype) {  // DTYPE_CODE order in src/array/dtype.ts
    case 0:
    case 2: fill(uint8_t{}); break;
    case 1: fill(int8_t{}); break;
    case 3: fill(int16_t{}); break;
    case 4: fill(uint16_t{}); break;
    case 5: fill(int32_t{}); break;
    case 6: fill(uint32_t{}); break;
    case 7: fill(float{}); break;
    default: fill(double{}); break;
  }
  return info.Env().Undefined();
}

}  // namespace
}  // namespace random

void RegisterRandom(Napi::Env env, Napi::Object exports) {
  exports.Set("randomFill", Napi::Function::New(env, random::RandomFill));
}

}  // namespace numts
