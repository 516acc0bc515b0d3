// SPDX-License-Identifier: Apache-2.0
/**
 * Getting views into the forms the addon takes: same-dtype typed arrays (bounds are checked by
 * asMat and expectOutput: native code must never read or write outside a buffer), work buffers filled by the native
 * strided gather, and read-only BLAS operands passed without a copy when one stride is 1.
 */
import { type Dtype, type TypedArray, storageOf } from "../../../array/dtype.js";
import { LinAlgError } from "../../../errors.js";
import type { View } from "../../view.js";
import { type Mat, asMat, loadRowMajor, transposed } from "../../ts/linalg/matrix.js";
import type { LapackAddon } from "./lapack-addon.js";

/** Whether the native kernels handle this dtype (otherwise the TypeScript kernel runs). */
export function nativeDtype(dtype: Dtype): dtype is "float64" | "float32" {
  return dtype === "float64" || dtype === "float32";
}

/** A zero-filled work buffer of `dtype`. */
export function alloc(dtype: Dtype, length: number): TypedArray {
  return new (storageOf(dtype))(Math.max(length, 1));
}

/** The view as a Mat over a typed array of `dtype` (converted into a row-major copy when the dtype differs). */
export function matOf(v: View, dtype: Dtype): Mat {
  const a = asMat(v);
  if (v.dtype === dtype) return a;
  const data = new (storageOf(dtype))(loadRowMajor(a));
  return { data, offset: 0, rows: a.rows, cols: a.cols, rs: a.cols, cs: 1 };
}

/** Copies `a` row-major into dst (leading dimension ld) at dstOffset. */
export function gatherRowMajor(addon: LapackAddon, a: Mat, dst: TypedArray, dstOffset: number, ld: number): void {
  if (a.rows === 0 || a.cols === 0) return;
  addon.gather(dst instanceof Float32Array, a.rows, a.cols, a.data, a.offset, a.rs, a.cs, dst, dstOffset, ld);
}

/** Copies `a` column-major into dst (leading dimension ld) at dstOffset. */
export function gatherColMajor(addon: LapackAddon, a: Mat, dst: TypedArray, dstOffset: number, ld: number): void {
  gatherRowMajor(addon, transposed(a), dst, dstOffset, ld);
}

/** A read-only operand for row-major CBLAS: the matrix itself, or (with `trans`) its transpose. */
export interface BlasMatrix {
  readonly data: TypedArray;
  readonly offset: number;
  readonly ld: number;
  /** The stored row-major matrix is the transpose of the operand. */
  readonly trans: boolean;
}

/** `a` as CBLAS can read it without a copy when a stride is 1, else a row-major copy. */
export function blasMatrix(addon: LapackAddon, a: Mat): BlasMatrix {
  if ((a.cs === 1 || a.cols <= 1) && a.rs >= Math.max(a.cols, 1)) return { data: a.data, offset: a.offset, ld: a.rs, trans: false };
  if ((a.rs === 1 || a.rows <= 1) && a.cs >= Math.max(a.rows, 1)) return { data: a.data, offset: a.offset, ld: a.cs, trans: true };
  const data = new (a.data.constructor as new (n: number) => TypedArray)(Math.max(a.rows * a.cols, 1));
  gatherRowMajor(addon, a, data, 0, a.cols);
  return { data, offset: 0, ld: Math.max(a.cols, 1), trans: false };
}

/** A negative INFO is an argument error: a bug in numts, never the user's input. */
export function check(info: number, routine: string): void {
  if (info < 0) throw new LinAlgError(`internal error: LAPACK ${routine} rejected argument ${-info}`);
}
