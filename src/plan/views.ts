// SPDX-License-Identifier: Apache-2.0
/**
 * Metadata-only array transformations: the result shares the source's blocks through views with
 * rearranged strides (a deferred transpose costs no copy; kernels and BLAS read the strides).
 */
import { ArrayGrid } from "../array/grid.js";
import { ArrayData, type Slot } from "./array-data.js";
import { materialize } from "./materialize.js";

function sharing(a: ArrayData, grid: ArrayGrid, mapSlot: (s: Slot) => Slot, order?: (entry: number[]) => number): ArrayData {
  materialize(a);
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const src = a.slots[order ? order(entry) : slots.length]!;
    src.block.retain();
    slots.push(mapSlot(src));
  }
  return ArrayData.fromSlots(grid, a.dtype, slots);
}

/** Permutes axes: result axis i is source axis perm[i]. */
export function transposeView(a: ArrayData, perm: readonly number[]): ArrayData {
  const grid = ArrayGrid.fromChunks(
    perm.map((p) => a.shape[p]!),
    perm.map((p) => a.grid.chunks[p]!),
  );
  return sharing(
    a,
    grid,
    (s) => ({ block: s.block, offset: s.offset, strides: perm.map((p) => s.strides[p]!) }),
    (entry) => {
      const src = new Array<number>(perm.length);
      perm.forEach((p, i) => (src[p] = entry[i]!));
      return a.grid.flatIndex(src);
    },
  );
}

/** Removes length-1 `axes` (sorted, distinct). */
export function squeezeView(a: ArrayData, axes: readonly number[]): ArrayData {
  const keep = a.shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const grid = ArrayGrid.fromChunks(
    keep.map((i) => a.shape[i]!),
    keep.map((i) => a.grid.chunks[i]!),
  );
  return sharing(a, grid, (s) => ({ block: s.block, offset: s.offset, strides: keep.map((i) => s.strides[i]!) }));
}

/** Inserts length-1 axes at result positions `axes` (sorted, distinct). */
export function expandDimsView(a: ArrayData, axes: readonly number[]): ArrayData {
  const ndim = a.ndim + axes.length;
  const shape: number[] = [];
  const chunks: number[][] = [];
  const from: number[] = [];
  let j = 0;
  for (let i = 0; i < ndim; i++) {
    if (axes.includes(i)) {
      shape.push(1);
      chunks.push([1]);
      from.push(-1);
    } else {
      shape.push(a.shape[j]!);
      chunks.push([...a.grid.chunks[j]!]);
      from.push(j++);
    }
  }
  const grid = ArrayGrid.fromChunks(shape, chunks);
  return sharing(a, grid, (s) => ({ block: s.block, offset: s.offset, strides: from.map((f) => (f < 0 ? 0 : s.strides[f]!)) }));
}
