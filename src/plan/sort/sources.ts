// SPDX-License-Identifier: Apache-2.0
/**
 * The blocks of one or more arrays seen as one flat sequence (NumPy's `ravel`, and the
 * concatenation of the set operations), without moving any data: each block is a source with its
 * view and the global index of its elements. Sorting, selection and set operations only need each
 * element's value and global index, so they never have to flatten the array first.
 */
import { stridesOf } from "../../array/shape.js";
import type { IndexSpace } from "../../kernels/sort-manifest.js";
import type { NodeId } from "../../runtime/messages.js";
import type { InputView } from "../../runtime/runtime.js";
import { ownerOf } from "../../schedule/layout.js";
import type { ArrayData } from "../array-data.js";
import { context } from "../context.js";
import { materialize } from "../materialize.js";

export interface Source {
  readonly view: InputView;
  readonly space: IndexSpace;
  readonly size: number;
  /** The node owning the block under its array's layout. */
  readonly owner: NodeId;
}

/**
 * The non-empty blocks of `x` as sources, in C order of the grid, with global indices equal to
 * C-order positions in `x` plus `indexOffset`.
 */
export function sourcesOf(x: ArrayData, indexOffset = 0): Source[] {
  materialize(x);
  const nodes = context().scheduler.nodes;
  const gstrides = stridesOf(x.shape);
  const out: Source[] = [];
  let i = 0;
  for (const entry of x.grid.entries()) {
    const slot = x.slots[i++]!;
    const shape = x.grid.blockShapeAt(entry);
    const size = shape.reduce((p, d) => p * d, 1);
    if (size === 0) continue;
    const start = x.grid.blockStart(entry);
    out.push({
      view: { block: slot.block, offset: slot.offset, shape, strides: slot.strides },
      space: { indexBase: indexOffset + start.reduce((s, c, d) => s + c * gstrides[d]!, 0), indexStrides: gstrides },
      size,
      owner: ownerOf(entry, x.grid.gridShape, nodes),
    });
  }
  return out;
}

/** The view over a 1-D range [start, start + length) of a contiguous block. */
export function rangeView(view: InputView, start: number, length: number): InputView {
  return { block: view.block, offset: view.offset + start, shape: [length], strides: [1] };
}
