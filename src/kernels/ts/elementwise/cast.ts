// SPDX-License-Identifier: Apache-2.0
/**
 * `astype` (unsafe casting) between numts dtypes, as NumPy 2.4 does it on x86-64.
 *
 * Integer and bool targets from integers wrap modulo 2^bits; any value to bool is `x != 0` (NaN is
 * true); integers to float32 round to nearest-even.
 *
 * Float to integer is undefined in C for NaN, ±inf and out-of-range values; NumPy returns what the
 * x86 conversion instructions give, which we reproduce exactly (measured on NumPy 2.4, Zen5):
 * - to int8/uint8/int16/uint16/int32: truncate toward zero to int32 with `cvttsd2si` semantics
 *   (NaN, ±inf and values outside (-2^31-1, 2^31) give INT32_MIN), then keep the low bits. So
 *   300.7 → int8 44, -1.0 → uint8 255, NaN → 0 for the narrow types and -2147483648 for int32.
 * - to uint32: NumPy's contiguous AVX-512 loop (what it runs for the bulk of any contiguous array):
 *   x < 2^31 converts as int32 (out of range / NaN / -inf → 2^31) reinterpreted as uint32, so -1.0
 *   → 4294967295; x ≥ 2^31 converts x − 2^31 as int32 and flips the top bit, so [2^31, 2^32) are
 *   exact and x ≥ 2^32 (and +inf) give 0. NumPy's strided loop and its scalar tail instead
 *   truncate through int64 (e.g. -1e10 → 2884901888 there, 2147483648 here): NumPy itself is not
 *   consistent for out-of-range uint32 casts; numts always applies the rule above.
 */
import type { Dtype } from "../../../array/dtype.js";
import { isFloat } from "../../../array/dtype.js";
import { wrap } from "./wrap.js";

/** `cvttsd2si` to int32: truncation, with INT32_MIN for NaN and out-of-range inputs. */
export function f2i32(x: number): number {
  return x > -2147483649 && x < 2147483648 ? x | 0 : -2147483648;
}

/** Float to uint32 as NumPy's AVX-512 contiguous loop does it (see the file comment). */
export function f2u32(x: number): number {
  if (x >= 2147483648) return x < 4294967296 ? Math.trunc(x) : 0;
  return x > -2147483649 ? (x | 0) >>> 0 : 2147483648;
}

/** Source text converting expression `e` of dtype `from` to dtype `to` (helpers object `H`). */
export function castExpr(from: Dtype, to: Dtype, e: string): string {
  if (from === to) return e;
  if (to === "bool") return `((${e}) !== 0 ? 1 : 0)`;
  if (to === "float64") return e;
  if (to === "float32") return from === "float64" || from === "int32" || from === "uint32" ? `Math.fround(${e})` : e;
  if (!isFloat(from)) return wrap(to, e);
  if (to === "uint32") return `H.f2u32(${e})`;
  if (to === "int32") return `H.f2i32(${e})`;
  return wrap(to, `H.f2i32(${e})`);
}
