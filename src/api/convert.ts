// SPDX-License-Identifier: Apache-2.0
/**
 * Turning user arguments into planner inputs. Anywhere an array is accepted, a BlockArray, a local
 * NDArray, nested JS arrays, a TypedArray, or a JS number/boolean (a weak 0-d scalar) is accepted.
 */
import { defaultBlockShape } from "../array/block-shape.js";
import { type Dtype, dtypeOfTyped, itemSize } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { type Nested, NDArray } from "../array/ndarray.js";
import { fromNested } from "../array/nested.js";
import { type WeakKind, weakKindOf } from "../array/promotion.js";
import { describe } from "../array/shape.js";
import type { TypedArray } from "../array/dtype.js";
import type { ArrayData } from "../plan/array-data.js";
import { context } from "../plan/context.js";
import { upload } from "../plan/transfer-local.js";
import { BlockArray } from "./block-array.js";

export type ArrayLike = BlockArray | NDArray | TypedArray | Nested;

/** An operand as ufuncs see it: an array, or a weak scalar. */
export type Operand =
  | { readonly kind: "array"; readonly data: ArrayData }
  | { readonly kind: "scalar"; readonly value: number | boolean; readonly weak: WeakKind };

export function wrap(data: ArrayData): BlockArray {
  return new BlockArray(data);
}

/** The default layout for an array of this shape and dtype on the current cluster. */
export function defaultGrid(shape: readonly number[], dtype: Dtype, blockShape?: readonly number[]): ArrayGrid {
  return ArrayGrid.regular(shape, blockShape ?? defaultBlockShape(shape, itemSize(dtype), context().workers));
}

/** A local NDArray for local data (nested arrays, typed arrays, numbers), or null for a BlockArray. */
export function toLocal(x: ArrayLike, what: string, dtype?: Dtype): NDArray | null {
  if (x instanceof BlockArray) return null;
  if (x instanceof NDArray) return x;
  if (ArrayBuffer.isView(x)) {
    const dt = dtypeOfTyped(x);
    if (!dt) throw new TypeError(`${what}: ${x.constructor.name} is not a supported array type`);
    return new NDArray(x as TypedArray, [(x as TypedArray).length], dt);
  }
  if (typeof x === "number" || typeof x === "boolean" || Array.isArray(x)) return fromNested(x, dtype);
  throw new TypeError(`${what}: expected an array-like (BlockArray, NDArray, nested array or number), got ${describe(x)}`);
}

/** The planner array for any array-like (local data is uploaded with the default layout). */
export function toData(x: ArrayLike, what: string): ArrayData {
  if (x instanceof BlockArray) return x.data;
  const local = toLocal(x, what)!;
  return upload(local, defaultGrid(local.shape, local.dtype));
}

/** Whether `toData` created the array (so the caller must release it after use). */
export function isTemporary(x: ArrayLike): boolean {
  return !(x instanceof BlockArray);
}

export function toOperand(x: ArrayLike, what: string): Operand {
  if (typeof x === "number" || typeof x === "boolean") return { kind: "scalar", value: x, weak: weakKindOf(x) };
  return { kind: "array", data: toData(x, what) };
}

/** Releases arrays `toOperand`/`toData` created from local data (BlockArrays are the user's). */
export function releaseTemporaries(inputs: readonly ArrayLike[], operands: readonly (Operand | ArrayData)[]): void {
  operands.forEach((o, i) => {
    if (!isTemporary(inputs[i]!)) return;
    if ("kind" in o) {
      if (o.kind === "array") o.data.release();
    } else o.release();
  });
}
