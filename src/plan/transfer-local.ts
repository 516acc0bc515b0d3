// SPDX-License-Identifier: Apache-2.0
/**
 * Moving data between the driver's local NDArrays and distributed arrays: upload splits an NDArray
 * into blocks placed on their owners; download gathers every block (waiting for it) into one
 * contiguous NDArray.
 */
import { forEachInBox } from "../array/box.js";
import { type TypedArray, allocTyped } from "../array/dtype.js";
import type { ArrayGrid } from "../array/grid.js";
import { NDArray } from "../array/ndarray.js";
import { sizeOf, stridesOf } from "../array/shape.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { context, requireRuntime } from "./context.js";
import { materialize } from "./materialize.js";

/** Copies an n-d box between two C-order arrays (row by row along the last axis). */
function copyBox(
  src: TypedArray,
  srcStrides: readonly number[],
  srcOffset: number,
  dst: TypedArray,
  dstStrides: readonly number[],
  dstOffset: number,
  shape: readonly number[],
  srcLastStride = 1,
): void {
  const nd = shape.length;
  if (nd === 0) {
    dst[dstOffset] = src[srcOffset]!;
    return;
  }
  if (shape.some((d) => d === 0)) return;
  const row = shape[nd - 1]!;
  const outer = shape.slice(0, -1);
  forEachInBox(
    outer.map(() => 0),
    outer.map((d) => d - 1),
    (idx) => {
      let s = srcOffset;
      let d = dstOffset;
      idx.forEach((i, k) => {
        s += i * srcStrides[k]!;
        d += i * dstStrides[k]!;
      });
      if (srcLastStride === 1) dst.set(src.subarray(s, s + row), d);
      else for (let j = 0; j < row; j++) dst[d + j] = src[s + j * srcLastStride]!;
    },
  );
}

/** Splits a local array into blocks of `grid`, each stored on its owner node. */
export function upload(local: NDArray, grid: ArrayGrid): ArrayData {
  const ctx = context();
  const runtime = ctx.executor;
  const globalStrides = stridesOf(local.shape);
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const shape = grid.blockShapeAt(entry);
    const start = grid.blockStart(entry);
    const data = allocTyped(local.dtype, sizeOf(shape));
    let offset = 0;
    start.forEach((s, k) => (offset += s * globalStrides[k]!));
    copyBox(local.data, globalStrides, offset, data, stridesOf(shape), 0, shape);
    const block = runtime.newBlock(local.dtype, shape);
    const node = ownerOf(entry, grid.gridShape, ctx.scheduler.nodes);
    ctx.scheduler.addBlock(block.id, block.nbytes, node);
    runtime.put(block, node, data);
    slots.push({ block, offset: 0, strides: stridesOf(shape) });
  }
  return ArrayData.fromSlots(grid, local.dtype, slots);
}

/** Materializes `a` if lazy and waits until all its blocks are computed. */
export async function waitFor(a: ArrayData): Promise<void> {
  materialize(a);
  a.retain();
  try {
    await Promise.all(a.slots.map((s) => s.block.ready));
  } finally {
    a.release();
  }
}

/** Waits for every block and gathers the array into one local NDArray. */
export async function download(a: ArrayData): Promise<NDArray> {
  materialize(a);
  const runtime = requireRuntime(context());
  a.retain();
  try {
    const out = NDArray.zeros(a.shape, a.dtype);
    const outStrides = stridesOf(a.shape);
    await Promise.all(a.slots.map((s) => s.block.ready));
    let i = 0;
    for (const entry of a.grid.entries()) {
      const slot = a.slots[i++]!;
      const data = await runtime.read(slot.block);
      const start = a.grid.blockStart(entry);
      let dstOffset = 0;
      start.forEach((s, k) => (dstOffset += s * outStrides[k]!));
      copyStrided(data, slot, out.data, outStrides, dstOffset, a.grid.blockShapeAt(entry));
    }
    return out;
  } finally {
    a.release();
  }
}

/** Copies a slot's view (arbitrary strides) into a C-order destination box. */
function copyStrided(
  src: TypedArray,
  slot: Slot,
  dst: TypedArray,
  dstStrides: readonly number[],
  dstOffset: number,
  shape: readonly number[],
): void {
  const nd = shape.length;
  const last = nd > 0 ? slot.strides[nd - 1]! : 1;
  copyBox(src, slot.strides, slot.offset, dst, dstStrides, dstOffset, shape, last);
}
