// SPDX-License-Identifier: Apache-2.0
// Reduction accumulators, the C++ twins of src/kernels/ts/reduce/accumulators.ts and merge.ts:
// the same cascade summation order (16 lanes, 256-position chunks, halving lane tree, binary
// counter over chunks), the same NaN, ±0 and tie rules, and the same operation order, so both
// kernel tables produce bit-identical states. Values arrive as doubles (every numts dtype
// converts exactly). Compiled with -ffp-contract=off: an FMA would change the rounding.
#pragma once
#include <cmath>
#include <cstdint>
#include <vector>

namespace numts {

enum ReduceOp : int {
  kRSum, kRProd, kRMin, kRMax, kRArgmin, kRArgmax, kRAll, kRAny, kRNansum, kRNanprod, kRNanmin, kRNanmax,
  kRNanargmin, kRNanargmax, kRMoments, kRNanmoments
};

constexpr int kLanes = 16;
constexpr int64_t kChunk = 256;

// The associative step of a chunked float reduction: add, multiply, or float32 multiply.
enum ChunkKind { kAddD, kMulD, kMulF };

template <int K>
inline double Step(double a, double b) {
  if constexpr (K == kAddD) return a + b;
  else if constexpr (K == kMulD) return a * b;
  else return static_cast<double>(static_cast<float>(a * b));
}

// Binary counter of chunk values (pairwise over chunks), for W cells that share positions. The
// stack never exceeds 64 levels (2^64 chunks), so it lives in preallocated storage.
template <int K>
class CascadeRows {
 public:
  void Reset(int64_t w) {
    w_ = w;
    depth_ = 0;
    if (static_cast<int64_t>(stack_.size()) < kMaxDepth * w) stack_.resize(kMaxDepth * w);
  }
  // Pushes row v[0..w) (consumed).
  void Push(double* v) {
    int level = 0;
    while (depth_ > 0 && levels_[depth_ - 1] == level) {
      const double* top = stack_.data() + (depth_ - 1) * w_;
      if (w_ == 1) v[0] = Step<K>(top[0], v[0]);
      else for (int64_t j = 0; j < w_; j++) v[j] = Step<K>(top[j], v[j]);
      depth_--;
      level++;
    }
    levels_[depth_] = level;
    double* dst = stack_.data() + depth_ * w_;
    if (w_ == 1) dst[0] = v[0];
    else for (int64_t j = 0; j < w_; j++) dst[j] = v[j];
    depth_++;
  }
  // Folds the stack from the top (older ∘ newer) into r (identity when empty).
  void Result(double* r, double identity) const {
    if (depth_ == 0) {
      for (int64_t j = 0; j < w_; j++) r[j] = identity;
      return;
    }
    const double* top = stack_.data() + (depth_ - 1) * w_;
    for (int64_t j = 0; j < w_; j++) r[j] = top[j];
    for (int i = depth_ - 1; i-- > 0;) {
      const double* s = stack_.data() + i * w_;
      for (int64_t j = 0; j < w_; j++) r[j] = Step<K>(s[j], r[j]);
    }
  }

 private:
  static constexpr int kMaxDepth = 64;
  int64_t w_ = 1;
  int depth_ = 0;
  int levels_[kMaxDepth] = {};
  std::vector<double> stack_;
};

inline bool SignBit(double x) { return std::signbit(x); }

inline double MinValue(double a, double b) {
  if (std::isnan(a)) return a;
  if (std::isnan(b)) return b;
  if (a == b) return (a == 0 && SignBit(b)) ? b : a;
  return a < b ? a : b;
}
inline double MaxValue(double a, double b) {
  if (std::isnan(a)) return a;
  if (std::isnan(b)) return b;
  if (a == b) return (a == 0 && !SignBit(b)) ? b : a;
  return a > b ? a : b;
}
inline double NanMinValue(double a, double b) { return std::isnan(a) ? b : std::isnan(b) ? a : MinValue(a, b); }
inline double NanMaxValue(double a, double b) { return std::isnan(a) ? b : std::isnan(b) ? a : MaxValue(a, b); }

// Whether (v, i) beats (bv, bi) for argmin (sign 1) or argmax (-1); index -1 means none yet.
inline bool ArgBetter(double v, double i, double bv, double bi, int sign, bool skipNaN) {
  if (i < 0) return false;
  if (std::isnan(v)) {
    if (skipNaN) return false;
    return bi < 0 || !std::isnan(bv) || i < bi;
  }
  if (bi < 0) return true;
  if (std::isnan(bv)) return skipNaN;
  if (v == bv) return i < bi;
  return sign > 0 ? v < bv : v > bv;
}

struct MomentsValue {
  double n, mean, m2;
};

// Chan et al.: moments of A ∪ B (equal means merge with delta 0 so infinite means survive).
inline MomentsValue MergeMoments(MomentsValue a, MomentsValue b) {
  if (b.n == 0) return a;
  if (a.n == 0) return b;
  const double n = a.n + b.n;
  const double delta = a.mean == b.mean ? 0 : b.mean - a.mean;
  return {n, a.mean + delta * (b.n / n), a.m2 + b.m2 + delta * delta * ((a.n * b.n) / n)};
}

}  // namespace numts
