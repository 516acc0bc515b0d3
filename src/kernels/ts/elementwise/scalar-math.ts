// SPDX-License-Identifier: Apache-2.0
/**
 * Scalar helpers that generated loops call through the `H` object: NumPy's integer and float
 * division rules, integer power, gcd/lcm, C's pow special cases and logaddexp. Each mirrors the
 * NumPy (npy_math) C source so results agree bit for bit, except where noted.
 */
import { f2i32, f2u32 } from "./cast.js";
import {
  copysign,
  ldexp32,
  ldexp64,
  nextafter32,
  nextafter64,
  rint,
  signbit,
  spacing32,
  spacing64,
} from "./float-bits.js";

/** npy_divmod's quotient: floor((a - fmod(a, b)) / b), snapped to the nearest integer. */
function floorDivide64(a: number, b: number): number {
  if (b === 0) return a / b;
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0 && b < 0 !== mod < 0) div -= 1;
  if (div === 0) return copysign(0, a / b);
  let fd = Math.floor(div);
  if (div - fd > 0.5) fd += 1;
  return fd;
}

/** The same algorithm in float32 arithmetic (every step rounded, as npy_divmodf does). */
function floorDivide32(a: number, b: number): number {
  const r = Math.fround;
  if (b === 0) return r(a / b);
  const mod = a % b;
  let div = r(r(a - mod) / b);
  if (mod !== 0 && b < 0 !== mod < 0) div = r(div - 1);
  if (div === 0) return copysign(0, a / b);
  let fd = Math.floor(div);
  if (r(div - fd) > 0.5) fd = r(fd + 1);
  return fd;
}

/** npy_remainder: fmod adjusted to the sign of the divisor (Python's %). */
function remainder64(a: number, b: number): number {
  let mod = a % b;
  if (b === 0) return mod;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) mod += b;
  } else {
    mod = copysign(0, b);
  }
  return mod;
}

function remainder32(a: number, b: number): number {
  return Math.fround(remainder64(a, b));
}

/** C pow: pow(1, y) = 1 and pow(-1, ±inf) = 1, where JS Math.pow gives NaN. */
function pow(a: number, b: number): number {
  if (a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return Math.pow(a, b);
}

function logaddexp(x: number, y: number): number {
  if (x === y) return x + Math.LN2;
  const t = x - y;
  if (t > 0) return x + Math.log1p(Math.exp(-t));
  if (t <= 0) return y + Math.log1p(Math.exp(t));
  return t;
}

function logaddexp2(x: number, y: number): number {
  if (x === y) return x + 1;
  const t = x - y;
  if (t > 0) return x + Math.LOG2E * Math.log1p(Math.pow(2, -t));
  if (t <= 0) return y + Math.LOG2E * Math.log1p(Math.pow(2, t));
  return t;
}

/**
 * npy_logaddexpf / npy_logaddexp2f: the same formulas in float32 arithmetic, every step rounded
 * to float32 (NumPy's float32 loop calls expf/log1pf; rounding V8's float64 results to float32
 * gives the correctly rounded float function almost always). Computing in float64 and rounding
 * once would be more accurate but differs from NumPy by thousands of ulps where x + log1p(...)
 * cancels.
 */
function logaddexp32(x: number, y: number): number {
  const r = Math.fround;
  if (x === y) return r(x + r(Math.LN2));
  const t = r(x - y);
  if (t > 0) return r(x + r(Math.log1p(r(Math.exp(-t)))));
  if (t <= 0) return r(y + r(Math.log1p(r(Math.exp(t)))));
  return t;
}

function logaddexp2_32(x: number, y: number): number {
  const r = Math.fround;
  const log2e = r(Math.LOG2E);
  if (x === y) return r(x + 1);
  const t = r(x - y);
  if (t > 0) return r(x + r(log2e * r(Math.log1p(r(Math.pow(2, -t))))));
  if (t <= 0) return r(y + r(log2e * r(Math.log1p(r(Math.pow(2, t))))));
  return t;
}

/** Integer floor division; NumPy returns 0 for a zero divisor (with a warning we do not raise). */
function floorDivideInt(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor(a / b);
}

function remainderInt(a: number, b: number): number {
  if (b === 0) return 0;
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

export const NEGATIVE_POWER_MESSAGE = "Integers to negative integer powers are not allowed.";

/** a ** b with wraparound; `mul` is the dtype's wrapping multiply. */
function powInt(a: number, b: number, mul: (x: number, y: number) => number): number {
  if (b < 0) throw new Error(NEGATIVE_POWER_MESSAGE);
  let r = 1;
  let base = a;
  let e = b;
  while (e > 0) {
    if (e % 2 === 1) r = mul(r, base);
    e = Math.floor(e / 2);
    if (e > 0) base = mul(base, base);
  }
  return r;
}

function gcdUnsigned(a: number, b: number): number {
  while (a !== 0) {
    const c = a;
    a = b % a;
    b = c;
  }
  return b;
}

function lcmUnsigned(a: number, b: number): number {
  const g = gcdUnsigned(a, b);
  return g === 0 ? 0 : Math.imul(a / g, b) >>> 0;
}

/** npy_gcd for signed types: the unsigned gcd of |a| and |b| (|INT32_MIN| = 2^31), wrapped back. */
function gcdSigned(a: number, b: number): number {
  return gcdUnsigned(Math.abs(a), Math.abs(b));
}

/** npy_lcm for signed types: |a| / gcd * |b| in unsigned arithmetic, wrapped back by the caller. */
function lcmSigned(a: number, b: number): number {
  return lcmUnsigned(Math.abs(a), Math.abs(b));
}

/** Everything generated loops may call, passed to them as `H`. */
export const H = {
  f2i32,
  f2u32,
  signbit: (x: number): number => (signbit(x) ? 1 : 0),
  copysign,
  nextafter64,
  nextafter32,
  spacing64,
  spacing32,
  rint,
  ldexp64,
  ldexp32,
  floorDivide64,
  floorDivide32,
  remainder64,
  remainder32,
  pow,
  logaddexp,
  logaddexp2,
  logaddexp32,
  logaddexp2_32,
  floorDivideInt,
  remainderInt,
  powInt,
  gcdSigned,
  gcdUnsigned,
  lcmSigned,
  lcmUnsigned,
  /** The outer min of NumPy 2's clip: a NaN first operand wins, a NaN bound wins by comparison. */
  clipHi: (m: number, hi: number): number => (m !== m ? m : m < hi ? m : hi),
};

export type Helpers = typeof H;
