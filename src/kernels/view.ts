// SPDX-License-Identifier: Apache-2.0
/**
 * What a kernel sees of a block: a typed array over the block's whole buffer plus an n-d view
 * (element offset, shape, element strides). Strides may be 0 (broadcast) or permuted (a deferred
 * transpose), so kernels run on views without copies; outputs are always contiguous C order.
 */
import type { Dtype, TypedArray } from "../array/dtype.js";

export interface View {
  readonly dtype: Dtype;
  /** Typed array of `dtype` over the whole underlying buffer. */
  readonly data: TypedArray;
  readonly offset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

/** Whether the view is dense C-order (so `data.subarray(offset, offset + size)` is the view). */
export function isContiguous(view: Pick<View, "shape" | "strides">): boolean {
  let expected = 1;
  for (let i = view.shape.length - 1; i >= 0; i--) {
    if (view.shape[i] !== 1 && view.strides[i] !== expected) return false;
    expected *= view.shape[i]!;
  }
  return true;
}
