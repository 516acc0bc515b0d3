// SPDX-License-Identifier: Apache-2.0
#include "accumulators.h"

#include <algorithm>
#include <limits>

namespace numts {
namespace {

constexpr int64_t kLast = kChunk - 1;

template <int K>
class Chunked final : public Accumulator {
 public:
  Chunked(double identity, bool skipNaN) : id_(identity), skip_(skipNaN) {}

  void Reset(int64_t w) override {
    w_ = w;
    lanes_.assign(kLanes * w, id_);
    res_.resize(w);
    cascade_.Reset(w);
    open_ = false;
  }

  void FeedSeq(const double* x, int64_t n, int64_t p0, double, double) override { Seq(x, n, p0); }
  void FeedSeqF32(const float* x, int64_t n, int64_t p0, double, double) override { Seq(x, n, p0); }
  void FeedRow(const double* x, int64_t p, double) override { Row(x, p); }
  void FeedRowF32(const float* x, int64_t, int64_t p, double) override { Row(x, p); }

  void Write(const StateOut& out, int64_t o, int64_t os) override {
    if (open_) Close();
    cascade_.Result(res_.data(), id_);
    for (int64_t j = 0; j < w_; j++) Store(out.base[0], out.dt[0], o + j * os, res_[j]);
  }

 private:
  // Values of type V (double or float) are widened to double as they are accumulated.
  template <class V>
  void Seq(const V* x, int64_t n, int64_t p0) {
    double* lanes = lanes_.data();
    int64_t k = 0;
    while (k < n) {
      const int64_t p = p0 + k;
      if ((p & kLast) == 0 && n - k >= kChunk) {
        // A whole chunk: lanes start at the identity; 16 lanes = two zmm registers.
        const V* c = x + k;
        double l[kLanes];
        for (int j = 0; j < kLanes; j++) l[j] = id_;
        if (skip_) {
          for (int64_t i = 0; i < kChunk; i += kLanes)
            for (int j = 0; j < kLanes; j++) {
              const double v = c[i + j];
              l[j] = Step<K>(l[j], std::isnan(v) ? id_ : v);
            }
        } else {
          for (int64_t i = 0; i < kChunk; i += kLanes)
            for (int j = 0; j < kLanes; j++) l[j] = Step<K>(l[j], static_cast<double>(c[i + j]));
        }
        for (int j = 0; j < kLanes; j++) lanes[j] = l[j];
        Close();
        k += kChunk;
        continue;
      }
      const double xv = x[k];
      const double v = (skip_ && std::isnan(xv)) ? id_ : xv;
      double& l = lanes[p & (kLanes - 1)];
      l = Step<K>(l, v);
      open_ = true;
      if ((p & kLast) == kLast) Close();
      k++;
    }
  }

  template <class V>
  void Row(const V* x, int64_t p) {
    double* row = lanes_.data() + (p & (kLanes - 1)) * w_;
    if (skip_) {
      for (int64_t j = 0; j < w_; j++) {
        const double v = x[j];
        row[j] = Step<K>(row[j], std::isnan(v) ? id_ : v);
      }
    } else {
      for (int64_t j = 0; j < w_; j++) row[j] = Step<K>(row[j], static_cast<double>(x[j]));
    }
    open_ = true;
    if ((p & kLast) == kLast) Close();
  }

  void Close() {
    double* lanes = lanes_.data();
    if (w_ == 1) {
      // One cell: the halving tree on 16 scalars.
      for (int h = kLanes / 2; h >= 1; h /= 2)
        for (int k = 0; k < h; k++) lanes[k] = Step<K>(lanes[k], lanes[k + h]);
      double v = lanes[0];
      cascade_.Push(&v);
      for (int k = 0; k < kLanes; k++) lanes[k] = id_;
      open_ = false;
      return;
    }
    for (int h = kLanes / 2; h >= 1; h /= 2) {
      for (int k = 0; k < h; k++) {
        double* a = lanes + k * w_;
        const double* b = lanes + (k + h) * w_;
        for (int64_t j = 0; j < w_; j++) a[j] = Step<K>(a[j], b[j]);
      }
    }
    cascade_.Push(lanes);
    std::fill(lanes_.begin(), lanes_.end(), id_);
    open_ = false;
  }

