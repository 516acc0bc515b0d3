// SPDX-License-Identifier: Apache-2.0
// A decoded fused program (src/kernels/program.ts, encoded by src/kernels/native/encode.ts) and
// the tile interpreter that evaluates it: registers are tile buffers (or scalars), each
// instruction is one call of a per-(op, dtype) loop over the tile.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "loops.h"

namespace numts {

// Elements per tile: 8 KiB per float64 register keeps a handful of registers in L1.
constexpr int64_t kTile = 1024;

struct Instr {
  LoopFn fn;
  int dst;
  int nargs;
  int args[3];
};

struct Program {
  std::vector<int> dt;  // register dtypes
  int nin = 0;
  std::vector<int> constReg;
  std::vector<double> constVal;
  std::vector<Instr> code;
  std::vector<int> results;

  // Decodes the Int32Array encoding; returns an error message or "".
  std::string Decode(const int32_t* p, size_t len, const double* consts, size_t nconsts);
};

class Evaluator {
 public:
  explicit Evaluator(const Program& p);

  // Evaluates n <= kTile elements. Input v is read at in[v] + i*stride[v] (element strides).
  // Result j is written contiguously at out[j] (n elements).
  void Run(const char* const* in, const int64_t* stride, int64_t n, char* const* out);

  // Evaluates n <= kTile elements of result 0 into the evaluator's own buffer and returns it
  // (as the result register's dtype). `*scalar` tells whether it holds one value for all n.
  const char* RunToBuffer(const char* const* in, const int64_t* stride, int64_t n, bool* scalar);

 private:
  void Eval(const char* const* in, const int64_t* stride, int64_t n, char* const* override);

  const Program& p_;
  std::unique_ptr<char[]> storage_;
  std::vector<char*> buf_;
  std::vector<const char*> ptr_;
  std::vector<char> scalar_;
  // Per result: whether its register may be computed straight into the output.
  std::vector<char> direct_;
};

}  // namespace numts
