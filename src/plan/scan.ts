// SPDX-License-Identifier: Apache-2.0
/**
 * Distributed inclusive scans (cumsum, cumprod and their NaN-skipping variants) along one axis:
 * every block is reduced where it lives to its total along the axis; the totals are chained into
 * carries (the running value before each block: small blocks, one per line of blocks); then every
 * block scans its own elements starting from its carry. Blocks are read twice but all in parallel,
 * and only block totals cross nodes (NumS gathers the whole array instead).
 */
import type { Dtype } from "../array/dtype.js";
import { stridesOf } from "../array/shape.js";
import { identityProgram } from "../kernels/program.js";
import type { ScanAttrs } from "../kernels/manifest.js";
import type { Block } from "../runtime/block.js";
import type { InputView } from "../runtime/runtime.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { context } from "./context.js";
import { materialize } from "./materialize.js";
import { submitOp, wholeBlockView } from "./submit.js";

const TOTAL_OP = { cumsum: "sum", cumprod: "prod", nancumsum: "nansum", nancumprod: "nanprod" } as const;

/** The inclusive scan of `x` along `axis`, in `dtype` (the accumulation and result dtype). */
export function scanArray(x: ArrayData, op: ScanAttrs["op"], axis: number, dtype: Dtype): ArrayData {
  materialize(x);
  const grid = x.grid;
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = new Array<Slot>(grid.numBlocks);
  // The carry into the next block of each line of blocks along `axis`.
  const carries = new Map<string, Block>();
  for (const entry of grid.entries()) {
    const owner = ownerOf(entry, grid.gridShape, nodes);
    const slot = x.slots[grid.flatIndex(entry)]!;
    const shape = grid.blockShapeAt(entry);
    const view: InputView = { block: slot.block, offset: slot.offset, shape, strides: slot.strides };
    const line = entry.map((e, d) => (d === axis ? 0 : e)).join(",");
    const carry = carries.get(line) ?? null;
    const { outputs } = submitOp({
      kernel: "scan",
      attrs: { op, axis, hasCarry: carry !== null },
      inputs: carry ? [view, wholeBlockView(carry)] : [view],
      outputs: [{ dtype, shape }],
      owner,
      final: true,
    });
    slots[grid.flatIndex(entry)] = { block: outputs[0]!, offset: 0, strides: stridesOf(shape) };
    if (entry[axis] === grid.gridShape[axis]! - 1) {
      carry?.release();
      continue;
    }
    // The carry into the next block along the axis: this block's total, plus the carry into it.
    const total = submitOp({
      kernel: "reduce",
      attrs: { op: TOTAL_OP[op], program: identityProgram(x.dtype), axes: [axis] },
      inputs: [view],
      outputs: [{ dtype, shape: shape.map((n, d) => (d === axis ? 1 : n)) }],
      owner,
      final: false,
    }).outputs[0]!;
    if (carry) {
      const merged: Block = submitOp({
        kernel: "combine",
        attrs: { op: TOTAL_OP[op] },
        inputs: [wholeBlockView(carry), wholeBlockView(total)],
        outputs: [{ dtype, shape: total.shape }],
        owner,
        final: false,
      }).outputs[0]!;
      carry.release();
      total.release();
      carries.set(line, merged);
    } else {
      carries.set(line, total);
    }
  }
  return ArrayData.fromSlots(grid, dtype, slots);
}
