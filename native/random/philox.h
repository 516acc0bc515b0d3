// SPDX-License-Identifier: Apache-2.0
// Philox4x32-10 and the counter layout of src/kernels/ts/random/{philox,counter}.ts, which define
// them (see there for the why); this is the same function of (key, counter), bit for bit. Counters
// are computed in batches of kBatch so the rounds vectorize (one 32×32→64-bit multiply per lane).
// The build uses -march=native; without AVX-512 the batch is a loop of scalar Philox.
#pragma once
#include <cstdint>
#ifdef __AVX512F__
#include <immintrin.h>
#endif

namespace numts {
namespace random {

constexpr int kRounds = 10;
constexpr uint64_t kM0 = 0xd2511f53u;
constexpr uint64_t kM1 = 0xcd9e8d57u;
constexpr uint32_t kW0 = 0x9e3779b9u;
constexpr uint32_t kW1 = 0xbb67ae85u;
/** Counters per batch: two AVX-512 registers of 64-bit lanes. */
constexpr int kBatch = 16;

/** The key and stream of one random array: what every counter shares. */
struct Keys {
  uint32_t rk[2 * kRounds];  // the key of round r at [2r, 2r + 1] (roundKeys in philox.ts)
  uint32_t stream;

  Keys(uint32_t k0, uint32_t k1, uint32_t s) : stream(s) {
    for (int r = 0; r < kRounds; r++) {
      rk[2 * r] = k0;
      rk[2 * r + 1] = k1;
      k0 += kW0;
      k1 += kW1;
    }
  }
};

/** Philox of one counter (lo, hi, stream, draw): the four words to out[0..3]. */
inline void Philox(const Keys& k, uint64_t index, uint32_t draw, uint32_t out[4]) {
  uint32_t c0 = static_cast<uint32_t>(index), c1 = static_cast<uint32_t>(index >> 32), c2 = k.stream, c3 = draw;
  for (int r = 0; r < kRounds; r++) {
    const uint64_t p0 = static_cast<uint64_t>(kM0) * c0;
    const uint64_t p1 = static_cast<uint64_t>(kM1) * c2;
    c0 = static_cast<uint32_t>(p1 >> 32) ^ c1 ^ k.rk[2 * r];
    c1 = static_cast<uint32_t>(p1);
    c2 = static_cast<uint32_t>(p0 >> 32) ^ c3 ^ k.rk[2 * r + 1];
    c3 = static_cast<uint32_t>(p0);
  }
  out[0] = c0;
  out[1] = c1;
  out[2] = c2;
  out[3] = c3;
}

#ifdef __AVX512F__
/**
 * Philox of counters (j0 + i, stream, 0) for i < kBatch: word w of counter i to out[w][i]. Words
 * sit in 64-bit lanes, two registers of eight counters, so each round's 32×32→64-bit products are
 * one vpmuludq (GCC does not vectorize the scalar form). vpmuludq reads only a lane's low 32
 * bits, so the high halves left by the products and xors are never cleared: they are ignored.
 */
inline void PhiloxBatch(const Keys& k, uint64_t j0, uint32_t out[4][kBatch]) {
  static_assert(kBatch == 16, "two registers of eight counters");
  const __m512i m0 = _mm512_set1_epi64(kM0), m1 = _mm512_set1_epi64(kM1);
  const __m512i base = _mm512_set1_epi64(static_cast<long long>(j0));
  __m512i c0[2], c1[2], c2[2], c3[2];
  c0[0] = _mm512_add_epi64(base, _mm512_setr_epi64(0, 1, 2, 3, 4, 5, 6, 7));
  c0[1] = _mm512_add_epi64(base, _mm512_setr_epi64(8, 9, 10, 11, 12, 13, 14, 15));
  for (int h = 0; h < 2; h++) {
    c1[h] = _mm512_srli_epi64(c0[h], 32);
    c2[h] = _mm512_set1_epi64(k.stream);
    c3[h] = _mm512_setzero_si512();
  }
  for (int r = 0; r < kRounds; r++) {
    const __m512i k0 = _mm512_set1_epi64(k.rk[2 * r]), k1 = _mm512_set1_epi64(k.rk[2 * r + 1]);
    for (int h = 0; h < 2; h++) {
      const __m512i p0 = _mm512_mul_epu32(c0[h], m0);
      const __m512i p1 = _mm512_mul_epu32(c2[h], m1);
      c0[h] = _mm512_xor_si512(_mm512_xor_si512(_mm512_srli_epi64(p1, 32), c1[h]), k0);
      c1[h] = p1;
      c2[h] = _mm512_xor_si512(_mm512_xor_si512(_mm512_srli_epi64(p0, 32), c3[h]), k1);
      c3[h] = p0;
    }
  }
  for (int h = 0; h < 2; h++) {
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(&out[0][8 * h]), _mm512_cvtepi64_epi32(c0[h]));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(&out[1][8 * h]), _mm512_cvtepi64_epi32(c1[h]));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(&out[2][8 * h]), _mm512_cvtepi64_epi32(c2[h]));
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(&out[3][8 * h]), _mm512_cvtepi64_epi32(c3[h]));
  }
}
#else
/** Philox of counters (j0 + i, stream, 0) for i < kBatch: word w of counter i to out[w][i]. */
inline void PhiloxBatch(const Keys& k, uint64_t j0, uint32_t out[4][kBatch]) {
  uint32_t w[4];
  for (int i = 0; i < kBatch; i++) {
    Philox(k, j0 + static_cast<uint64_t>(i), 0, w);
    for (int v = 0; v < 4; v++) out[v][i] = w[v];
  }
}
#endif

