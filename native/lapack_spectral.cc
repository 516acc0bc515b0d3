// SPDX-License-Identifier: Apache-2.0
// Spectral decompositions, exposed 1:1 as LAPACK routines on column-major storage: gesdd (SVD by
// divide and conquer, what NumPy's svd calls) and syevd (symmetric eigensolver by divide and
// conquer, what NumPy's eigh calls). Calling conventions as in lapack_factor.cc.
#include <string>

#include "lapack.h"

namespace numts {
namespace {

using lapack::Lapack;

// gesdd(f32, jobz, m, n, a, offA, lda, s, offS, u, offU, ldu, vt, offVt, ldvt). jobz is "A", "S"
// or "N"; with "N", u and vt are not referenced (pass any array, ld 1). A is destroyed.
template <class T>
int Svd(const Napi::CallbackInfo& info) {
  const std::string jobz = info[1].As<Napi::String>().Utf8Value();
  const int m = DimOf(info[2]), n = DimOf(info[3]), lda = DimOf(info[6]);
  const int ldu = DimOf(info[11]), ldvt = DimOf(info[14]);
  T* a = PtrOf<T>(info, 4);
  T* s = PtrOf<T>(info, 7);
  T* u = PtrOf<T>(info, 9);
  T* vt = PtrOf<T>(info, 12);
  std::vector<int> iwork(8 * static_cast<size_t>(std::max(1, std::min(m, n))));
  int info_ = 0, lwork = -1;
  T query = 0;
  Lapack<T>::gesdd(jobz.c_str(), &m, &n, a, &lda, s, u, &ldu, vt, &ldvt, &query, &lwork, iwork.data(), &info_);
  lwork = WorkSizeOf(query);
  std::vector<T> work(lwork);
  Lapack<T>::gesdd(jobz.c_str(), &m, &n, a, &lda, s, u, &ldu, vt, &ldvt, work.data(), &lwork, iwork.data(), &info_);
  return info_;
}

// syevd(f32, computeVectors, upper, n, a, offA, lda, w, offW): eigenvalues ascending into w and,
// with computeVectors, the orthonormal eigenvectors over A (column j for w[j]).
template <class T>
int SymmetricEigen(const Napi::CallbackInfo& info) {
  const char jobz = info[1].As<Napi::Boolean>().Value() ? 'V' : 'N';
  const char uplo = info[2].As<Napi::Boolean>().Value() ? 'U' : 'L';
  const int n = DimOf(info[3]), lda = DimOf(info[6]);
  T* a = PtrOf<T>(info, 4);
  T* w = PtrOf<T>(info, 7);
  int info_ = 0, lwork = -1, liwork = -1, iquery = 0;
  T query = 0;
  Lapack<T>::syevd(&jobz, &uplo, &n, a, &lda, w, &query, &lwork, &iquery, &liwork, &info_);
  lwork = WorkSizeOf(query);
  liwork = std::max(1, iquery);
  std::vector<T> work(lwork);
  std::vector<int> iwork(liwork);
  Lapack<T>::syevd(&jobz, &uplo, &n, a, &lda, w, work.data(), &lwork, iwork.data(), &liwork, &info_);
  return info_;
}

}  // namespace

void RegisterLapackSpectral(Napi::Env env, Napi::Object exports) {
  exports.Set("gesdd", Napi::Function::New(env, Dispatch<Svd<double>, Svd<float>>));
  exports.Set("syevd", Napi::Function::New(env, Dispatch<SymmetricEigen<double>, SymmetricEigen<float>>));
}

}  // namespace numts
