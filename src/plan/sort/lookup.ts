// SPDX-License-Identifier: Apache-2.0
/**
 * Looking values up in a sorted or sortable array: `searchsorted` and `isin`. Every block of the
 * values array is looked up where it lives, reading every block of the (sorted) table; the runtime
 * copies each table block to a node at most once, so the table is broadcast, like Dask's
 * blockwise `searchsorted` and `isin`. Tables are typically much smaller than the values; a table
 * as large as a node's memory would need the values routed to the table instead.
 */
import { ArrayGrid } from "../../array/grid.js";
import { stridesOf } from "../../array/shape.js";
import type { InputView } from "../../runtime/runtime.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { context } from "../context.js";
import { materialize } from "../materialize.js";
import { submitOp, wholeBlockView } from "../submit.js";
import type { Block } from "../../runtime/block.js";
import type { KernelName, KernelAttrs } from "../../kernels/manifest.js";
import type { Dtype } from "../../array/dtype.js";
import { sourcesOf } from "./sources.js";

/** One op per block of `x` reading the block and every table view; results laid out like x. */
function perBlock<N extends KernelName>(x: ArrayData, table: readonly InputView[], dtype: Dtype, kernel: N, attrs: KernelAttrs[N]): ArrayData {
  materialize(x);
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  let i = 0;
  for (const entry of x.grid.entries()) {
    const slot = x.slots[i++]!;
    const shape = x.grid.blockShapeAt(entry);
    const { outputs } = submitOp({
      kernel,
      attrs,
      inputs: [{ block: slot.block, offset: slot.offset, shape, strides: slot.strides }, ...table],
      outputs: [{ dtype, shape }],
      owner: ownerOf(entry, x.grid.gridShape, nodes),
      final: true,
    });
    slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(shape) });
  }
  return ArrayData.fromSlots(x.grid, dtype, slots);
}

/** int32 positions of `v`'s elements in sorted 1-D `a` (NumPy's searchsorted), laid out like v. */
export function searchsortedData(a: ArrayData, v: ArrayData, side: "left" | "right"): ArrayData {
  materialize(a);
  const table: InputView[] = a.slots.map((s, j) => ({ block: s.block, offset: s.offset, shape: [a.grid.chunks[0]![j]!], strides: s.strides }));
  const offsets = a.grid.chunks[0]!.map((_, j) => a.grid.boundaries(0)[j]!);
  return perBlock(v, table, "int32", "searchsorted", { side, offsets });
}

/**
 * Whether each element of `x` equals some element of `test` (any shape): each test block is
 * sorted where it lives (flattened), then every x block searches all of them.
 */
export function isinData(x: ArrayData, test: ArrayData, invert: boolean): ArrayData {
  const sorted: Block[] = sourcesOf(test).map((s) => {
    const { outputs } = submitOp({
      kernel: "sort",
      attrs: { axis: null, emit: "values" },
      inputs: [s.view],
      outputs: [{ dtype: test.dtype, shape: [s.size] }],
      owner: s.owner,
      final: false,
    });
    return outputs[0]!;
  });
  try {
    return perBlock(x, sorted.map(wholeBlockView), "bool", "isin", { invert });
  } finally {
    for (const b of sorted) b.release();
  }
}

/** A 1-D array of `values` blocks (each with one hold, passed to the result) in order. */
export function vectorOf(blocks: readonly Block[], dtype: Dtype): ArrayData {
  const sizes = blocks.map((b) => b.size);
  const n = sizes.reduce((a, b) => a + b, 0);
  const grid = ArrayGrid.fromChunks([n], [sizes]);
  return ArrayData.fromSlots(grid, dtype, blocks.map((block) => ({ block, offset: 0, strides: [1] })));
}
