// SPDX-License-Identifier: Apache-2.0
/**
 * `x[mask] = values` with one value (row) per true element, for a distributed mask over x's
 * leading axes: the t-th true element (C order) takes values row t. With the per-block counts
 * known, each group of mask blocks (one chunk of the first axis) owns a consecutive range of
 * value rows; each block of x with true elements is rewritten by one `maskScatter` on its owner,
 * reading its group's masks (to rank its true elements) and the group's value rows.
 */
import { stridesOf } from "../../array/shape.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { alignedView } from "../align.js";
import { context } from "../context.js";
import { materialize } from "../materialize.js";
import { submitOp } from "../submit.js";
import { type MaskGroup, maskGroups, slotView } from "./mask-select.js";

/**
 * `x` with `values` (of x's dtype, shape `[count, ...x.shape[k:]]` for a mask over x's first k
 * axes laid out like x there, with `counts` true elements per block) written at the true elements.
 */
export function maskAssign(x: ArrayData, mask: ArrayData, counts: readonly number[], values: ArrayData): ArrayData {
  materialize(x);
  materialize(mask);
  materialize(values);
  const k = mask.ndim;
  const groups = maskGroups(mask.grid, counts);
  // The group of each first-axis chunk, and where its value rows start.
  const groupOf = new Map<number, { group: MaskGroup; first: number }>();
  let first = 0;
  for (const group of groups) {
    groupOf.set(mask.grid.chunkIndexOf(0, group.start), { group, first });
    first += group.count;
  }
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  for (const entry of x.grid.entries()) {
    const old = x.slots[x.grid.flatIndex(entry)]!;
    const flat = mask.grid.flatIndex(entry.slice(0, k));
    const g = groupOf.get(entry[0]!);
    if (counts[flat] === 0 || !g) {
      slots.push({ block: old.block.retain(), offset: old.offset, strides: old.strides });
      continue;
    }
    const shape = x.grid.blockShapeAt(entry);
    const owner = ownerOf(entry, x.grid.gridShape, nodes);
    const range = x.grid.blockRange(entry);
    const temps: { release(): void }[] = [];
    const rows = alignedView(values, [[g.first, g.first + g.group.count], ...range.slice(k)], owner, temps);
    const { outputs } = submitOp({
      kernel: "maskScatter",
      attrs: {
        groupShape: g.group.shape,
        starts: g.group.blocks.map((f) => {
          const s = mask.grid.blockStart(mask.grid.entryOf(f));
          return [s[0]! - g.group.start, ...s.slice(1)];
        }),
        target: g.group.blocks.indexOf(flat),
      },
      inputs: [{ block: old.block, offset: old.offset, shape, strides: old.strides }, ...g.group.blocks.map((f) => slotView(mask, f)), rows],
      outputs: [{ dtype: x.dtype, shape }],
      owner,
      final: true,
    });
    for (const t of temps) t.release();
    slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(shape) });
  }
  return ArrayData.fromSlots(x.grid, x.dtype, slots);
}
