// SPDX-License-Identifier: Apache-2.0
/** Helpers of the indexing kernels: element offsets of sub-shapes, copies of views, the status. */
import type { View } from "../../view.js";
import { coalesce, forEachRun, sizeOf } from "../nd-iter.js";

/** The offset of every element of `shape` (C order) under `strides`, relative to the first. */
export function relativeOffsets(shape: readonly number[], strides: readonly number[]): Int32Array {
  const out = new Int32Array(sizeOf(shape));
  const nd = shape.length;
  if (out.length === 0) return out;
  const idx = new Array<number>(nd).fill(0);
  let off = 0;
  for (let i = 0; i < out.length; i++) {
    out[i] = off;
    for (let d = nd - 1; d >= 0; d--) {
      off += strides[d]!;
      if (++idx[d]! < shape[d]!) break;
      off -= strides[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
  return out;
}

/** Copies view `src` into the contiguous output `out` of the same shape. */
export function copyInto(src: View, out: View): void {
  if (sizeOf(src.shape) === 0) return;
  const { shape, strides } = coalesce(src.shape, [src.strides, out.strides]);
  const last = shape.length - 1;
  const n = shape[last]!;
  const ss = strides[0]![last]!;
  const os = strides[1]![last]!;
  const sd = src.data;
  const od = out.data;
  forEachRun(shape, [src.offset, out.offset], strides, ([si, oi]) => {
    if (ss === 1 && os === 1) od.set(sd.subarray(si!, si! + n), oi!);
    else for (let k = 0, s = si!, o = oi!; k < n; k++, s += ss, o += os) od[o] = sd[s]!;
  });
}

/** An error that crosses the worker boundary and revives as numts's IndexError. */
export function indexError(message: string): Error {
  const e = new Error(message);
  e.name = "IndexError";
  return e;
}

/** Fails with NumPy's IndexError when the status view reports an out-of-bounds index value. */
export function throwIfOutOfBounds(status: View): void {
  const s = status.data;
  const o = status.offset;
  if (s[o] !== 1) return;
  throw indexError(`index ${s[o + 3]} is out of bounds for axis ${s[o + 4]} with size ${s[o + 5]}`);
}

/** `v` read as an index along an axis of `size` (negative values count from the end). */
export function normalized(v: number, size: number): number {
  return v < 0 ? v + size : v;
}
