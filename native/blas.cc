// SPDX-License-Identifier: Apache-2.0
// BLAS kernels over the system OpenBLAS. Every call is single-threaded: numts parallelizes across
// worker threads, one BLAS thread each (set by setThreads(1) in every worker).
#include <cblas.h>

#include "addon.h"

extern "C" {
void openblas_set_num_threads(int);
char* openblas_get_corename(void);
char* openblas_get_config(void);
}

namespace numts {

// gemm(isFloat32, transA, transB, m, n, k, A, offA, lda, B, offB, ldb, C, offC, ldc, beta)
// Row-major C[m×n] = op(A)·op(B) + beta·C; offsets and leading dimensions in elements.
static Napi::Value Gemm(const Napi::CallbackInfo& info) {
  const bool f32 = info[0].As<Napi::Boolean>();
  const auto ta = info[1].As<Napi::Boolean>().Value() ? CblasTrans : CblasNoTrans;
  const auto tb = info[2].As<Napi::Boolean>().Value() ? CblasTrans : CblasNoTrans;
  const int m = IntOf(info[3]), n = IntOf(info[4]), k = IntOf(info[5]);
  const int64_t offA = IntOf(info[7]), offB = IntOf(info[10]), offC = IntOf(info[13]);
  const int lda = IntOf(info[8]), ldb = IntOf(info[11]), ldc = IntOf(info[14]);
  const double beta = DoubleOf(info[15]);
  if (f32) {
    auto* A = static_cast<float*>(DataOf(info[6])) + offA;
    auto* B = static_cast<float*>(DataOf(info[9])) + offB;
    auto* C = static_cast<float*>(DataOf(info[12])) + offC;
    cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1.0f, A, lda, B, ldb, static_cast<float>(beta), C, ldc);
  } else {
    auto* A = static_cast<double*>(DataOf(info[6])) + offA;
    auto* B = static_cast<double*>(DataOf(info[9])) + offB;
    auto* C = static_cast<double*>(DataOf(info[12])) + offC;
    cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, A, lda, B, ldb, beta, C, ldc);
  }
  return info.Env().Undefined();
}

static Napi::Value SetThreads(const Napi::CallbackInfo& info) {
  openblas_set_num_threads(static_cast<int>(IntOf(info[0])));
  return info.Env().Undefined();
}

static Napi::Value Config(const Napi::CallbackInfo& info) {
  Napi::Object o = Napi::Object::New(info.Env());
  o.Set("corename", openblas_get_corename());
  o.Set("config", openblas_get_config());
  return o;
}

void RegisterBlas(Napi::Env env, Napi::Object exports) {
  exports.Set("gemm", Napi::Function::New(env, Gemm));
  exports.Set("setThreads", Napi::Function::New(env, SetThreads));
  exports.Set("blasConfig", Napi::Function::New(env, Config));
}

}  // namespace numts
