// SPDX-License-Identifier: Apache-2.0
/**
 * Source-text helpers for generated loops: how a JS number expression is brought back into a
 * dtype's value set. Registers hold plain JS numbers: bool as 0/1, integers as their exact value,
 * float32 as a float32-representable double.
 */
import type { Dtype } from "../../../array/dtype.js";

/** Bit width of each integer dtype (0 for bool and floats). */
export const INT_BITS: Record<Dtype, number> = {
  bool: 0,
  int8: 8,
  uint8: 8,
  int16: 16,
  uint16: 16,
  int32: 32,
  uint32: 32,
  float32: 0,
  float64: 0,
};

export function isSigned(dt: Dtype): boolean {
  return dt === "int8" || dt === "int16" || dt === "int32";
}

/**
 * `e` reduced into `dt` with C's modular (wraparound) semantics for integers and rounding for
 * float32. `e` must be an exact integer below 2^53 for integer dtypes (use Math.imul for
 * 32-bit products), so the bit operations see the exact value.
 */
export function wrap(dt: Dtype, e: string): string {
  switch (dt) {
    case "bool":
      return `((${e}) !== 0 ? 1 : 0)`;
    case "int8":
      return `((${e}) << 24 >> 24)`;
    case "uint8":
      return `((${e}) & 255)`;
    case "int16":
      return `((${e}) << 16 >> 16)`;
    case "uint16":
      return `((${e}) & 65535)`;
    case "int32":
      return `((${e}) | 0)`;
    case "uint32":
      return `((${e}) >>> 0)`;
    case "float32":
      return `Math.fround(${e})`;
    case "float64":
      return `(${e})`;
  }
}

/** A runtime version of `wrap` for helpers that cannot inline source text. */
export function wrapValue(dt: Dtype, v: number): number {
  switch (dt) {
    case "bool":
      return v !== 0 ? 1 : 0;
    case "int8":
      return (v << 24) >> 24;
    case "uint8":
      return v & 255;
    case "int16":
      return (v << 16) >> 16;
    case "uint16":
      return v & 65535;
    case "int32":
      return v | 0;
    case "uint32":
      return v >>> 0;
    case "float32":
      return Math.fround(v);
    case "float64":
      return v;
  }
}

/** NumPy truthiness as a 0/1 expression: nonzero, and NaN counts as true (unlike JS). */
export function truth(e: string): string {
  return `((${e}) !== 0 ? 1 : 0)`;
}
