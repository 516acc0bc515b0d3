// SPDX-License-Identifier: Apache-2.0
/**
 * NumPy's type promotion for numts's dtypes. numts has no int64/uint64/float16: where NumPy would
 * produce int64 or uint64 (int32 with uint32) numts produces float64, which holds every value of
 * both operands exactly; where NumPy would produce float16 numts produces float32.
 */
import { DtypeError } from "../errors.js";
import { type Dtype, dtypeKind } from "./dtype.js";

// np.promote_types over numts's dtypes, with the substitutions above.
const PROMOTE: Record<Dtype, Record<Dtype, Dtype>> = {
  bool: { bool: "bool", int8: "int8", uint8: "uint8", int16: "int16", uint16: "uint16", int32: "int32", uint32: "uint32", float32: "float32", float64: "float64" },
  int8: { bool: "int8", int8: "int8", uint8: "int16", int16: "int16", uint16: "int32", int32: "int32", uint32: "float64", float32: "float32", float64: "float64" },
  uint8: { bool: "uint8", int8: "int16", uint8: "uint8", int16: "int16", uint16: "uint16", int32: "int32", uint32: "uint32", float32: "float32", float64: "float64" },
  int16: { bool: "int16", int8: "int16", uint8: "int16", int16: "int16", uint16: "int32", int32: "int32", uint32: "float64", float32: "float32", float64: "float64" },
  uint16: { bool: "uint16", int8: "int32", uint8: "uint16", int16: "int32", uint16: "uint16", int32: "int32", uint32: "uint32", float32: "float32", float64: "float64" },
  int32: { bool: "int32", int8: "int32", uint8: "int32", int16: "int32", uint16: "int32", int32: "int32", uint32: "float64", float32: "float64", float64: "float64" },
  uint32: { bool: "uint32", int8: "float64", uint8: "uint32", int16: "float64", uint16: "uint32", int32: "float64", uint32: "uint32", float32: "float64", float64: "float64" },
  float32: { bool: "float32", int8: "float32", uint8: "float32", int16: "float32", uint16: "float32", int32: "float64", uint32: "float64", float32: "float32", float64: "float64" },
  float64: { bool: "float64", int8: "float64", uint8: "float64", int16: "float64", uint16: "float64", int32: "float64", uint32: "float64", float32: "float64", float64: "float64" },
};

/** `np.promote_types(a, b)`. */
export function promoteTypes(a: Dtype, b: Dtype): Dtype {
  return PROMOTE[a][b];
}

/**
 * A JS number or boolean used as an operand: NumPy 2's "weak" Python scalar (NEP 50). Integral
 * numbers behave like Python ints, other numbers (and NaN, ±Infinity) like Python floats.
 */
export type WeakKind = "bool" | "int" | "float";

export function weakKindOf(value: number | boolean): WeakKind {
  if (typeof value === "boolean") return "bool";
  return Number.isInteger(value) ? "int" : "float";
}

/** The dtype a weak scalar takes when it stands alone: bool, or float64 (numts's default for JS numbers). */
export function defaultDtypeOfWeak(kind: WeakKind): Dtype {
  return kind === "bool" ? "bool" : "float64";
}

/**
 * The integers each dtype holds exactly, for dtypes that store integer samples: bool, the integer
 * types, and float64 (the safe integers). float32 is left out: numts never stores integers in it.
 */
const INTEGER_RANGE: Readonly<Partial<Record<Dtype, readonly [number, number]>>> = {
  bool: [0, 1],
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  float64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

export function integerRange(dtype: Dtype): readonly [number, number] | undefined {
  return INTEGER_RANGE[dtype];
}

/** Whether integer `value` fits integer `dtype` (always true for float and bool targets). */
export function fitsInteger(value: number, dtype: Dtype): boolean {
  const k = dtypeKind(dtype);
  if (k === "f" || k === "b") return true;
  const [lo, hi] = INTEGER_RANGE[dtype]!;
  return value >= lo && value <= hi;
}

/** `np.can_cast(from, to, casting)` for numts's dtypes. */
export function canCast(from: Dtype, to: Dtype, casting: "no" | "equiv" | "safe" | "same_kind" | "unsafe"): boolean {
  if (from === to || casting === "unsafe") return true;
  if (casting === "no" || casting === "equiv") return false;
  if (casting === "safe") return PROMOTE[from][to] === to;
  const order = { b: 0, u: 1, i: 1, f: 2 } as const;
  return PROMOTE[from][to] === to || order[dtypeKind(from)] <= order[dtypeKind(to)];
}

/** Throws the error NumPy gives when a dtype is not allowed for an operation. */
export function unsupportedDtype(op: string, ...dtypes: Dtype[]): never {
  throw new DtypeError(
    `ufunc '${op}' did not contain a loop with signature matching types (${dtypes.map((d) => `dtype('${d}')`).join(", ")})`,
  );
}
