// SPDX-License-Identifier: Apache-2.0
// The native `fused` kernel. The TypeScript wrapper (src/kernels/native/fused.ts) coalesces axes
// and passes the geometry; here we walk the innermost runs in tiles. Long runs are evaluated in
// place (unit-stride inputs are read directly, stride-0 inputs as scalars, others gathered); short
// runs are packed several to a tile so per-tile overhead stays amortized.
#include <exception>
#include <vector>

#include "../addon.h"
#include "dtype.h"
#include "napi_program.h"
#include "program.h"
#include "strided.h"

namespace numts {

// fused(program: Int32Array, consts: Float64Array, arrays: TypedArray[] (inputs, outputs),
//       geom: Float64Array [nd, shape..., per view: offset, strides...])
static Napi::Value Fused(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Program p;
  if (!DecodeProgram(info[0], info[1], &p)) return env.Undefined();
  Napi::Array arrays = info[2].As<Napi::Array>();
  Napi::Float64Array g = info[3].As<Napi::Float64Array>();
  const double* geom = g.Data();
  const int nd = static_cast<int>(geom[0]);
  const int nin = p.nin;
  const int nv = static_cast<int>(arrays.Length());
  const int nout = nv - nin;
  std::vector<int64_t> shape(geom + 1, geom + 1 + nd);
  std::vector<std::vector<int64_t>> strides(nv);
  std::vector<char*> base(nv);
  std::vector<int> size(nv);
  for (int v = 0; v < nv; v++) {
    const double* s = geom + 1 + nd + v * (nd + 1);
    size[v] = ItemSize(v < nin ? p.dt[v] : p.dt[p.results[v - nin]]);
    base[v] = static_cast<char*>(DataOf(arrays.Get(v))) + static_cast<int64_t>(s[0]) * size[v];
    strides[v].assign(s + 1, s + 1 + nd);
  }
  for (int64_t d : shape) {
    if (d == 0) return env.Undefined();
  }
  Evaluator ev(p);
  const int64_t L = shape[nd - 1];
  std::vector<int> outerAxes;
  for (int d = 0; d < nd - 1; d++) outerAxes.push_back(d);
  std::vector<const char*> in(nin);
  std::vector<int64_t> stride(nin);
  std::vector<char*> out(nout);
  try {
    if (L >= kTile / 2 || nd == 1) {
      for (Odometer it(shape, outerAxes, strides, std::vector<int64_t>(nv, 0)); !it.done(); it.Next()) {
        const auto& o = it.offsets();
        // The first tile is shortened so the following ones start the output on a 64-byte
        // boundary: zmm stores that straddle cache lines cost bandwidth, and typed arrays are
        // only 8- or 16-byte aligned.
        const uintptr_t addr = reinterpret_cast<uintptr_t>(base[nin] + o[nin] * size[nin]);
        const int64_t head = nout > 0 ? static_cast<int64_t>((64 - addr % 64) % 64) / size[nin] : 0;
        for (int64_t k = 0, n = 0; k < L; k += n) {
          n = std::min(k == 0 && head > 0 ? head : kTile, L - k);
          for (int v = 0; v < nin; v++) {
            stride[v] = strides[v][nd - 1];
            in[v] = base[v] + (o[v] + k * stride[v]) * size[v];
          }
          for (int j = 0; j < nout; j++) out[j] = base[nin + j] + (o[nin + j] + k * strides[nin + j][nd - 1]) * size[nin + j];
          ev.Run(in.data(), stride.data(), n, out.data());
        }
      }
    } else {
      // Short runs: gather whole runs into tile buffers (outputs are contiguous in C order, so the
      // runs of a tile are one contiguous output range).
      const int64_t per = kTile / L;
      std::vector<std::vector<char>> gather(nin);
      std::vector<char> isScalar(nin);
      for (int v = 0; v < nin; v++) {
        bool allZero = true;
        for (int d = 0; d < nd; d++) allZero = allZero && strides[v][d] == 0;
        isScalar[v] = allZero;
        stride[v] = allZero ? 0 : 1;
        if (!allZero) gather[v].resize(static_cast<size_t>(kTile) * size[v]);
      }
      Odometer it(shape, outerAxes, strides, std::vector<int64_t>(nv, 0));
      while (!it.done()) {
        int64_t runs = 0;
        for (int j = 0; j < nout; j++) out[j] = base[nin + j] + it.offsets()[nin + j] * size[nin + j];
        for (; runs < per && !it.done(); runs++, it.Next()) {
          const auto& o = it.offsets();
          for (int v = 0; v < nin; v++) {
            if (isScalar[v]) continue;
            StridedCopy(gather[v].data() + runs * L * size[v], base[v] + o[v] * size[v], strides[v][nd - 1], L, size[v]);
          }
        }
        for (int v = 0; v < nin; v++) in[v] = isScalar[v] ? base[v] : gather[v].data();
        ev.Run(in.data(), stride.data(), runs * L, out.data());
      }
    }
  } catch (const std::exception& e) {
    Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
  }
  return env.Undefined();
}

void RegisterFused(Napi::Env env, Napi::Object exports) {
  exports.Set("fused", Napi::Function::New(env, Fused));
}

}  // namespace numts
