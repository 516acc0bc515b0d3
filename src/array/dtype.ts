// SPDX-License-Identifier: Apache-2.0
/** The dtypes numts supports, with NumPy's names, and their storage. */
import { DtypeError } from "../errors.js";

export const DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "float32", "float64"] as const;
export type Dtype = (typeof DTYPES)[number];

export type TypedArray =
  | Float64Array
  | Float32Array
  | Int32Array
  | Int16Array
  | Int8Array
  | Uint32Array
  | Uint16Array
  | Uint8Array;

export type TypedArrayConstructor =
  | Float64ArrayConstructor
  | Float32ArrayConstructor
  | Int32ArrayConstructor
  | Int16ArrayConstructor
  | Int8ArrayConstructor
  | Uint32ArrayConstructor
  | Uint16ArrayConstructor
  | Uint8ArrayConstructor;

interface DtypeInfo {
  readonly itemSize: number;
  readonly kind: "b" | "i" | "u" | "f";
  readonly storage: TypedArrayConstructor;
}

const INFO: Record<Dtype, DtypeInfo> = {
  bool: { itemSize: 1, kind: "b", storage: Uint8Array },
  int8: { itemSize: 1, kind: "i", storage: Int8Array },
  uint8: { itemSize: 1, kind: "u", storage: Uint8Array },
  int16: { itemSize: 2, kind: "i", storage: Int16Array },
  uint16: { itemSize: 2, kind: "u", storage: Uint16Array },
  int32: { itemSize: 4, kind: "i", storage: Int32Array },
  uint32: { itemSize: 4, kind: "u", storage: Uint32Array },
  float32: { itemSize: 4, kind: "f", storage: Float32Array },
  float64: { itemSize: 8, kind: "f", storage: Float64Array },
};

/** Index of each dtype in DTYPES: a stable small integer, used as a code in kernels. */
export const DTYPE_CODE: Record<Dtype, number> = Object.fromEntries(DTYPES.map((d, i) => [d, i])) as Record<
  Dtype,
  number
>;

export function itemSize(dtype: Dtype): number {
  return INFO[dtype].itemSize;
}

export function dtypeKind(dtype: Dtype): "b" | "i" | "u" | "f" {
  return INFO[dtype].kind;
}

export function isFloat(dtype: Dtype): boolean {
  return INFO[dtype].kind === "f";
}

export function isInteger(dtype: Dtype): boolean {
  const k = INFO[dtype].kind;
  return k === "i" || k === "u";
}

export function storageOf(dtype: Dtype): TypedArrayConstructor {
  return INFO[dtype].storage;
}

export function isDtype(value: unknown): value is Dtype {
  return typeof value === "string" && Object.prototype.hasOwnProperty.call(INFO, value);
}

/** Validates a user-supplied dtype, naming the argument in the error. */
export function parseDtype(value: unknown, what = "dtype"): Dtype {
  if (isDtype(value)) return value;
  throw new DtypeError(`${what}: data type ${JSON.stringify(value)} not understood (expected one of ${DTYPES.join(", ")})`);
}

/** A typed array of `length` elements of `dtype` over `buffer` starting at element `offset`. */
export function typedView(dtype: Dtype, buffer: ArrayBufferLike, offset: number, length: number): TypedArray {
  const ctor = INFO[dtype].storage as unknown as new (b: ArrayBufferLike, byteOffset: number, n: number) => TypedArray;
  return new ctor(buffer, offset * INFO[dtype].itemSize, length);
}

/** A fresh (non-shared) typed array of `dtype`. */
export function allocTyped(dtype: Dtype, length: number): TypedArray {
  return new INFO[dtype].storage(length);
}

/** The dtype a typed array stores, or null for types numts does not support (e.g. BigInt64Array). */
export function dtypeOfTyped(data: ArrayBufferView): Dtype | null {
  if (data instanceof Float64Array) return "float64";
  if (data instanceof Float32Array) return "float32";
  if (data instanceof Int32Array) return "int32";
  if (data instanceof Int16Array) return "int16";
  if (data instanceof Int8Array) return "int8";
  if (data instanceof Uint32Array) return "uint32";
  if (data instanceof Uint16Array) return "uint16";
  if (data instanceof Uint8Array) return "uint8";
  return null;
}
