// SPDX-License-Identifier: Apache-2.0
/**
 * Building an array's blocks from pieces of other arrays' blocks: the common core of
 * concatenation, slicing, flips, rolls, padding and re-blocking. A block that one piece covers
 * exactly becomes that view (offset and strides on the source block: no copy, no op); any other
 * block is assembled on its owner by one `assemble` op from its pieces, with a fill value where
 * no piece writes.
 */
import type { Dtype } from "../array/dtype.js";
import type { ArrayGrid } from "../array/grid.js";
import { shapesEqual, stridesOf } from "../array/shape.js";
import type { InputView } from "../runtime/runtime.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import type { Region } from "./align.js";
import { context } from "./context.js";
import { submitOp } from "./submit.js";

/** A view on a source block written at `at` (coordinates within the output block). */
export interface Piece {
  readonly view: InputView;
  readonly at: readonly number[];
}

/** What one output block is made of. */
export interface BlockRecipe {
  readonly pieces: readonly Piece[];
  /** The value of elements no piece covers (already in the output dtype). */
  readonly fill?: number;
}

/**
 * A materialized array of `grid` whose block at each entry is made from `recipe(entry, shape)`.
 * The pieces' blocks must stay held by the caller until this returns.
 */
export function compose(grid: ArrayGrid, dtype: Dtype, recipe: (entry: readonly number[], shape: readonly number[]) => BlockRecipe): ArrayData {
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const shape = grid.blockShapeAt(entry);
    const { pieces, fill = 0 } = recipe(entry, shape);
    const only = pieces.length === 1 ? pieces[0]! : null;
    if (only && only.at.every((a) => a === 0) && shapesEqual(only.view.shape, shape) && only.view.block.dtype === dtype) {
      slots.push({ block: only.view.block.retain(), offset: only.view.offset, strides: [...only.view.strides] });
      continue;
    }
    const { outputs } = submitOp({
      kernel: "assemble",
      attrs: { starts: pieces.map((p) => p.at), fill },
      inputs: pieces.map((p) => p.view),
      outputs: [{ dtype, shape }],
      owner: ownerOf(entry, grid.gridShape, nodes),
      final: true,
    });
    slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(shape) });
  }
  return ArrayData.fromSlots(grid, dtype, slots);
}

/**
 * The pieces of materialized `src` covering `region` (source coordinates), each placed at
 * `at + (its start - region start)`: one view per source block the region meets.
 */
export function piecesOfRegion(src: ArrayData, region: Region, at: readonly number[]): Piece[] {
  const grid = src.grid;
  if (region.some(([a, b]) => b <= a)) return [];
  const lo = region.map(([a], d) => grid.chunkIndexOf(d, a));
  const hi = region.map(([, b], d) => grid.chunkIndexOf(d, b - 1));
  const pieces: Piece[] = [];
  const entry = [...lo];
  for (;;) {
    const slot = src.slots[grid.flatIndex(entry)]!;
    const start = grid.blockStart(entry);
    const shape = grid.blockShapeAt(entry);
    const from = region.map(([a], d) => Math.max(a, start[d]!));
    const to = region.map(([, b], d) => Math.min(b, start[d]! + shape[d]!));
    let offset = slot.offset;
    from.forEach((f, d) => (offset += (f - start[d]!) * slot.strides[d]!));
    pieces.push({
      view: { block: slot.block, offset, shape: to.map((t, d) => t - from[d]!), strides: slot.strides },
      at: from.map((f, d) => at[d]! + f - region[d]![0]),
    });
    let d = entry.length - 1;
    while (d >= 0 && entry[d] === hi[d]) {
      entry[d] = lo[d]!;
      d--;
    }
    if (d < 0) break;
    entry[d]!++;
  }
  return pieces;
}

/**
 * `src` (materialized) in the layout `grid`: blocks inside one source block are views, others are
 * assembled from the pieces that cover them.
 */
export function regrid(src: ArrayData, grid: ArrayGrid): ArrayData {
  if (src.grid.equals(grid)) {
    for (const s of src.slots) s.block.retain();
    return ArrayData.fromSlots(grid, src.dtype, [...src.slots]);
  }
  return compose(grid, src.dtype, (entry) => ({
    pieces: piecesOfRegion(src, grid.blockRange(entry), entry.map(() => 0)),
  }));
}
