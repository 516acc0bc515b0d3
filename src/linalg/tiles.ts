// SPDX-License-Identifier: Apache-2.0
/**
 * A matrix as a grid of tiles for the factorizations: each tile is a view on a stored block, and a
 * factorization replaces tiles as it updates them (blocks are immutable; every update writes a new
 * block and the old one is freed once nothing needs it). Tiles are addressed by tile row and
 * column; `owner(i, j)` is the node that owns tile (i, j) under the array layout, which the final
 * op of every tile is placed on.
 */
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import type { KernelAttrs, KernelName } from "../kernels/manifest.js";
import { ArrayData, type Slot } from "../plan/array-data.js";
import { regrid } from "../plan/compose.js";
import { context } from "../plan/context.js";
import { materialize } from "../plan/materialize.js";
import { submitOp } from "../plan/submit.js";
import type { Block } from "../runtime/block.js";
import type { NodeId } from "../runtime/messages.js";
import type { InputView } from "../runtime/runtime.js";
import { ownerOf } from "../schedule/layout.js";

/** Chunk start offsets plus the total at the end. */
export function boundsOf(chunks: readonly number[]): number[] {
  const b = [0];
  for (const c of chunks) b.push(b[b.length - 1]! + c);
  return b;
}

/** The view covering all of a contiguous block. */
export function blockView(block: Block): InputView {
  return { block, offset: 0, shape: block.shape, strides: stridesOf(block.shape) };
}

/** The transpose of a 2-D view (no copy). */
export function transposed(v: InputView): InputView {
  return { block: v.block, offset: v.offset, shape: [v.shape[1]!, v.shape[0]!], strides: [v.strides[1]!, v.strides[0]!] };
}

/** Rows [r0, r1) and columns [c0, c1) of a 2-D view. */
export function subView(v: InputView, r0: number, r1: number, c0 = 0, c1 = v.shape[1]!): InputView {
  return { block: v.block, offset: v.offset + r0 * v.strides[0]! + c0 * v.strides[1]!, shape: [r1 - r0, c1 - c0], strides: v.strides };
}

/**
 * Submits one op and returns its output blocks (each with one hold for the caller). `final` marks
 * the op producing a tile of the result (placed on `owner`); `urgent` ops are on the
 * factorization's critical path (the next panel) and run ahead of ready non-urgent ops.
 */
export function run<N extends KernelName>(
  kernel: N,
  attrs: KernelAttrs[N],
  inputs: readonly InputView[],
  outputs: readonly { readonly dtype: Dtype; readonly shape: readonly number[] }[],
  owner: NodeId,
  final = false,
  urgent = false,
): Block[] {
  return submitOp({ kernel, attrs, inputs, outputs, owner, final, urgent }).outputs;
}

export class TileMatrix {
  readonly rowBounds: readonly number[];
  readonly colBounds: readonly number[];
  private readonly tiles: InputView[][];

  /** Tiles of `a` (2-D, materialized) in its own layout; holds its blocks. */
  private constructor(
    readonly dtype: Dtype,
    readonly rowChunks: readonly number[],
    readonly colChunks: readonly number[],
    tiles: InputView[][],
  ) {
    this.rowBounds = boundsOf(rowChunks);
    this.colBounds = boundsOf(colChunks);
    this.tiles = tiles;
  }

  /** The tiles of 2-D `a` cut by `rowChunks` × `colChunks` (re-blocking only where they differ). */
  static of(a: ArrayData, rowChunks: readonly number[] = a.grid.chunks[0]!, colChunks: readonly number[] = a.grid.chunks[1]!): TileMatrix {
    materialize(a);
    const grid = ArrayGrid.fromChunks(a.shape, [rowChunks, colChunks]);
    const data = regrid(a, grid);
    const tiles = rowChunks.map((rows, i) =>
      colChunks.map((cols, j) => {
        const s = data.slots[grid.flatIndex([i, j])]!;
        return { block: s.block.retain(), offset: s.offset, shape: [rows, cols], strides: s.strides };
      }),
    );
    data.release();
    return new TileMatrix(a.dtype, rowChunks, colChunks, tiles);
  }

  /** A matrix of tiles made by `make(i, j)`, which returns a view whose hold it hands over. */
  static build(dtype: Dtype, rowChunks: readonly number[], colChunks: readonly number[], make: (i: number, j: number) => InputView): TileMatrix {
    return new TileMatrix(dtype, rowChunks, colChunks, rowChunks.map((_, i) => colChunks.map((_, j) => make(i, j))));
  }

  get rows(): number {
    return this.rowChunks.length;
  }

  get cols(): number {
    return this.colChunks.length;
  }

  get shape(): [number, number] {
    return [this.rowBounds[this.rows]!, this.colBounds[this.cols]!];
  }

  tile(i: number, j: number): InputView {
    return this.tiles[i]![j]!;
  }

  /** Replaces tile (i, j) by a view on `block` (whole block unless given), taking over its hold. */
  set(i: number, j: number, block: Block, view: InputView = blockView(block)): void {
    this.tiles[i]![j]!.block.release();
    this.tiles[i]![j] = view;
  }

  /** The node owning tile (i, j) under the array layout. */
  owner(i: number, j: number): NodeId {
    return ownerOf([i, j], [this.rows, this.cols], context().scheduler.nodes);
  }

  /** An array over the tiles (holds them too); `pick` may substitute a view (holding it) per tile. */
  toData(pick?: (i: number, j: number) => InputView): ArrayData {
    const grid = ArrayGrid.fromChunks(this.shape, [this.rowChunks, this.colChunks]);
    const slots: Slot[] = [];
    for (let i = 0; i < this.rows; i++) {
      for (let j = 0; j < this.cols; j++) {
        const v = pick ? pick(i, j) : this.tile(i, j);
        if (!pick) v.block.retain();
        slots.push({ block: v.block, offset: v.offset, strides: v.strides });
      }
    }
    return ArrayData.fromSlots(grid, this.dtype, slots);
  }

  release(): void {
    for (const row of this.tiles) for (const t of row) t.block.release();
    this.tiles.length = 0;
  }
}
