// SPDX-License-Identifier: Apache-2.0
/**
 * Arrays created on the nodes themselves: constant fills and generated arrays (ranges, identity
 * patterns, random numbers, benchmark inputs), one kernel per block on the block's owner. Every
 * element depends only on its global position, so the array is the same for any layout.
 */
import type { Dtype } from "../array/dtype.js";
import type { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import type { Generator } from "../kernels/manifest.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { scalarIn } from "./compile.js";
import { context } from "./context.js";
import { submitOp } from "./submit.js";

function perBlock(grid: ArrayGrid, dtype: Dtype, make: (entry: number[], shape: number[], owner: number) => Slot): ArrayData {
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    slots.push(make(entry, grid.blockShapeAt(entry), ownerOf(entry, grid.gridShape, nodes)));
  }
  return ArrayData.fromSlots(grid, dtype, slots);
}

/** An array of `grid` with every element `value`. */
export function fill(grid: ArrayGrid, dtype: Dtype, value: number): ArrayData {
  const program = { regs: [dtype], nInputs: 0, consts: [[0, scalarIn(value, dtype)] as const], code: [], results: [0] };
  return perBlock(grid, dtype, (_entry, shape, owner) => {
    const { outputs } = submitOp({ kernel: "fused", attrs: { program }, inputs: [], outputs: [{ dtype, shape }], owner, final: true });
    return { block: outputs[0]!, offset: 0, strides: stridesOf(shape) };
  });
}

/** An array of `grid` whose elements the `generate` kernel computes from their global position. */
export function generate(grid: ArrayGrid, dtype: Dtype, generator: Generator): ArrayData {
  return perBlock(grid, dtype, (entry, shape, owner) => {
    const { outputs } = submitOp({
      kernel: "generate",
      attrs: { globalShape: grid.shape, blockStart: grid.blockStart(entry), generator },
      inputs: [],
      outputs: [{ dtype, shape }],
      owner,
      final: true,
    });
    return { block: outputs[0]!, offset: 0, strides: stridesOf(shape) };
  });
}
