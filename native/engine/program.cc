// SPDX-License-Identifier: Apache-2.0
#include "program.h"

#include <cstring>

#include "dtype.h"

namespace numts {

std::string Program::Decode(const int32_t* p, size_t len, const double* consts, size_t nconsts) {
  size_t i = 0;
  auto next = [&](int32_t* v) {
    if (i >= len) return false;
    *v = p[i++];
    return true;
  };
  int32_t nregs, nc, ncode, nres;
  if (!next(&nregs) || nregs < 0) return "bad program: register count";
  dt.resize(nregs);
  for (int r = 0; r < nregs; r++) {
    if (!next(&dt[r]) || dt[r] < 0 || dt[r] >= kNumDt) return "bad program: register dtype";
  }
  if (!next(&nin) || nin > nregs) return "bad program: input count";
  if (!next(&nc) || static_cast<size_t>(nc) != nconsts) return "bad program: const count";
  constReg.resize(nc);
  constVal.assign(consts, consts + nc);
  for (int k = 0; k < nc; k++) {
    if (!next(&constReg[k]) || constReg[k] < 0 || constReg[k] >= nregs) return "bad program: const register";
  }
  if (!next(&ncode)) return "bad program: code length";
  code.resize(ncode);
  for (int k = 0; k < ncode; k++) {
    int32_t op, dst, nargs;
    Instr& ins = code[k];
    if (!next(&op) || !next(&dst) || !next(&nargs) || nargs < 1 || nargs > 3) return "bad program: instruction";
    if (dst < nin || dst >= nregs) return "bad program: instruction destination";
    int in[3] = {0, 0, 0};
    for (int a = 0; a < 3; a++) {
      int32_t v;
      if (!next(&v)) return "bad program: instruction";
      if (a < nargs) {
        if (v < 0 || v >= nregs) return "bad program: instruction argument";
        ins.args[a] = v;
        in[a] = dt[v];
      }
    }
    ins.dst = dst;
    ins.nargs = nargs;
    ins.fn = FindLoop(op, in, nargs, dt[dst]);
    if (ins.fn == nullptr) return "no native loop for instruction " + std::to_string(k);
  }
  if (!next(&nres)) return "bad program: result count";
  results.resize(nres);
  for (int k = 0; k < nres; k++) {
    if (!next(&results[k]) || results[k] < 0 || results[k] >= nregs) return "bad program: result register";
  }
  return "";
}

Evaluator::Evaluator(const Program& p)
    : p_(p), buf_(p.dt.size()), ptr_(p.dt.size()), scalar_(p.dt.size(), 0), direct_(p.results.size(), 0) {
  const size_t bytes = static_cast<size_t>(kTile) * 8;
  storage_.reset(new char[bytes * p.dt.size() + 64]);
  char* base = reinterpret_cast<char*>((reinterpret_cast<uintptr_t>(storage_.get()) + 63) & ~uintptr_t(63));
  for (size_t r = 0; r < p.dt.size(); r++) buf_[r] = base + r * bytes;
  for (size_t k = 0; k < p.constReg.size(); k++) {
    const int r = p.constReg[k];
    const double v = p.constVal[k];
    WithType(p.dt[r], [&](auto t) {
      using T = decltype(t);
      *reinterpret_cast<T*>(buf_[r]) = Cast<T>(v);
      return 0;
    });
  }
  // A result register computed by an instruction (not an input or const) can live in the output.
  std::vector<char> written(p.dt.size(), 0), used(p.dt.size(), 0);
  for (const Instr& ins : p.code) written[ins.dst] = 1;
  for (int r : p.constReg) written[r] = 0;
  for (size_t j = 0; j < p.results.size(); j++) {
    const int r = p.results[j];
    if (written[r] && !used[r]) {
      direct_[j] = 1;
      used[r] = 1;
    }
  }
}

void Evaluator::Eval(const char* const* in, const int64_t* stride, int64_t n, char* const* override) {
  const Program& p = p_;
  for (int v = 0; v < p.nin; v++) {
    const int64_t s = stride[v];
    if (s == 1 || s == 0 || n == 1) {
      ptr_[v] = in[v];
      scalar_[v] = s == 0 || n == 1;
      continue;
    }
    // Strided input: gather into the register's buffer.
    char* b = buf_[v];
    switch (ItemSize(p.dt[v])) {
      case 1: for (int64_t i = 0; i < n; i++) b[i] = in[v][i * s]; break;
      case 2: {
        auto* d = reinterpret_cast<uint16_t*>(b);
        auto* x = reinterpret_cast<const uint16_t*>(in[v]);
        for (int64_t i = 0; i < n; i++) d[i] = x[i * s];
        break;
      }
      case 4: {
        auto* d = reinterpret_cast<uint32_t*>(b);
        auto* x = reinterpret_cast<const uint32_t*>(in[v]);
        for (int64_t i = 0; i < n; i++) d[i] = x[i * s];
        break;
      }
      default: {
        auto* d = reinterpret_cast<uint64_t*>(b);
        auto* x = reinterpret_cast<const uint64_t*>(in[v]);
        for (int64_t i = 0; i < n; i++) d[i] = x[i * s];
      }
    }
    ptr_[v] = b;
    scalar_[v] = 0;
  }
  for (size_t k = 0; k < p.constReg.size(); k++) {
    ptr_[p.constReg[k]] = buf_[p.constReg[k]];
    scalar_[p.constReg[k]] = 1;
  }
  for (const Instr& ins : p.code) {
    const char* args[3];
    bool sc[3] = {true, true, true};
    bool all = true;
    for (int a = 0; a < ins.nargs; a++) {
      args[a] = ptr_[ins.args[a]];
      sc[a] = scalar_[ins.args[a]];
      all = all && sc[a];
    }
    char* dst = override != nullptr && override[ins.dst] != nullptr ? override[ins.dst] : buf_[ins.dst];
    // Arguments that are all scalars make a scalar: computed once for the whole tile.
    ins.fn(args, sc, dst, all ? 1 : n);
    ptr_[ins.dst] = dst;
    scalar_[ins.dst] = all;
  }
}

void Evaluator::Run(const char* const* in, const int64_t* stride, int64_t n, char* const* out) {
  char* override[64];
  const bool useOverride = p_.dt.size() <= 64;
  if (useOverride) {
    for (size_t r = 0; r < p_.dt.size(); r++) override[r] = nullptr;
    for (size_t j = 0; j < p_.results.size(); j++) {
      if (direct_[j]) override[p_.results[j]] = out[j];
    }
  }
  Eval(in, stride, n, useOverride ? override : nullptr);
  for (size_t j = 0; j < p_.results.size(); j++) {
    const int r = p_.results[j];
    const int size = ItemSize(p_.dt[r]);
    const char* src = ptr_[r];
    if (src == out[j] && !scalar_[r]) continue;
    if (scalar_[r]) {
      for (int64_t i = 0; i < n; i++) std::memcpy(out[j] + i * size, src, size);
    } else {
      std::memmove(out[j], src, static_cast<size_t>(n) * size);
    }
  }
}

const char* Evaluator::RunToBuffer(const char* const* in, const int64_t* stride, int64_t n, bool* scalar) {
  Eval(in, stride, n, nullptr);
  const int r = p_.results[0];
  *scalar = scalar_[r];
  return ptr_[r];
}

}  // namespace numts
