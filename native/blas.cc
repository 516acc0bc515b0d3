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
// A matrix-vector product (n = 1 or m = 1) goes to gemv, as OpenBLAS 0.3.27+ does itself
// (GEMM_GEMV_FORWARD): this OpenBLAS packs the whole matrix for gemm, 1.7-2.3× slower on a tall
// block times a vector.
template <class T>
static void GemmOrGemv(CBLAS_TRANSPOSE ta, CBLAS_TRANSPOSE tb, int m, int n, int k, const T* A, int lda,
                       const T* B, int ldb, double beta, T* C, int ldc) {
  if (n == 1 || m == 1) {
    if (beta == 0) {  // y = op(A)·x exactly, whatever C held before (no 0·NaN)
      const int len = n == 1 ? m : n, inc = n == 1 ? ldc : 1;
      for (int i = 0; i < len; i++) C[static_cast<int64_t>(i) * inc] = T(0);
    }
    if (n == 1) {  // C[:, 0] = op(A)·op(B)[:, 0]
      const int incx = tb == CblasTrans ? 1 : ldb;
      if constexpr (sizeof(T) == 4) {
        if (ta == CblasTrans) cblas_sgemv(CblasRowMajor, CblasTrans, k, m, 1.0f, A, lda, B, incx, 1.0f, C, ldc);
        else cblas_sgemv(CblasRowMajor, CblasNoTrans, m, k, 1.0f, A, lda, B, incx, 1.0f, C, ldc);
      } else {
        if (ta == CblasTrans) cblas_dgemv(CblasRowMajor, CblasTrans, k, m, 1.0, A, lda, B, incx, 1.0, C, ldc);
        else cblas_dgemv(CblasRowMajor, CblasNoTrans, m, k, 1.0, A, lda, B, incx, 1.0, C, ldc);
      }
    } else {  // C[0, :] = op(B)ᵀ·op(A)[0, :]
      const int incx = ta == CblasTrans ? lda : 1;
      if constexpr (sizeof(T) == 4) {
        if (tb == CblasTrans) cblas_sgemv(CblasRowMajor, CblasNoTrans, n, k, 1.0f, B, ldb, A, incx, 1.0f, C, 1);
        else cblas_sgemv(CblasRowMajor, CblasTrans, k, n, 1.0f, B, ldb, A, incx, 1.0f, C, 1);
      } else {
        if (tb == CblasTrans) cblas_dgemv(CblasRowMajor, CblasNoTrans, n, k, 1.0, B, ldb, A, incx, 1.0, C, 1);
        else cblas_dgemv(CblasRowMajor, CblasTrans, k, n, 1.0, B, ldb, A, incx, 1.0, C, 1);
      }
    }
    return;
  }
  if constexpr (sizeof(T) == 4) {
    cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1.0f, A, lda, B, ldb, static_cast<float>(beta), C, ldc);
  } else {
    cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1.0, A, lda, B, ldb, beta, C, ldc);
  }
}

static Napi::Value Gemm(const Napi::CallbackInfo& info) {
  const bool f32 = info[0].As<Napi::Boolean>();
  const auto ta = info[1].As<Napi::Boolean>().Value() ? CblasTrans : CblasNoTrans;
  const auto tb = info[2].As<Napi::Boolean>().Value() ? CblasTrans : CblasNoTrans;
  const int m = IntOf(info[3]), n = IntOf(info[4]), k = IntOf(info[5]);
  const int64_t offA = IntOf(info[7]), offB = IntOf(info[10]), offC = IntOf(info[13]);
  const int lda = IntOf(info[8]), ldb = IntOf(info[11]), ldc = IntOf(info[14]);
  const double beta = DoubleOf(info[15]);
  if (f32) {
    GemmOrGemv<float>(ta, tb, m, n, k, static_cast<float*>(DataOf(info[6])) + offA, lda, static_cast<float*>(DataOf(info[9])) + offB, ldb,
                      beta, static_cast<float*>(DataOf(info[12])) + offC, ldc);
  } else {
    GemmOrGemv<double>(ta, tb, m, n, k, static_cast<double*>(DataOf(info[6])) + offA, lda, static_cast<double*>(DataOf(info[9])) + offB, ldb,
                       beta, static_cast<double*>(DataOf(info[12])) + offC, ldc);
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
