// SPDX-License-Identifier: Apache-2.0
// The native `reduce` kernel. The TypeScript wrapper passes the coalesced layout (reduced and kept
// axes, strides, index strides); values are computed by the program's tile interpreter and fed
// to the op's accumulator, never materializing the block. Two walks, identical results:
// - per cell (mode A): each output cell walks its sequence, innermost reduced axis as the run;
// - by rows (mode B), when the innermost axis is kept and long (axis-0 of a row-major block):
//   up to kTile cells advance together one position at a time, reading memory in order.
#include <exception>
#include <vector>

#include "../addon.h"
#include "accumulators.h"
#include "dtype.h"
#include "napi_program.h"
#include "program.h"
#include "strided.h"

namespace numts {
namespace {

// Converts n values of dtype dt (or one, if scalar) to doubles; returns them (maybe in place).
const double* ToDouble(const char* src, int dt, bool scalar, int64_t n, double* buf) {
  if (dt == kF64 && !scalar) return reinterpret_cast<const double*>(src);
  WithType(dt, [&](auto t) {
    using T = decltype(t);
    const T* s = reinterpret_cast<const T*>(src);
    if (scalar) {
      const double v = static_cast<double>(s[0]);
      for (int64_t i = 0; i < n; i++) buf[i] = v;
    } else {
      for (int64_t i = 0; i < n; i++) buf[i] = static_cast<double>(s[i]);
    }
    return 0;
  });
  return buf;
}

// Mode B strip width and the number of strips walked together. Measured on the 12500x1000
// axis-0 sum: narrower strips (lanes in L1) lose more to shorter memory runs than they gain, so a
// strip is a whole tile (8 KiB of each row; 16 lanes = 128 KiB, in L2) and 4 strips (512 KiB)
// share a pass over the rows.
constexpr int64_t kStrip = kTile;
constexpr int64_t kStripGroup = 4;

}  // namespace

// reduce(program, consts, arrays (inputs, outputs), geom, op, stateDtype)
// geom: [nd, shape..., reduced..., per input: offset, strides..., outStrides...,
//        per output: offset..., indexStrides..., indexBase]
static Napi::Value Reduce(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  Program p;
  if (!DecodeProgram(info[0], info[1], &p)) return env.Undefined();
  Napi::Array arrays = info[2].As<Napi::Array>();
  const double* g = info[3].As<Napi::Float64Array>().Data();
  const int op = static_cast<int>(IntOf(info[4]));
  const int stateDt = static_cast<int>(IntOf(info[5]));
  const int nin = p.nin;
  const int nout = static_cast<int>(arrays.Length()) - nin;
  const int nd = static_cast<int>(g[0]);
  size_t k = 1;
  std::vector<int64_t> shape(nd);
  std::vector<char> reduced(nd);
  for (int d = 0; d < nd; d++) shape[d] = static_cast<int64_t>(g[k++]);
  for (int d = 0; d < nd; d++) reduced[d] = g[k++] != 0;
  // Strides per walker "view": inputs, output, global index.
  std::vector<std::vector<int64_t>> strides(nin + 2, std::vector<int64_t>(nd));
  std::vector<char*> inBase(nin);
  for (int v = 0; v < nin; v++) {
    const int size = ItemSize(p.dt[v]);
    inBase[v] = static_cast<char*>(DataOf(arrays.Get(v))) + static_cast<int64_t>(g[k++]) * size;
    for (int d = 0; d < nd; d++) strides[v][d] = static_cast<int64_t>(g[k++]);
  }
  for (int d = 0; d < nd; d++) strides[nin][d] = static_cast<int64_t>(g[k++]);
  StateOut out{};
  for (int j = 0; j < nout; j++) {
    // Output 0 has the state dtype; the others (arg index, moments) are float64.
    out.dt[j] = j == 0 ? stateDt : kF64;
    out.base[j] = static_cast<char*>(DataOf(arrays.Get(nin + j))) + static_cast<int64_t>(g[k++]) * ItemSize(out.dt[j]);
  }
  std::vector<double> idxStride(nd);
  for (int d = 0; d < nd; d++) {
    idxStride[d] = g[k++];
    strides[nin + 1][d] = static_cast<int64_t>(idxStride[d]);
  }
  const double indexBase = g[k++];
  const int vdt = p.dt[p.results[0]];
  std::unique_ptr<Accumulator> acc = MakeAccumulator(op, vdt, stateDt);
  if (!acc) {
    Napi::Error::New(env, "numts native: unknown reduce op").ThrowAsJavaScriptException();
    return env.Undefined();
  }
  std::vector<int> kept, red;
  for (int d = 0; d < nd; d++) (reduced[d] ? red : kept).push_back(d);
  for (int d : kept) {
    if (shape[d] == 0) return env.Undefined();
  }
  Evaluator ev(p);
  std::vector<double> vbuf(kTile);
  std::vector<const char*> in(nin);
  std::vector<int64_t> stride(nin);
  std::vector<int64_t> start(nin + 2, 0);
  const int last = nd - 1;
  try {
    if (!kept.empty() && kept.back() == last && shape[last] >= 16) {
      // Mode B: cells along the innermost (kept) axis advance together, one position (row) at a
      // time. Columns are cut into strips of kStrip; the rows of one 256-position chunk are
      // visited strip by strip (chunk-major), so memory is read in 8 KiB contiguous pieces.
      const int64_t m = shape[last];
      const int64_t nstrips = (m + kStrip - 1) / kStrip;
      std::vector<int> outerKept(kept.begin(), kept.end() - 1);
      for (int v = 0; v < nin; v++) stride[v] = strides[v][last];
      std::vector<std::unique_ptr<Accumulator>> accs;
      std::vector<int64_t> rowOff(static_cast<size_t>(kChunk) * (nin + 1));
      for (Odometer cell(shape, outerKept, strides, start); !cell.done(); cell.Next()) {
        for (int64_t s0 = 0; s0 < nstrips; s0 += kStripGroup) {
          const int64_t ns = std::min(kStripGroup, nstrips - s0);
          while (static_cast<int64_t>(accs.size()) < ns) accs.push_back(MakeAccumulator(op, vdt, stateDt));
          for (int64_t s = 0; s < ns; s++) accs[s]->Reset(std::min(kStrip, m - (s0 + s) * kStrip));
          int64_t pos = 0;
          Odometer seq(shape, red, strides, cell.offsets());
          while (!seq.done()) {
            // The rows up to the end of the current chunk.
            int64_t rows = 0;
            do {
              const auto& o = seq.offsets();
              for (int v = 0; v < nin; v++) rowOff[rows * (nin + 1) + v] = o[v];
              rowOff[rows * (nin + 1) + nin] = o[nin + 1];
              rows++;
              seq.Next();
            } while (!seq.done() && ((pos + rows) & (kChunk - 1)) != 0);
            for (int64_t s = 0; s < ns; s++) {
              const int64_t j0 = (s0 + s) * kStrip;
              const int64_t w = std::min(kStrip, m - j0);
              for (int64_t r = 0; r < rows; r++) {
                const int64_t* ro = &rowOff[r * (nin + 1)];
                for (int v = 0; v < nin; v++) in[v] = inBase[v] + (ro[v] + j0 * stride[v]) * ItemSize(p.dt[v]);
                bool scalar;
                const char* res = ev.RunToBuffer(in.data(), stride.data(), w, &scalar);
                const double idx = indexBase + static_cast<double>(ro[nin]);
                if (vdt == kF32 && !scalar) accs[s]->FeedRowF32(reinterpret_cast<const float*>(res), w, pos + r, idx);
                else accs[s]->FeedRow(ToDouble(res, vdt, scalar, w, vbuf.data()), pos + r, idx);
              }
            }
            pos += rows;
          }
          for (int64_t s = 0; s < ns; s++) {
            const int64_t j0 = (s0 + s) * kStrip;
            accs[s]->Write(out, cell.offsets()[nin] + j0 * strides[nin][last], strides[nin][last]);
          }
        }
      }
    } else {
      // Mode A: one cell at a time, its sequence in runs along the innermost reduced axis.
      const int run = red.empty() ? -1 : red.back();
      std::vector<int> outerRed(red.begin(), red.empty() ? red.end() : red.end() - 1);
      const int64_t len = run < 0 ? 1 : shape[run];
      for (int v = 0; v < nin; v++) stride[v] = run < 0 ? 0 : strides[v][run];
      const double istep = run < 0 ? 0 : idxStride[run];
      for (Odometer cell(shape, kept, strides, start); !cell.done(); cell.Next()) {
        acc->Reset(1);
        int64_t pos = 0;
        for (Odometer seq(shape, outerRed, strides, cell.offsets()); !seq.done(); seq.Next()) {
          const auto& o = seq.offsets();
          for (int64_t done = 0; done < len;) {
            const int64_t n = std::min(kTile, len - done);
            for (int v = 0; v < nin; v++) in[v] = inBase[v] + (o[v] + done * stride[v]) * ItemSize(p.dt[v]);
            bool scalar;
            const char* r = ev.RunToBuffer(in.data(), stride.data(), n, &scalar);
            const double i0 = indexBase + static_cast<double>(o[nin + 1]) + static_cast<double>(done) * istep;
            if (vdt == kF32 && !scalar) acc->FeedSeqF32(reinterpret_cast<const float*>(r), n, pos, i0, istep);
            else acc->FeedSeq(ToDouble(r, vdt, scalar, n, vbuf.data()), n, pos, i0, istep);
            pos += n;
            done += n;
          }
        }
        acc->Write(out, cell.offsets()[nin], 0);
      }
    }
  } catch (const std::exception& e) {
    Napi::Error::New(env, e.what()).ThrowAsJavaScriptException();
  }
  return env.Undefined();
}

void RegisterReduce(Napi::Env env, Napi::Object exports) {
  exports.Set("reduce", Napi::Function::New(env, Reduce));
}

}  // namespace numts
