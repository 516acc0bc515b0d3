// SPDX-License-Identifier: Apache-2.0
// Registers the linear-algebra routines (LAPACK through OpenBLAS's Fortran symbols, plus the
// CBLAS level-2/3 pieces the kernels compose).
#include "lapack.h"

namespace numts {

void RegisterLapack(Napi::Env env, Napi::Object exports) {
  RegisterLapackFactor(env, exports);
  RegisterLapackSpectral(env, exports);
  RegisterLapackBlas(env, exports);
  RegisterLapackTiles(env, exports);
}

}  // namespace numts
