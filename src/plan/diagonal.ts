// SPDX-License-Identifier: Apache-2.0
/**
 * Diagonals as views. Along the diagonal of the last two axes, every run of elements inside one
 * block is a strided view of that block (stride = row stride + column stride), so the diagonal is
 * cut wherever it crosses a row or column block boundary and costs no copy.
 */
import { ArrayGrid } from "../array/grid.js";
import { ArrayData, type Slot } from "./array-data.js";
import { materialize } from "./materialize.js";

/**
 * The `offset`-th diagonal of the last two axes of `x` (offset > 0 above the main diagonal),
 * as a new last axis after the other axes.
 */
export function diagonalView(x: ArrayData, offset: number): ArrayData {
  materialize(x);
  const nd = x.ndim;
  const [rowAxis, colAxis] = [nd - 2, nd - 1];
  const r0 = Math.max(0, -offset);
  const c0 = Math.max(0, offset);
  const len = Math.max(0, Math.min(x.shape[rowAxis]! - r0, x.shape[colAxis]! - c0));
  // Cut points along the diagonal: where its row or column enters a new block.
  const cuts = new Set<number>([0, len]);
  for (const b of x.grid.boundaries(rowAxis)) if (b - r0 > 0 && b - r0 < len) cuts.add(b - r0);
  for (const b of x.grid.boundaries(colAxis)) if (b - c0 > 0 && b - c0 < len) cuts.add(b - c0);
  const points = [...cuts].sort((a, b) => a - b);
  const runs = len === 0 ? [] : points.slice(0, -1).map((t, i) => ({ t, len: points[i + 1]! - t }));
  const batch = x.shape.slice(0, rowAxis);
  const grid = ArrayGrid.fromChunks(
    [...batch, len],
    [...x.grid.chunks.slice(0, rowAxis).map((c) => [...c]), runs.map((r) => r.len)],
  );
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const { t } = runs[entry[rowAxis]!]!;
    const row = r0 + t;
    const col = c0 + t;
    const srcEntry = [...entry.slice(0, rowAxis), x.grid.chunkIndexOf(rowAxis, row), x.grid.chunkIndexOf(colAxis, col)];
    const slot = x.slots[x.grid.flatIndex(srcEntry)]!;
    const start = x.grid.blockStart(srcEntry);
    const [sr, sc] = [slot.strides[rowAxis]!, slot.strides[colAxis]!];
    slots.push({
      block: slot.block.retain(),
      offset: slot.offset + (row - start[rowAxis]!) * sr + (col - start[colAxis]!) * sc,
      strides: [...slot.strides.slice(0, rowAxis), sr + sc],
    });
  }
  return ArrayData.fromSlots(grid, x.dtype, slots);
}
