// SPDX-License-Identifier: Apache-2.0
/**
 * Block-local work along axes: re-blocking an array so that some axes lie whole in every block
 * (an all-to-all exchange between the blocks of each lane, never a gather to one node), and
 * sorting every block along an axis it holds whole.
 */
import type { Dtype } from "../../array/dtype.js";
import { ArrayGrid } from "../../array/grid.js";
import { stridesOf } from "../../array/shape.js";
import type { SortAttrs } from "../../kernels/sort-manifest.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { context } from "../context.js";
import { elementwise } from "../elementwise.js";
import { materialize } from "../materialize.js";
import { submitOp } from "../submit.js";

/**
 * `x` re-blocked so that every axis in `axes` is one chunk; the other axes are split so blocks
 * keep about x's block size (trailing axes whole first). Returns a new hold (x itself when its
 * layout already fits).
 */
export function wholeAlong(x: ArrayData, axes: readonly number[]): ArrayData {
  if (axes.every((d) => x.grid.gridShape[d]! <= 1)) return x.retain();
  const target = x.grid.blockShape.reduce((p, d) => p * d, 1);
  const along = axes.reduce((p, d) => p * Math.max(1, x.shape[d]!), 1);
  let budget = Math.max(1, Math.floor(target / along));
  const blockShape = x.shape.map((n) => Math.max(1, n));
  for (let d = x.ndim - 1; d >= 0; d--) {
    if (axes.includes(d)) continue;
    blockShape[d] = Math.max(1, Math.min(x.shape[d]!, budget));
    budget = Math.max(1, Math.floor(budget / blockShape[d]!));
  }
  const y = elementwise("copy", [x], [x.dtype], x.dtype, x.shape, ArrayGrid.regular(x.shape, blockShape));
  materialize(y);
  return y;
}

/**
 * Sorts (or partitions, with `kth`) every block of `x` along `axis`, which each block must hold
 * whole. Returns the arrays `emit` asks for (values in x's dtype, indices int32), laid out like x.
 */
export function sortBlocks(x: ArrayData, axis: number, emit: SortAttrs["emit"], kth?: readonly number[]): ArrayData[] {
  materialize(x);
  const dtypes: Dtype[] = [...(emit !== "indices" ? [x.dtype] : []), ...(emit !== "values" ? ["int32" as const] : [])];
  const nodes = context().scheduler.nodes;
  const slots: Slot[][] = dtypes.map(() => []);
  let i = 0;
  for (const entry of x.grid.entries()) {
    const slot = x.slots[i++]!;
    const shape = x.grid.blockShapeAt(entry);
    const { outputs } = submitOp({
      kernel: "sort",
      attrs: kth ? { axis, emit, kth } : { axis, emit },
      inputs: [{ block: slot.block, offset: slot.offset, shape, strides: slot.strides }],
      outputs: dtypes.map((dtype) => ({ dtype, shape })),
      owner: ownerOf(entry, x.grid.gridShape, nodes),
      final: true,
    });
    outputs.forEach((b, k) => slots[k]!.push({ block: b, offset: 0, strides: stridesOf(shape) }));
  }
  return dtypes.map((dt, k) => ArrayData.fromSlots(x.grid, dt, slots[k]!));
}

/**
 * Sorts all elements of a one-block array (NumPy's flattened order) into a 1-D one-block array:
 * values and/or int32 C-order positions.
 */
export function sortFlatBlock(x: ArrayData, emit: SortAttrs["emit"]): ArrayData[] {
  materialize(x);
  const n = x.size;
  const dtypes: Dtype[] = [...(emit !== "indices" ? [x.dtype] : []), ...(emit !== "values" ? ["int32" as const] : [])];
  const grid = ArrayGrid.fromChunks([n], [n === 0 ? [] : [n]]);
  if (n === 0) return dtypes.map((dt) => ArrayData.fromSlots(grid, dt, []));
  const slot = x.slots[0]!;
  const { outputs } = submitOp({
    kernel: "sort",
    attrs: { axis: null, emit },
    inputs: [{ block: slot.block, offset: slot.offset, shape: x.shape, strides: slot.strides }],
    outputs: dtypes.map((dtype) => ({ dtype, shape: [n] })),
    owner: 0,
    final: true,
  });
  return outputs.map((b, k) => ArrayData.fromSlots(grid, dtypes[k]!, [{ block: b, offset: 0, strides: [1] }]));
}
