// SPDX-License-Identifier: Apache-2.0
/**
 * A contiguous range along one axis as a view: the blocks overlapping the range are shared, the
 * first and last cut by offsetting their slots. Metadata only (trace's offset diagonals use it).
 */
import { ArrayGrid } from "../array/grid.js";
import { ArrayData, type Slot } from "./array-data.js";
import { materialize } from "./materialize.js";

/** `a` restricted to `[start, stop)` along `axis` (0 <= start <= stop <= length). */
export function rangeView(a: ArrayData, axis: number, start: number, stop: number): ArrayData {
  materialize(a);
  const bounds = a.grid.boundaries(axis);
  const pieces: { chunk: number; skip: number; length: number }[] = [];
  a.grid.chunks[axis]!.forEach((_, c) => {
    const lo = Math.max(bounds[c]!, start);
    const hi = Math.min(bounds[c + 1]!, stop);
    if (lo < hi) pieces.push({ chunk: c, skip: lo - bounds[c]!, length: hi - lo });
  });
  const grid = ArrayGrid.fromChunks(
    a.shape.map((n, d) => (d === axis ? stop - start : n)),
    a.grid.chunks.map((c, d) => (d === axis ? pieces.map((p) => p.length) : c)),
  );
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const piece = pieces[entry[axis]!]!;
    const src = a.slots[a.grid.flatIndex(entry.map((e, d) => (d === axis ? piece.chunk : e)))]!;
    src.block.retain();
    slots.push({ block: src.block, offset: src.offset + piece.skip * src.strides[axis]!, strides: src.strides });
  }
  return ArrayData.fromSlots(grid, a.dtype, slots);
}