/** NumPy's next_double from two words (double53 in counter.ts): exact, so no rounding to match. */
inline double Double53(uint32_t a, uint32_t b) {
  return static_cast<double>(static_cast<int64_t>((static_cast<uint64_t>(a >> 5) << 26) | (b >> 6))) * 0x1p-53;
}

/** NumPy's next_float from one word (float24 in counter.ts). */
inline double Float24(uint32_t a) { return static_cast<double>(a >> 8) * 0x1p-24; }

/**
 * dst[t] = the 53-bit uniform of element first + t, t < count: two elements per counter on draw 0
 * (uniforms53 in counter.ts).
 */
inline void Uniforms53(const Keys& k, uint64_t first, int64_t count, double* dst) {
  uint64_t j = first / 2;
  int skip = static_cast<int>(first % 2);
  int64_t t = 0;
  while (t < count) {
    uint32_t w[4][kBatch];
    double u[2 * kBatch];
    PhiloxBatch(k, j, w);
    for (int i = 0; i < kBatch; i++) {
      u[2 * i] = Double53(w[0][i], w[1][i]);
      u[2 * i + 1] = Double53(w[2][i], w[3][i]);
    }
    for (int e = skip; e < 2 * kBatch && t < count; e++) dst[t++] = u[e];
    skip = 0;
    j += kBatch;
  }
}

/** dst[t] = the first word of element first + t: four elements per counter (words32). */
inline void Words32(const Keys& k, uint64_t first, int64_t count, uint32_t* dst) {
  uint64_t j = first / 4;
  int skip = static_cast<int>(first % 4);
  int64_t t = 0;
  while (t < count) {
    uint32_t w[4][kBatch];
    PhiloxBatch(k, j, w);
    for (int e = skip; e < 4 * kBatch && t < count; e++) dst[t++] = w[e % 4][e / 4];
    skip = 0;
    j += kBatch;
  }
}

/**
 * The words of one element after its lane of draw 0: all four words of counter (index, stream,
 * draw) for draw 1, 2, … (ElementWords.resume / next in counter.ts), for rejection loops.
 */
class ElementWords {
 public:
  ElementWords(const Keys& k, uint64_t index) : k_(k), index_(index) {}

  uint32_t Next() {
    if (pos_ == 4) {
      Philox(k_, index_, ++draw_, block_);
      pos_ = 0;
    }
    return block_[pos_++];
  }

  double NextDouble() {
    const uint32_t a = Next();
    return Double53(a, Next());
  }

 private:
  const Keys& k_;
  uint64_t index_;
  uint32_t draw_ = 0;
  uint32_t block_[4] = {0, 0, 0, 0};
  int pos_ = 4;
};

}  // namespace random
}  // namespace numts
