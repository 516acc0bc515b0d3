// SPDX-License-Identifier: Apache-2.0
// The sorting core: stable sorts of order-preserving keys (keys.h), optionally carrying a 32-bit
// payload (an element's index). Large inputs are first distributed into value-linear bins (one
// counting and one scattering pass, as in Flashsort, Neubert 1998) so that each bin is sorted while
// it sits in cache; bins are sorted by LSD radix over the bits that vary inside them. Every step
// is stable, so equal keys keep their input order (NumPy's kind="stable").
#pragma once
#include <sys/mman.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <vector>

#include "keys.h"

namespace numts::sort {

// Bins at most this large are sorted directly (their keys and scratch stay in L2).
constexpr size_t kCacheElements = 1 << 15;
// Target bin size of the linear distribution.
constexpr size_t kBinElements = 1 << 13;
constexpr size_t kMaxBins = 1 << 12;

// Scratch memory. Large buffers come from mmap (freed at once, so a big sort leaves no big heap
// behind; huge pages where allowed, so first touch costs few faults); small ones from malloc.
template <typename T>
class Scratch {
 public:
  explicit Scratch(size_t n) : bytes_(std::max<size_t>(n, 1) * sizeof(T)), mapped_(bytes_ >= kMapBytes) {
    void* p = mapped_ ? mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) : std::malloc(bytes_);
    if (p == MAP_FAILED || p == nullptr) throw std::bad_alloc();
    if (mapped_) madvise(p, bytes_, MADV_HUGEPAGE);
    data_ = static_cast<T*>(p);
  }
  ~Scratch() {
    if (mapped_) munmap(data_, bytes_);
    else std::free(data_);
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  T* get() const { return data_; }

 private:
  static constexpr size_t kMapBytes = size_t{4} << 20;
  size_t bytes_;
  bool mapped_;
  T* data_;
};

// LSD radix sort of k[0, n) on bits [low, bits) of (key - lo); result in k.
template <typename Key>
void RadixSort(Key* k, uint32_t* p, size_t n, Key* tk, uint32_t* tp, Key lo, int bits, int low = 0) {
  const int digit = n >= 4096 ? 11 : 8;
  const size_t nb = size_t{1} << digit;
  const Key mask = static_cast<Key>(nb - 1);
  const int passes = (bits - low + digit - 1) / digit;
  std::vector<uint32_t> count(passes * nb, 0);
  for (size_t i = 0; i < n; i++) {
    const Key v = static_cast<Key>(k[i] - lo);
    for (int d = 0; d < passes; d++) count[d * nb + ((v >> (low + d * digit)) & mask)]++;
  }
  Key* src = k;
  Key* dst = tk;
  uint32_t* ps = p;
  uint32_t* pd = tp;
  for (int d = 0; d < passes; d++) {
    uint32_t* c = count.data() + d * nb;
    uint32_t sum = 0;
    for (size_t b = 0; b < nb; b++) {
      const uint32_t x = c[b];
      c[b] = sum;
      sum += x;
    }
    const int shift = low + d * digit;
    if (p) {
      for (size_t i = 0; i < n; i++) {
        const uint32_t at = c[(static_cast<Key>(src[i] - lo) >> shift) & mask]++;
        dst[at] = src[i];
        pd[at] = ps[i];
      }
      std::swap(ps, pd);
    } else {
      for (size_t i = 0; i < n; i++) dst[c[(static_cast<Key>(src[i] - lo) >> shift) & mask]++] = src[i];
    }
    std::swap(src, dst);
  }
  if (src != k) {
    std::memcpy(k, src, n * sizeof(Key));
    if (p) std::memcpy(p, ps, n * sizeof(uint32_t));
  }
}

// Stable insertion sort that gives up (returning false, with k a permutation of its input) after
// about `budget` element moves: the finish for nearly sorted input.
template <typename Key>
bool BoundedInsertion(Key* k, uint32_t* p, size_t n, size_t budget) {
  for (size_t i = 1; i < n; i++) {
    const Key key = k[i];
    if (!(k[i - 1] > key)) continue;
    const uint32_t pay = p ? p[i] : 0;
    size_t j = i;
    for (; j > 0 && k[j - 1] > key; j--) {
      k[j] = k[j - 1];
      if (p) p[j] = p[j - 1];
    }
    k[j] = key;
    if (p) p[j] = pay;
    if ((budget -= std::min(budget, i - j)) == 0) return false;
  }
  return true;
}

// Plain stable insertion sort: the bounded one with a budget it cannot exhaust.
template <typename Key>
void InsertionSort(Key* k, uint32_t* p, size_t n) {
  BoundedInsertion(k, p, n, SIZE_MAX);
}

// Stable counting distribution of k[0, n) into `bins` bins by binOf(key) (non-decreasing in the
// key), through the scratch tk/tp; each bin is then sorted (recursively) and copied back.
template <typename Key>
void SortKeys(Key* k, uint32_t* p, size_t n, Key* tk, uint32_t* tp);

template <typename Key, typename BinOf>
void Distribute(Key* k, uint32_t* p, size_t n, Key* tk, uint32_t* tp, size_t bins, BinOf binOf) {
  std::vector<size_t> start(bins + 1, 0);
  for (size_t i = 0; i < n; i++) start[binOf(k[i]) + 1]++;
  for (size_t b = 0; b < bins; b++) start[b + 1] += start[b];
  std::vector<size_t> at(start.begin(), start.end() - 1);
  for (size_t i = 0; i < n; i++) {
    const size_t j = at[binOf(k[i])]++;
    tk[j] = k[i];
    if (p) tp[j] = p[i];
  }
  for (size_t b = 0; b < bins; b++) {
    const size_t off = start[b], m = start[b + 1] - start[b];
    if (m == 0) continue;
    // The bin now lives in the scratch; k's region of the same range is free to serve as its scratch.
    SortKeys(tk + off, p ? tp + off : nullptr, m, k + off, p ? p + off : nullptr);
    std::memcpy(k + off, tk + off, m * sizeof(Key));
    if (p) std::memcpy(p + off, tp + off, m * sizeof(uint32_t));
  }
}

// Stable sort of keys k[0, n) (payload p alongside, may be null) with scratch tk/tp of n elements.
template <typename Key>
void SortKeys(Key* k, uint32_t* p, size_t n, Key* tk, uint32_t* tp) {
  if (n <= 32) {
    InsertionSort(k, p, n);
    return;
  }
  Key lo = k[0], hi = k[0];
  for (size_t i = 1; i < n; i++) {
    lo = std::min(lo, k[i]);
    hi = std::max(hi, k[i]);
  }
  if (lo == hi) return;
  const Key range = static_cast<Key>(hi - lo);
  int bits = 0;
  while (bits < static_cast<int>(sizeof(Key) * 8) && (range >> bits) != 0) bits++;
  if (n <= kCacheElements) {
    // Radix on the top 22 varying bits only (two passes), then an insertion sort puts keys that
    // agree on them in order; input too clustered for that gets radix on every bit.
    constexpr int kTopBits = 22;
    if (bits > kTopBits + 8) {
      const Key base = static_cast<Key>(lo & ~((Key{1} << (bits - kTopBits)) - 1));
      const Key span = static_cast<Key>(hi - base);
      int top = 0;
      while (top < static_cast<int>(sizeof(Key) * 8) && (span >> top) != 0) top++;
      RadixSort(k, p, n, tk, tp, base, top, bits - kTopBits);
      if (BoundedInsertion(k, p, n, 4 * n)) return;
    }
    RadixSort(k, p, n, tk, tp, lo, bits);
    return;
  }
  // Too big for cache: distribute on the top bits of (key - lo), then sort each bin.
  const size_t bins = std::clamp<size_t>(n / kBinElements, 2, kMaxBins);
  int binBits = 0;
  while ((size_t{1} << (binBits + 1)) <= bins) binBits++;
  const int shift = std::max(0, bits - binBits);
  Distribute(k, p, n, tk, tp, size_t{1} << binBits, [lo, shift](Key key) { return static_cast<size_t>(static_cast<Key>(key - lo) >> shift); });
}

}  // namespace numts::sort
