// SPDX-License-Identifier: Apache-2.0
// The loop table: for an op and its argument/output dtypes, a function that applies the op to
// tile registers. A register is either a contiguous array of n elements or a scalar (one element
// standing for all n), flagged by `scalar[i]`.
#pragma once
#include <cstdint>

namespace numts {

using LoopFn = void (*)(const char* const* args, const bool* scalar, char* out, int64_t n);

// The loop for `op` with input dtypes `in[0..nin)` and output dtype `out`, or nullptr.
LoopFn FindLoop(int op, const int* in, int nin, int out);

// Vectorized transcendental loops (vmath.cc): nullptr when the op/dtype has none.
LoopFn FindVectorMathLoop(int op, int dt);

}  // namespace numts
