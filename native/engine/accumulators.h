// SPDX-License-Identifier: Apache-2.0
// Per-op reduction state over W output cells. FeedSeq consumes consecutive positions of one
// cell's sequence (W = 1); FeedRow consumes one position for W cells that share it (reducing over
// an outer axis of a row-major block). Both follow the definitions in accumulate.h.
#pragma once
#include <cmath>
#include <cstdint>
#include <memory>
#include <vector>

#include "accumulate.h"
#include "dtype.h"

namespace numts {

// Writes double `v` (exact for the dtype) as dtype `dt` at element i.
inline void Store(char* base, int dt, int64_t i, double v) {
  WithType(dt, [&](auto t) {
    using T = decltype(t);
    if constexpr (kIsFloat<T>) reinterpret_cast<T*>(base)[i] = static_cast<T>(v);
    else if constexpr (kIsBool<T>) reinterpret_cast<T*>(base)[i] = v != 0;
    else reinterpret_cast<T*>(base)[i] = Cast<T>(static_cast<int64_t>(v));
    return 0;
  });
}

struct StateOut {
  char* base[3];
  int dt[3];
};

class Accumulator {
 public:
  virtual ~Accumulator() = default;
  virtual void Reset(int64_t w) = 0;
  // x[0..n) at positions p0.., global indices i0 + k*istep (one cell).
  virtual void FeedSeq(const double* x, int64_t n, int64_t p0, double i0, double istep) = 0;
  // x[0..w) at position p with global index idx, one value per cell.
  virtual void FeedRow(const double* x, int64_t p, double idx) = 0;
  // float32 variants: converting inside the accumulation loop saves a pass over the tile
  // (float32 sums would otherwise be compute-bound). By default, convert then feed.
  virtual void FeedSeqF32(const float* x, int64_t n, int64_t p0, double i0, double istep) {
    ConvertF32(x, n);
    FeedSeq(f64_.data(), n, p0, i0, istep);
  }
  virtual void FeedRowF32(const float* x, int64_t w, int64_t p, double idx) {
    ConvertF32(x, w);
    FeedRow(f64_.data(), p, idx);
  }
  // Writes cell j's state at element o + j*os of each state output.
  virtual void Write(const StateOut& out, int64_t o, int64_t os) = 0;

 private:
  void ConvertF32(const float* x, int64_t n) {
    if (static_cast<int64_t>(f64_.size()) < n) f64_.resize(n);
    for (int64_t i = 0; i < n; i++) f64_[i] = x[i];
  }
  std::vector<double> f64_;
};

std::unique_ptr<Accumulator> MakeAccumulator(int op, int valueDt, int stateDt);

}  // namespace numts
