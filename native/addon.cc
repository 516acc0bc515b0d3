// SPDX-License-Identifier: Apache-2.0
// Entry point of the numts native addon: registers every kernel family.
#include "addon.h"

static Napi::Object InitNumts(Napi::Env env, Napi::Object exports) {
  numts::RegisterBlas(env, exports);
  numts::RegisterContract(env, exports);
  numts::RegisterOpNames(env, exports);
  numts::RegisterFused(env, exports);
  numts::RegisterReduce(env, exports);
  numts::RegisterScan(env, exports);
  numts::RegisterLapack(env, exports);
  numts::RegisterSort(env, exports);
  numts::RegisterRandom(env, exports);
  return exports;
}

NODE_API_MODULE(numts_native, InitNumts)
