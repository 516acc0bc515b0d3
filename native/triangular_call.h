// SPDX-License-Identifier: Apache-2.0
// Decoding of the arguments shared by the triangular BLAS-3 kernels (lapack_blas.cc's trsm,
// lapack_tiles.cc's trmm).
#pragma once

#include <cblas.h>

#include "lapack.h"

namespace numts {

// The arguments of a triangular BLAS-3 call on row-major operands, as trsm and trmm take them:
// (f32, left, lower, transA, unitDiag, m, n, a, offA, lda, b, offB, ldb); B is m×n.
template <class T>
struct TriangularCall {
  explicit TriangularCall(const Napi::CallbackInfo& info)
      : side(BoolOf(info[1]) ? CblasLeft : CblasRight),
        uplo(BoolOf(info[2]) ? CblasLower : CblasUpper),
        trans(BoolOf(info[3]) ? CblasTrans : CblasNoTrans),
        diag(BoolOf(info[4]) ? CblasUnit : CblasNonUnit),
        m(DimOf(info[5])),
        n(DimOf(info[6])),
        lda(DimOf(info[9])),
        ldb(DimOf(info[12])),
        a(PtrOf<T>(info, 7)),
        b(PtrOf<T>(info, 10)) {}
  const CBLAS_SIDE side;
  const CBLAS_UPLO uplo;
  const CBLAS_TRANSPOSE trans;
  const CBLAS_DIAG diag;
  const int m, n, lda, ldb;
  const T* const a;
  T* const b;
};

}  // namespace numts
