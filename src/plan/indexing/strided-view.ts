// SPDX-License-Identifier: Apache-2.0
/**
 * Basic indexing as views: every result axis reads one source axis at `start + i * step` (a
 * slice, a flip, a stride) or is a new axis, and the other source axes are fixed (integers). The
 * result's chunks are cut at the source's chunk boundaries, so each result block lies inside one
 * source block and is a view of it (offset and strides): no op runs and no data moves.
 */
import { ArrayGrid } from "../../array/grid.js";
import { ArrayData, type Slot } from "../array-data.js";
import { materialize } from "../materialize.js";

/** One result axis: source positions `start + i * step` for `i < length` along `axis`, or newaxis. */
export type ViewDim =
  | { readonly kind: "affine"; readonly axis: number; readonly start: number; readonly step: number; readonly length: number }
  | { readonly kind: "newaxis" };

/** A run of result positions inside one source chunk: `len` positions from `local` in `chunk`. */
export interface Run {
  readonly len: number;
  readonly chunk: number;
  readonly local: number;
}

/** The runs of `start + i * step` (`i < length`) along `axis` of `grid`, split at its chunks. */
export function affineRuns(grid: ArrayGrid, axis: number, start: number, step: number, length: number): Run[] {
  const bounds = grid.boundaries(axis);
  const runs: Run[] = [];
  for (let i = 0; i < length; ) {
    const c = start + i * step;
    const chunk = grid.chunkIndexOf(axis, c);
    const room =
      step === 0 ? length - i : step > 0 ? Math.floor((bounds[chunk + 1]! - 1 - c) / step) + 1 : Math.floor((c - bounds[chunk]!) / -step) + 1;
    const len = Math.min(length - i, room);
    runs.push({ len, chunk, local: c - bounds[chunk]! });
    i += len;
  }
  return runs;
}

/** The runs of each result dim (newaxis: one run of length 1). */
export function runsOf(grid: ArrayGrid, dims: readonly ViewDim[]): Run[][] {
  return dims.map((d) => (d.kind === "newaxis" ? [{ len: 1, chunk: 0, local: 0 }] : affineRuns(grid, d.axis, d.start, d.step, d.length)));
}

/** The chunks a result grid takes from runs (an empty axis has none). */
export function chunksOfRuns(runs: readonly (readonly Run[])[]): number[][] {
  return runs.map((r) => r.map((x) => x.len));
}

/**
 * `x` read through `dims` with source axes `fixed[axis]` (non-null) held at one position: every
 * block a view of one source block.
 */
export function stridedView(x: ArrayData, dims: readonly ViewDim[], fixed: readonly (number | null)[]): ArrayData {
  materialize(x);
  const runs = runsOf(x.grid, dims);
  const shape = dims.map((d) => (d.kind === "newaxis" ? 1 : d.length));
  const grid = ArrayGrid.fromChunks(shape, chunksOfRuns(runs));
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const src = new Array<number>(x.ndim).fill(0);
    const local = new Array<number>(x.ndim).fill(0);
    fixed.forEach((f, axis) => {
      if (f === null) return;
      src[axis] = x.grid.chunkIndexOf(axis, f);
      local[axis] = f - x.grid.boundaries(axis)[src[axis]!]!;
    });
    dims.forEach((d, i) => {
      if (d.kind === "newaxis") return;
      const run = runs[i]![entry[i]!]!;
      src[d.axis] = run.chunk;
      local[d.axis] = run.local;
    });
    const slot = x.slots[x.grid.flatIndex(src)]!;
    let offset = slot.offset;
    local.forEach((l, axis) => (offset += l * slot.strides[axis]!));
    const strides = dims.map((d) => (d.kind === "newaxis" ? 0 : d.step * slot.strides[d.axis]!));
    slots.push({ block: slot.block.retain(), offset, strides });
  }
  return ArrayData.fromSlots(grid, x.dtype, slots);
}