  const double id_;
  const bool skip_;
  int64_t w_ = 1;
  bool open_ = false;
  std::vector<double> lanes_, res_;
  CascadeRows<K> cascade_;
};

// Integer sums and products wrap, which is associative: accumulate in 64 bits, wrap when stored.
class Modular final : public Accumulator {
 public:
  explicit Modular(bool product) : prod_(product) {}
  void Reset(int64_t w) override { s_.assign(w, prod_ ? 1 : 0); }
  void FeedSeq(const double* x, int64_t n, int64_t, double, double) override {
    uint64_t s = s_[0];
    if (prod_) {
      for (int64_t k = 0; k < n; k++) s *= static_cast<uint64_t>(static_cast<int64_t>(x[k]));
    } else {
      for (int64_t k = 0; k < n; k++) s += static_cast<uint64_t>(static_cast<int64_t>(x[k]));
    }
    s_[0] = s;
  }
  void FeedRow(const double* x, int64_t, double) override {
    const int64_t w = static_cast<int64_t>(s_.size());
    if (prod_) {
      for (int64_t j = 0; j < w; j++) s_[j] *= static_cast<uint64_t>(static_cast<int64_t>(x[j]));
    } else {
      for (int64_t j = 0; j < w; j++) s_[j] += static_cast<uint64_t>(static_cast<int64_t>(x[j]));
    }
  }
  void Write(const StateOut& out, int64_t o, int64_t os) override {
    for (size_t j = 0; j < s_.size(); j++) {
      const int64_t v = static_cast<int64_t>(s_[j]);
      WithType(out.dt[0], [&](auto t) {
        using T = decltype(t);
        reinterpret_cast<T*>(out.base[0])[o + static_cast<int64_t>(j) * os] = Cast<T>(v);
        return 0;
      });
    }
  }

 private:
  const bool prod_;
  std::vector<uint64_t> s_;
};

enum ExtremeKind { kMinF, kMaxF, kNanMinF, kNanMaxF, kMinI, kMaxI };

template <int E>
inline double Merge(double a, double b) {
  if constexpr (E == kMinF) return MinValue(a, b);
  else if constexpr (E == kMaxF) return MaxValue(a, b);
  else if constexpr (E == kNanMinF) return NanMinValue(a, b);
  else if constexpr (E == kNanMaxF) return NanMaxValue(a, b);
  else if constexpr (E == kMinI) return a < b ? a : b;
  else return a > b ? a : b;
}

template <int E>
class Extreme final : public Accumulator {
 public:
  explicit Extreme(double identity) : id_(identity) {}
  void Reset(int64_t w) override { best_.assign(w, id_); }
  void FeedSeq(const double* x, int64_t n, int64_t, double, double) override {
    double b = best_[0];
    for (int64_t k = 0; k < n; k++) b = Merge<E>(b, x[k]);
    best_[0] = b;
  }
  void FeedRow(const double* x, int64_t, double) override {
    double* b = best_.data();
    const int64_t w = static_cast<int64_t>(best_.size());
    for (int64_t j = 0; j < w; j++) b[j] = Merge<E>(b[j], x[j]);
  }
  void Write(const StateOut& out, int64_t o, int64_t os) override {
    for (size_t j = 0; j < best_.size(); j++) Store(out.base[0], out.dt[0], o + static_cast<int64_t>(j) * os, best_[j]);
  }

 private:
  const double id_;
  std::vector<double> best_;
};

class Arg final : public Accumulator {
 public:
  Arg(int sign, bool skipNaN, double empty) : sign_(sign), skip_(skipNaN), empty_(empty) {}
  void Reset(int64_t w) override {
    value_.assign(w, empty_);
    index_.assign(w, -1);
  }
  void FeedSeq(const double* x, int64_t n, int64_t, double i0, double istep) override {
    double bv = value_[0], bi = index_[0];
    for (int64_t k = 0; k < n; k++) {
      const double i = i0 + static_cast<double>(k) * istep;
      if (ArgBetter(x[k], i, bv, bi, sign_, skip_)) {
        bv = x[k];
        bi = i;
      }
    }
    value_[0] = bv;
    index_[0] = bi;
  }
  void FeedRow(const double* x, int64_t, double idx) override {
    for (size_t j = 0; j < value_.size(); j++) {
      if (ArgBetter(x[j], idx, value_[j], index_[j], sign_, skip_)) {
        value_[j] = x[j];
        index_[j] = idx;
      }
    }
  }
  void Write(const StateOut& out, int64_t o, int64_t os) override {
    for (size_t j = 0; j < value_.size(); j++) {
      const int64_t e = o + static_cast<int64_t>(j) * os;
      Store(out.base[0], out.dt[0], e, index_[j] < 0 ? empty_ : value_[j]);
      Store(out.base[1], out.dt[1], e, index_[j]);
    }
  }

