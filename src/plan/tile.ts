// SPDX-License-Identifier: Apache-2.0
/**
 * `np.tile` without gathering: along an axis the source is split across blocks, the result's
 * chunks are the source's chunks repeated and every block is a view of a source block. Along an
 * axis the source holds in one block shorter than a good block, whole periods are grouped into
 * one result block: the block is written as (periods × period length) along that axis, by one
 * `repeat` op that writes the period once and doubles it, or by one `assemble` op reading the
 * source through a zero-stride periods axis when several axes are grouped.
 */
import { defaultBlockShape } from "../array/block-shape.js";
import { itemSize } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { sizeOf, stridesOf } from "../array/shape.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { context } from "./context.js";
import { materialize } from "./materialize.js";
import { submitOp } from "./submit.js";

/** `x` repeated `reps[d]` times along each axis d (x already has reps.length axes). */
export function tile(x: ArrayData, reps: readonly number[]): ArrayData {
  materialize(x);
  const shape = x.shape.map((n, d) => n * reps[d]!);
  if (sizeOf(shape) === 0) return ArrayData.fromSlots(ArrayGrid.fromChunks(shape, shape.map((n) => (n === 0 ? [] : [n]))), x.dtype, []);
  const ctx = context();
  const target = defaultBlockShape(shape, itemSize(x.dtype), ctx.workers);
  // Periods per result block along each axis (1: chunks follow the source's chunks).
  const group = x.shape.map((n, d) => (x.grid.chunks[d]!.length === 1 && n < target[d]! ? Math.max(1, Math.min(reps[d]!, Math.floor(target[d]! / n))) : 1));
  const chunks = x.shape.map((n, d) => {
    const g = group[d]!;
    if (g === 1) return Array.from({ length: reps[d]! }, () => x.grid.chunks[d]!).flat();
    const full = Math.floor(reps[d]! / g);
    const rest = reps[d]! % g;
    return [...new Array<number>(full).fill(g * n), ...(rest > 0 ? [rest * n] : [])];
  });
  const grid = ArrayGrid.fromChunks(shape, chunks);
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const blockShape = grid.blockShapeAt(entry);
    const srcEntry = entry.map((e, d) => (group[d]! > 1 ? 0 : e % x.grid.gridShape[d]!));
    const slot = x.slots[x.grid.flatIndex(srcEntry)]!;
    const periods = blockShape.map((b, d) => (group[d]! > 1 ? b / x.shape[d]! : 1));
    if (periods.every((p) => p === 1)) {
      slots.push({ block: slot.block.retain(), offset: slot.offset, strides: [...slot.strides] });
      continue;
    }
    // Each grouped axis becomes (periods, period length) with a zero stride over the periods; the
    // contiguous output block has the same memory whichever way its axes are split.
    const viewShape: number[] = [];
    const viewStrides: number[] = [];
    blockShape.forEach((b, d) => {
      if (periods[d]! > 1) {
        viewShape.push(periods[d]!, x.shape[d]!);
        viewStrides.push(0, slot.strides[d]!);
      } else {
        viewShape.push(b);
        viewStrides.push(slot.strides[d]!);
      }
    });
    const owner = ownerOf(entry, grid.gridShape, ctx.scheduler.nodes);
    const input = { block: slot.block, offset: slot.offset, shape: viewShape, strides: viewStrides };
    const grouped = periods.flatMap((p, d) => (p > 1 ? [d] : []));
    // One grouped axis: the `repeat` kernel writes the period once and doubles it; several: copy.
    const periodAxis = grouped.length === 1 ? grouped[0]! + grouped.filter((d) => d < grouped[0]!).length : -1;
    const { outputs } =
      periodAxis >= 0
        ? submitOp({
            kernel: "repeat",
            attrs: { axis: periodAxis, counts: periods[grouped[0]!]!, skip: 0 },
            inputs: [{ ...input, shape: viewShape.map((n, i) => (i === periodAxis ? 1 : n)) }],
            outputs: [{ dtype: x.dtype, shape: viewShape }],
            owner,
            final: true,
          })
        : submitOp({
            kernel: "assemble",
            attrs: { starts: [viewShape.map(() => 0)], fill: 0 },
            inputs: [input],
            outputs: [{ dtype: x.dtype, shape: viewShape }],
            owner,
            final: true,
          });
    slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(blockShape) });
  }
  return ArrayData.fromSlots(grid, x.dtype, slots);
}
