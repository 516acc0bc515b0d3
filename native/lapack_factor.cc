// SPDX-License-Identifier: Apache-2.0
// Factorizations, exposed 1:1 as LAPACK routines on column-major storage: geqrf, orgqr, tpqrt,
// potrf, getrf, getrs. Every function takes an isFloat32 flag first, then LAPACK's
// arguments with each array as (typedArray, elementOffset) followed by its leading dimension, and
// returns LAPACK's INFO. The row-major tricks (a row-major matrix is its column-major transpose)
// live in src/kernels/native/linalg/, where they are documented next to their use.
#include "lapack.h"

namespace numts {
namespace {

using lapack::Lapack;

// geqrf(f32, m, n, a, offA, lda, tau, offTau): Householder QR, reflectors kept below R.
template <class T>
int HouseholderQr(const Napi::CallbackInfo& info) {
  const int m = DimOf(info[1]), n = DimOf(info[2]), lda = DimOf(info[5]);
  T* a = PtrOf<T>(info, 3);
  T* tau = PtrOf<T>(info, 6);
  int info_ = 0, lwork = -1;
  T query = 0;
  Lapack<T>::geqrf(&m, &n, a, &lda, tau, &query, &lwork, &info_);
  lwork = WorkSizeOf(query);
  std::vector<T> work(lwork);
  Lapack<T>::geqrf(&m, &n, a, &lda, tau, work.data(), &lwork, &info_);
  return info_;
}

// orgqr(f32, m, n, k, a, offA, lda, tau, offTau): the first n columns of Q, in place.
template <class T>
int FormQ(const Napi::CallbackInfo& info) {
  const int m = DimOf(info[1]), n = DimOf(info[2]), k = DimOf(info[3]), lda = DimOf(info[6]);
  T* a = PtrOf<T>(info, 4);
  const T* tau = PtrOf<T>(info, 7);
  int info_ = 0, lwork = -1;
  T query = 0;
  Lapack<T>::orgqr(&m, &n, &k, a, &lda, tau, &query, &lwork, &info_);
  lwork = WorkSizeOf(query);
  std::vector<T> work(lwork);
  Lapack<T>::orgqr(&m, &n, &k, a, &lda, tau, work.data(), &lwork, &info_);
  return info_;
}

// tpqrt(f32, m, n, l, a, offA, lda, b, offB, ldb): QR of [A; B] with A n×n upper triangular and B
// m×n whose last l rows are upper trapezoidal (l = n: B triangular too). R overwrites A, the
// reflectors overwrite B; the block reflector T is discarded (numts never applies Q from tpqrt).
// NB = min(n, 64) as LAPACK's own drivers choose for it.
template <class T>
int TriangularPentagonalQr(const Napi::CallbackInfo& info) {
  const int m = DimOf(info[1]), n = DimOf(info[2]), l = DimOf(info[3]);
  const int lda = DimOf(info[6]), ldb = DimOf(info[9]);
  T* a = PtrOf<T>(info, 4);
  T* b = PtrOf<T>(info, 7);
  const int nb = std::max(1, std::min(n, 64));
  std::vector<T> t(static_cast<size_t>(nb) * std::max(1, n));
  std::vector<T> work(static_cast<size_t>(nb) * std::max(1, n));
  int info_ = 0;
  Lapack<T>::tpqrt(&m, &n, &l, &nb, a, &lda, b, &ldb, t.data(), &nb, work.data(), &info_);
  return info_;
}

// potrf(f32, upper, n, a, offA, lda): Cholesky factor of the referenced triangle, in place.
template <class T>
int Cholesky(const Napi::CallbackInfo& info) {
  const char uplo = info[1].As<Napi::Boolean>().Value() ? 'U' : 'L';
  const int n = DimOf(info[2]), lda = DimOf(info[5]);
  int info_ = 0;
  Lapack<T>::potrf(&uplo, &n, PtrOf<T>(info, 3), &lda, &info_);
  return info_;
}

// getrf(f32, m, n, a, offA, lda, ipiv, offIpiv): partial-pivoting LU, 1-based pivots.
template <class T>
int Lu(const Napi::CallbackInfo& info) {
  const int m = DimOf(info[1]), n = DimOf(info[2]), lda = DimOf(info[5]);
  int info_ = 0;
  Lapack<T>::getrf(&m, &n, PtrOf<T>(info, 3), &lda, PtrOf<int>(info, 6), &info_);
  return info_;
}

// getrs(f32, trans, n, nrhs, a, offA, lda, ipiv, offIpiv, b, offB, ldb): solve with getrf's factors.
template <class T>
int LuSolve(const Napi::CallbackInfo& info) {
  const char trans = info[1].As<Napi::Boolean>().Value() ? 'T' : 'N';
  const int n = DimOf(info[2]), nrhs = DimOf(info[3]), lda = DimOf(info[6]), ldb = DimOf(info[11]);
  int info_ = 0;
  Lapack<T>::getrs(&trans, &n, &nrhs, PtrOf<T>(info, 4), &lda, PtrOf<int>(info, 7), PtrOf<T>(info, 9), &ldb, &info_);
  return info_;
}

}  // namespace

void RegisterLapackFactor(Napi::Env env, Napi::Object exports) {
  exports.Set("geqrf", Napi::Function::New(env, Dispatch<HouseholderQr<double>, HouseholderQr<float>>));
  exports.Set("orgqr", Napi::Function::New(env, Dispatch<FormQ<double>, FormQ<float>>));
  exports.Set("tpqrt", Napi::Function::New(env, Dispatch<TriangularPentagonalQr<double>, TriangularPentagonalQr<float>>));
  exports.Set("potrf", Napi::Function::New(env, Dispatch<Cholesky<double>, Cholesky<float>>));
  exports.Set("getrf", Napi::Function::New(env, Dispatch<Lu<double>, Lu<float>>));
  exports.Set("getrs", Napi::Function::New(env, Dispatch<LuSolve<double>, LuSolve<float>>));
}

}  // namespace numts