 private:
  const int sign_;
  const bool skip_;
  const double empty_;
  std::vector<double> value_, index_;
};

class Truth final : public Accumulator {
 public:
  explicit Truth(bool all) : all_(all) {}
  void Reset(int64_t w) override { flag_.assign(w, all_); }
  void FeedSeq(const double* x, int64_t n, int64_t, double, double) override {
    for (int64_t k = 0; k < n && flag_[0] == all_; k++) {
      if ((x[k] != 0) != all_) flag_[0] = !all_;
    }
  }
  void FeedRow(const double* x, int64_t, double) override {
    for (size_t j = 0; j < flag_.size(); j++) {
      if ((x[j] != 0) != all_) flag_[j] = !all_;
    }
  }
  void Write(const StateOut& out, int64_t o, int64_t os) override {
    for (size_t j = 0; j < flag_.size(); j++) Store(out.base[0], out.dt[0], o + static_cast<int64_t>(j) * os, flag_[j]);
  }

 private:
  const bool all_;
  std::vector<char> flag_;
};

// Count, mean, M2 per chunk by shifted sums (shift = the chunk's first value if finite, else 0),
// chunks merged pairwise with Chan's update.
class MomentsAcc final : public Accumulator {
 public:
  explicit MomentsAcc(bool skipNaN) : skip_(skipNaN) {}
  void Reset(int64_t w) override {
    w_ = w;
    s1_.assign(kLanes * w, 0);
    s2_.assign(kLanes * w, 0);
    shift_.assign(w, 0);
    count_.assign(w, 0);
    levels_.clear();
    stack_.clear();
    open_ = false;
  }
  void FeedSeq(const double* x, int64_t n, int64_t p0, double, double) override {
    for (int64_t k = 0; k < n; k++) Feed(x + k, p0 + k, 1);
  }
  void FeedRow(const double* x, int64_t p, double) override { Feed(x, p, w_); }
  void Write(const StateOut& out, int64_t o, int64_t os) override {
    if (open_) Close();
    for (int64_t j = 0; j < w_; j++) {
      MomentsValue r{0, 0, 0};
      const size_t n = levels_.size();
      if (n > 0) {
        r = stack_[(n - 1) * w_ + j];
        for (size_t i = n - 1; i-- > 0;) r = MergeMoments(stack_[i * w_ + j], r);
      }
      const int64_t e = o + j * os;
      Store(out.base[0], out.dt[0], e, r.n);
      Store(out.base[1], out.dt[1], e, r.mean);
      Store(out.base[2], out.dt[2], e, r.m2);
    }
  }

