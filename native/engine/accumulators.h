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
  // Writes cell j's state at element o + j*os of each state output.
  virtual void Write(const StateOut& out, int64_t o, int64_t os) = 0;
};

std::unique_ptr<Accumulator> MakeAccumulator(int op, int valueDt, int stateDt);

}  // namespace numts
