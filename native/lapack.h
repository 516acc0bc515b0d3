// SPDX-License-Identifier: Apache-2.0
// The Fortran LAPACK routines numts calls, as OpenBLAS exports them (dgeqrf_, sgeqrf_, ...; no
// LAPACKE needed), and a Lapack<T> traits struct so every wrapper is written once for float and
// double. Character arguments carry gfortran's hidden length arguments at the end.
#pragma once
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <vector>

#include "addon.h"

extern "C" {
// clang-format off
void dgeqrf_(const int* m, const int* n, double* a, const int* lda, double* tau, double* work, const int* lwork, int* info);
void sgeqrf_(const int* m, const int* n, float* a, const int* lda, float* tau, float* work, const int* lwork, int* info);
void dorgqr_(const int* m, const int* n, const int* k, double* a, const int* lda, const double* tau, double* work, const int* lwork, int* info);
void sorgqr_(const int* m, const int* n, const int* k, float* a, const int* lda, const float* tau, float* work, const int* lwork, int* info);
void dpotrf_(const char* uplo, const int* n, double* a, const int* lda, int* info, size_t);
void spotrf_(const char* uplo, const int* n, float* a, const int* lda, int* info, size_t);
void dgetrf_(const int* m, const int* n, double* a, const int* lda, int* ipiv, int* info);
void sgetrf_(const int* m, const int* n, float* a, const int* lda, int* ipiv, int* info);
void dgetrs_(const char* trans, const int* n, const int* nrhs, const double* a, const int* lda, const int* ipiv, double* b, const int* ldb, int* info, size_t);
void sgetrs_(const char* trans, const int* n, const int* nrhs, const float* a, const int* lda, const int* ipiv, float* b, const int* ldb, int* info, size_t);
void dgesdd_(const char* jobz, const int* m, const int* n, double* a, const int* lda, double* s, double* u, const int* ldu, double* vt, const int* ldvt, double* work, const int* lwork, int* iwork, int* info, size_t);
void sgesdd_(const char* jobz, const int* m, const int* n, float* a, const int* lda, float* s, float* u, const int* ldu, float* vt, const int* ldvt, float* work, const int* lwork, int* iwork, int* info, size_t);
void dsyevd_(const char* jobz, const char* uplo, const int* n, double* a, const int* lda, double* w, double* work, const int* lwork, int* iwork, const int* liwork, int* info, size_t, size_t);
void ssyevd_(const char* jobz, const char* uplo, const int* n, float* a, const int* lda, float* w, float* work, const int* lwork, int* iwork, const int* liwork, int* info, size_t, size_t);
void dtpqrt_(const int* m, const int* n, const int* l, const int* nb, double* a, const int* lda, double* b, const int* ldb, double* t, const int* ldt, double* work, int* info);
void stpqrt_(const int* m, const int* n, const int* l, const int* nb, float* a, const int* lda, float* b, const int* ldb, float* t, const int* ldt, float* work, int* info);
// clang-format on
}

namespace numts::lapack {

template <class T>
struct Lapack;

// One overload set per precision; the wrappers in lapack_*.cc are templates over T.
#define NUMTS_LAPACK_TRAITS(T, p)                                                                                   \
  template <>                                                                                                     \
  struct Lapack<T> {                                                                                              \
    static void geqrf(const int* m, const int* n, T* a, const int* lda, T* tau, T* w, const int* lw, int* info) {  \
      p##geqrf_(m, n, a, lda, tau, w, lw, info);                                                                  \
    }                                                                                                             \
    static void orgqr(const int* m, const int* n, const int* k, T* a, const int* lda, const T* tau, T* w,         \
                      const int* lw, int* info) {                                                                 \
      p##orgqr_(m, n, k, a, lda, tau, w, lw, info);                                                               \
    }                                                                                                             \
    static void potrf(const char* uplo, const int* n, T* a, const int* lda, int* info) {                          \
      p##potrf_(uplo, n, a, lda, info, 1);                                                                        \
    }                                                                                                             \
    static void getrf(const int* m, const int* n, T* a, const int* lda, int* ipiv, int* info) {                   \
      p##getrf_(m, n, a, lda, ipiv, info);                                                                        \
    }                                                                                                             \
    static void getrs(const char* tr, const int* n, const int* nrhs, const T* a, const int* lda, const int* ipiv, \
                      T* b, const int* ldb, int* info) {                                                          \
      p##getrs_(tr, n, nrhs, a, lda, ipiv, b, ldb, info, 1);                                                      \
    }                                                                                                             \
    static void gesdd(const char* jobz, const int* m, const int* n, T* a, const int* lda, T* s, T* u,             \
                      const int* ldu, T* vt, const int* ldvt, T* w, const int* lw, int* iw, int* info) {          \
      p##gesdd_(jobz, m, n, a, lda, s, u, ldu, vt, ldvt, w, lw, iw, info, 1);                                     \
    }                                                                                                             \
    static void syevd(const char* jobz, const char* uplo, const int* n, T* a, const int* lda, T* w, T* work,      \
                      const int* lw, int* iw, const int* liw, int* info) {                                        \
      p##syevd_(jobz, uplo, n, a, lda, w, work, lw, iw, liw, info, 1, 1);                                         \
    }                                                                                                             \
    static void tpqrt(const int* m, const int* n, const int* l, const int* nb, T* a, const int* lda, T* b,        \
                      const int* ldb, T* t, const int* ldt, T* w, int* info) {                                    \
      p##tpqrt_(m, n, l, nb, a, lda, b, ldb, t, ldt, w, info);                                                    \
    }                                                                                                             \
  };

NUMTS_LAPACK_TRAITS(double, d)
NUMTS_LAPACK_TRAITS(float, s)
#undef NUMTS_LAPACK_TRAITS

}  // namespace numts::lapack

namespace numts {

// Element `offset` of the typed array argument at `index` (offsets travel as a separate argument
// so SharedArrayBuffer-backed views of pooled blocks need no subarray objects).
template <class T>
inline T* PtrOf(const Napi::CallbackInfo& info, size_t index) {
  return static_cast<T*>(DataOf(info[index])) + IntOf(info[index + 1]);
}

inline int DimOf(const Napi::Value& v) { return static_cast<int>(IntOf(v)); }
inline bool BoolOf(const Napi::Value& v) { return v.As<Napi::Boolean>().Value(); }

// A LAPACK workspace size returned by a query (lwork = -1) as a floating-point number. Single
// precision cannot represent large sizes exactly, so round up with a margin.
template <class T>
inline int WorkSizeOf(T query) {
  const double w = static_cast<double>(query);
  return std::max(1, static_cast<int>(std::ceil(w * (1 + 8 * std::numeric_limits<T>::epsilon()))));
}

// Wraps a routine templated on precision as an N-API function that dispatches on the isFloat32
// flag (argument 0) and returns the routine's INFO.
template <int (*F64)(const Napi::CallbackInfo&), int (*F32)(const Napi::CallbackInfo&)>
Napi::Value Dispatch(const Napi::CallbackInfo& info) {
  const int r = info[0].As<Napi::Boolean>().Value() ? F32(info) : F64(info);
  return Napi::Number::New(info.Env(), r);
}

// Registration of the LAPACK-level families (called from RegisterLapack in lapack.cc).
void RegisterLapackFactor(Napi::Env env, Napi::Object exports);
void RegisterLapackSpectral(Napi::Env env, Napi::Object exports);
void RegisterLapackBlas(Napi::Env env, Napi::Object exports);
void RegisterLapackTiles(Napi::Env env, Napi::Object exports);
}  // namespace numts