 private:
  void Feed(const double* x, int64_t p, int64_t w) {
    const int64_t l = (p & (kLanes - 1)) * w_;
    if ((p & kLast) == 0) {
      for (int64_t j = 0; j < w; j++) shift_[j] = std::isfinite(x[j]) ? x[j] : 0;
    }
    open_ = true;
    for (int64_t j = 0; j < w; j++) {
      if (skip_ && std::isnan(x[j])) continue;
      const double d = x[j] - shift_[j];
      s1_[l + j] += d;
      s2_[l + j] += d * d;
      count_[j] += 1;
    }
    if ((p & kLast) == kLast) Close();
  }
  void Close() {
    for (int h = kLanes / 2; h >= 1; h /= 2) {
      for (int k = 0; k < h; k++) {
        for (int64_t j = 0; j < w_; j++) {
          s1_[k * w_ + j] += s1_[(k + h) * w_ + j];
          s2_[k * w_ + j] += s2_[(k + h) * w_ + j];
        }
      }
    }
    row_.resize(w_);
    for (int64_t j = 0; j < w_; j++) {
      const double c = count_[j];
      if (c == 0) {
        row_[j] = {0, 0, 0};
      } else {
        const double s1 = s1_[j], s2 = s2_[j];
        double m2 = s2 - s1 * (s1 / c);
        if (m2 < 0) m2 = 0;
        row_[j] = {c, shift_[j] + s1 / c, m2};
      }
    }
    int level = 0;
    while (!levels_.empty() && levels_.back() == level) {
      const MomentsValue* top = stack_.data() + (levels_.size() - 1) * w_;
      for (int64_t j = 0; j < w_; j++) row_[j] = MergeMoments(top[j], row_[j]);
      levels_.pop_back();
      stack_.resize(levels_.size() * w_);
      level++;
    }
    levels_.push_back(level);
    stack_.insert(stack_.end(), row_.begin(), row_.end());
    std::fill(s1_.begin(), s1_.end(), 0);
    std::fill(s2_.begin(), s2_.end(), 0);
    std::fill(count_.begin(), count_.end(), 0);
    open_ = false;
  }

  const bool skip_;
  int64_t w_ = 1;
  bool open_ = false;
  std::vector<double> s1_, s2_, shift_, count_;
  std::vector<int> levels_;
  std::vector<MomentsValue> stack_, row_;
};

void Range(int dt, double* lo, double* hi) {
  switch (dt) {
    case kBool: *lo = 0; *hi = 1; return;
    case kI8: *lo = -128; *hi = 127; return;
    case kU8: *lo = 0; *hi = 255; return;
    case kI16: *lo = -32768; *hi = 32767; return;
    case kU16: *lo = 0; *hi = 65535; return;
    case kI32: *lo = -2147483648.0; *hi = 2147483647.0; return;
    case kU32: *lo = 0; *hi = 4294967295.0; return;
    default: *lo = -INFINITY; *hi = INFINITY;
  }
}

}  // namespace

std::unique_ptr<Accumulator> MakeAccumulator(int op, int valueDt, int stateDt) {
  double lo, hi;
  Range(valueDt, &lo, &hi);
  const bool f = valueDt == kF32 || valueDt == kF64;
  const bool fs = stateDt == kF32 || stateDt == kF64;
  switch (op) {
    case kRSum:
    case kRNansum:
      if (!fs) return std::make_unique<Modular>(false);
      return std::make_unique<Chunked<kAddD>>(0.0, op == kRNansum);
    case kRProd:
    case kRNanprod:
      if (!fs) return std::make_unique<Modular>(true);
      if (stateDt == kF32) return std::make_unique<Chunked<kMulF>>(1.0, op == kRNanprod);
      return std::make_unique<Chunked<kMulD>>(1.0, op == kRNanprod);
    case kRMin: return f ? std::unique_ptr<Accumulator>(new Extreme<kMinF>(hi)) : std::make_unique<Extreme<kMinI>>(hi);
    case kRMax: return f ? std::unique_ptr<Accumulator>(new Extreme<kMaxF>(lo)) : std::make_unique<Extreme<kMaxI>>(lo);
    case kRNanmin: return f ? std::unique_ptr<Accumulator>(new Extreme<kNanMinF>(NAN)) : std::make_unique<Extreme<kMinI>>(hi);
    case kRNanmax: return f ? std::unique_ptr<Accumulator>(new Extreme<kNanMaxF>(NAN)) : std::make_unique<Extreme<kMaxI>>(lo);
    case kRArgmin: return std::make_unique<Arg>(1, false, hi);
    case kRArgmax: return std::make_unique<Arg>(-1, false, lo);
    case kRNanargmin: return std::make_unique<Arg>(1, true, f ? NAN : hi);
    case kRNanargmax: return std::make_unique<Arg>(-1, true, f ? NAN : lo);
    case kRAll: return std::make_unique<Truth>(true);
    case kRAny: return std::make_unique<Truth>(false);
    case kRMoments:
    case kRNanmoments: return std::make_unique<MomentsAcc>(op == kRNanmoments);
    default: return nullptr;
  }
}

}  // namespace numts
