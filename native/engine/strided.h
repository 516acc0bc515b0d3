// SPDX-License-Identifier: Apache-2.0
// Small helpers for walking strided n-d views: an odometer over a subset of axes and a typed
// strided copy.
#pragma once
#include <cstdint>
#include <cstring>
#include <vector>

namespace numts {

// Iterates the multi-index over `axes` of `shape` in C order, keeping per-view element offsets.
class Odometer {
 public:
  Odometer(const std::vector<int64_t>& shape, const std::vector<int>& axes, const std::vector<std::vector<int64_t>>& strides,
           std::vector<int64_t> start)
      : shape_(shape), axes_(axes), strides_(strides), offs_(std::move(start)), idx_(axes.size(), 0) {
    for (int d : axes_) {
      if (shape_[d] == 0) done_ = true;
    }
  }
  bool done() const { return done_; }
  const std::vector<int64_t>& offsets() const { return offs_; }
  void Next() {
    for (int k = static_cast<int>(axes_.size()) - 1; k >= 0; k--) {
      const int d = axes_[k];
      for (size_t v = 0; v < offs_.size(); v++) offs_[v] += strides_[v][d];
      if (++idx_[k] < shape_[d]) return;
      for (size_t v = 0; v < offs_.size(); v++) offs_[v] -= strides_[v][d] * shape_[d];
      idx_[k] = 0;
    }
    done_ = true;
  }

 private:
  const std::vector<int64_t>& shape_;
  const std::vector<int>& axes_;
  const std::vector<std::vector<int64_t>>& strides_;
  std::vector<int64_t> offs_;
  std::vector<int64_t> idx_;
  bool done_ = false;
};

// Copies n elements of `size` bytes from src (element stride s) to contiguous dst.
inline void StridedCopy(char* dst, const char* src, int64_t s, int64_t n, int size) {
  if (s == 1) {
    std::memcpy(dst, src, static_cast<size_t>(n) * size);
    return;
  }
  switch (size) {
    case 1: for (int64_t i = 0; i < n; i++) dst[i] = src[i * s]; break;
    case 2: for (int64_t i = 0; i < n; i++) reinterpret_cast<uint16_t*>(dst)[i] = reinterpret_cast<const uint16_t*>(src)[i * s]; break;
    case 4: for (int64_t i = 0; i < n; i++) reinterpret_cast<uint32_t*>(dst)[i] = reinterpret_cast<const uint32_t*>(src)[i * s]; break;
    default: for (int64_t i = 0; i < n; i++) reinterpret_cast<uint64_t*>(dst)[i] = reinterpret_cast<const uint64_t*>(src)[i * s];
  }
}

}  // namespace numts
