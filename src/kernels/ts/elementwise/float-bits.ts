// SPDX-License-Identifier: Apache-2.0
/**
 * Bit-level float helpers (sign bit, neighbours, powers of two) for the scalar math of the
 * reference kernels. They go through one shared scratch buffer, so they are not reentrant, which
 * is fine for synchronous kernels.
 */

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const f32 = new Float32Array(1);
const u32s = new Uint32Array(f32.buffer);

/** Whether the sign bit of `x` is set (true for -0 and negative NaNs). */
export function signbit(x: number): boolean {
  if (x !== 0 && x === x) return x < 0;
  f64[0] = x;
  return u32[1]! >>> 31 === 1;
}

export function copysign(a: number, b: number): number {
  const m = Math.abs(a);
  return signbit(b) ? -m : m;
}

/** 2^n for an integer n in [-1022, 1023], built from its bits (exact). */
export function pow2(n: number): number {
  u32[0] = 0;
  u32[1] = (n + 1023) << 20;
  return f64[0]!;
}

/** C nextafter for float64. */
export function nextafter64(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 5e-324 : -5e-324;
  f64[0] = x;
  // Moving away from zero increments the magnitude bits; toward zero decrements them.
  const up = (y > x) === (x > 0);
  let lo = u32[0]!;
  let hi = u32[1]!;
  if (up) {
    lo = (lo + 1) >>> 0;
    if (lo === 0) hi = (hi + 1) >>> 0;
  } else {
    if (lo === 0) hi = (hi - 1) >>> 0;
    lo = (lo - 1) >>> 0;
  }
  u32[0] = lo;
  u32[1] = hi;
  return f64[0]!;
}

/** C nextafterf for float32 values. */
export function nextafter32(x: number, y: number): number {
  if (x !== x || y !== y) return x + y;
  if (x === y) return y;
  if (x === 0) return y > 0 ? 1.401298464324817e-45 : -1.401298464324817e-45;
  f32[0] = x;
  u32s[0] = (y > x) === (x > 0) ? u32s[0]! + 1 : u32s[0]! - 1;
  return f32[0]!;
}

/** NumPy's spacing: distance to the next float away from zero (negative for x < 0). */
export function spacing64(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  if (x === 0) return 5e-324;
  return nextafter64(x, x > 0 ? Infinity : -Infinity) - x;
}

export function spacing32(x: number): number {
  if (x !== x || x === Infinity || x === -Infinity) return NaN;
  if (x === 0) return 1.401298464324817e-45;
  return Math.fround(nextafter32(x, x > 0 ? Infinity : -Infinity) - x);
}

/** Round half to even (C rint in the default rounding mode). */
export function rint(x: number): number {
  const r = Math.round(x);
  // Math.round rounds halves up; step back when that landed on an odd integer from a tie.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** C ldexp/scalbn for float64 (musl's algorithm: pre-scale so the last multiply rounds once). */
export function ldexp64(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= pow2(1023);
    n -= 1023;
    if (n > 1023) {
      y *= pow2(1023);
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // 2^-1022 * 2^53: keeps a result that will end up subnormal in the normal range until the end.
    y *= pow2(-969);
    n += 969;
    if (n < -1022) {
      y *= pow2(-969);
      n += 969;
      if (n < -1022) n = -1022;
    }
  }
  return y * pow2(n);
}

/** ldexpf: a float32 times 2^n is exact in float64 for |n| ≤ 400, so one fround rounds once. */
export function ldexp32(x: number, n: number): number {
  const k = n > 400 ? 400 : n < -400 ? -400 : n;
  return Math.fround(x * pow2(k));
}
