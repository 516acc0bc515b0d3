// SPDX-License-Identifier: Apache-2.0
/**
 * Boolean-mask selection (`x[mask]` with a distributed mask, `nonzero`, `argwhere`): the result's
 * length is the mask's true count, so each mask block is counted where it lives (a `maskCount`
 * op returning one number), the driver awaits the counts, and the result is then built block by
 * block. Result chunks follow the mask's first-axis chunks ("groups"), dropping empty ones (chunks
 * are at least 1). In a group split along later mask axes too, each block selects locally and the
 * owner interleaves the pieces into C order (`maskMerge`, reading the group's masks).
 */
import { ArrayGrid } from "../../array/grid.js";
import { RuntimeStateError } from "../../errors.js";
import { stridesOf } from "../../array/shape.js";
import type { Block } from "../../runtime/block.js";
import type { InputView } from "../../runtime/runtime.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { context } from "../context.js";
import { materialize } from "../materialize.js";
import { submitOp, wholeBlockView } from "../submit.js";

/** The blocks of one chunk of a mask's first axis that hold true elements. */
export interface MaskGroup {
  /** Flat indices of the group's mask blocks with a non-zero count (C order). */
  readonly blocks: readonly number[];
  readonly count: number;
  /** The group's region: its first-axis range and every other axis whole. */
  readonly start: number;
  readonly shape: readonly number[];
}

/** The view of a materialized array's block at flat index `flat`. */
export function slotView(a: ArrayData, flat: number): InputView {
  const slot = a.slots[flat]!;
  return { block: slot.block, offset: slot.offset, shape: a.grid.blockShapeAt(a.grid.entryOf(flat)), strides: slot.strides };
}

/** Submits one `maskCount` per block of `mask` (materialized) and resolves to the counts. */
export function countBlocks(mask: ArrayData): Promise<number[]> {
  materialize(mask);
  const nodes = context().scheduler.nodes;
  const counts: Promise<unknown>[] = [];
  for (const entry of mask.grid.entries()) {
    const flat = mask.grid.flatIndex(entry);
    const { result } = submitOp({
      kernel: "maskCount",
      attrs: {},
      inputs: [slotView(mask, flat)],
      outputs: [],
      owner: ownerOf(entry, mask.grid.gridShape, nodes),
      final: false,
    });
    counts.push(result);
  }
  return Promise.all(counts).then((values) =>
    values.map((v) => {
      if (typeof v !== "number") throw new RuntimeStateError("mask counts are not available (inside explain, nothing runs)");
      return v;
    }),
  );
}

/** The non-empty groups of a mask laid out on `grid`, given per-block counts. */
export function maskGroups(grid: ArrayGrid, counts: readonly number[]): MaskGroup[] {
  if (grid.ndim === 0) return counts[0]! > 0 ? [{ blocks: [0], count: counts[0]!, start: 0, shape: [] }] : [];
  const groups: MaskGroup[] = [];
  const perGroup = grid.numBlocks / Math.max(1, grid.gridShape[0]!);
  for (let g = 0; g < grid.gridShape[0]!; g++) {
    const blocks: number[] = [];
    let count = 0;
    for (let f = g * perGroup; f < (g + 1) * perGroup; f++) {
      if (counts[f]! === 0) continue;
      blocks.push(f);
      count += counts[f]!;
    }
    if (count === 0) continue;
    const [start, stop] = grid.blockRange([g, ...grid.gridShape.slice(1).map(() => 0)])[0]!;
    groups.push({ blocks, count, start, shape: [stop - start, ...grid.shape.slice(1)] });
  }
  return groups;
}

/** Where each of a group's blocks starts inside the group's region. */
function groupStarts(grid: ArrayGrid, group: MaskGroup): number[][] {
  return group.blocks.map((f) => {
    const s = grid.blockStart(grid.entryOf(f));
    return grid.ndim === 0 ? [] : [s[0]! - group.start, ...s.slice(1)];
  });
}

/**
 * The result block of one group: `select(f, count)` submits the local selection of mask block
 * `f` (shaped like the output with `axis` of length `count`); several are merged on `owner`.
 */
export function groupBlock(
  mask: ArrayData,
  group: MaskGroup,
  counts: readonly number[],
  axis: number,
  out: { dtype: ArrayData["dtype"]; shape: readonly number[] },
  owner: number,
  select: (flat: number, count: number) => Block,
): Block {
  if (group.blocks.length === 1) return select(group.blocks[0]!, group.count);
  const pieces = group.blocks.map((f) => select(f, counts[f]!));
  const { outputs } = submitOp({
    kernel: "maskMerge",
    attrs: { axis, groupShape: group.shape, starts: groupStarts(mask.grid, group) },
    inputs: [...group.blocks.map((f) => slotView(mask, f)), ...pieces.map(wholeBlockView)],
    outputs: [out],
    owner,
    final: true,
  });
  for (const b of pieces) b.release();
  return outputs[0]!;
}

/**
 * `v[mask]` where the mask (laid out like `v` along its axes `[axis, axis + mask.ndim)`) has
 * `counts` true elements per block: the masked axes become one of the total count.
 */
export function compressBlocks(v: ArrayData, mask: ArrayData, counts: readonly number[], axis: number): ArrayData {
  materialize(v);
  const k = mask.ndim;
  const groups = maskGroups(mask.grid, counts);
  const total = groups.reduce((s, g) => s + g.count, 0);
  const pre = v.shape.slice(0, axis);
  const post = v.shape.slice(axis + k);
  const grid = ArrayGrid.fromChunks(
    [...pre, total, ...post],
    [...v.grid.chunks.slice(0, axis), groups.map((g) => g.count), ...v.grid.chunks.slice(axis + k)],
  );
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const shape = grid.blockShapeAt(entry);
    const group = groups[entry[axis]!]!;
    const owner = ownerOf(entry, grid.gridShape, nodes);
    const block = groupBlock(mask, group, counts, axis, { dtype: v.dtype, shape }, owner, (f, count) => {
      const maskEntry = mask.grid.entryOf(f);
      const vEntry = [...entry.slice(0, axis), ...maskEntry, ...entry.slice(axis + 1)];
      const { outputs } = submitOp({
        kernel: "compress",
        attrs: { axis, ndim: k },
        inputs: [slotView(v, v.grid.flatIndex(vEntry)), slotView(mask, f)],
        outputs: [{ dtype: v.dtype, shape: [...shape.slice(0, axis), count, ...shape.slice(axis + 1)] }],
        owner,
        final: false,
      });
      return outputs[0]!;
    });
    slots.push({ block, offset: 0, strides: stridesOf(shape) });
  }
  return ArrayData.fromSlots(grid, v.dtype, slots);
}

/** `argwhere(mask)` given per-block counts: int32 coordinates of shape `[count, ndim]`. */
export function argwhereBlocks(mask: ArrayData, counts: readonly number[]): ArrayData {
  materialize(mask);
  const groups = maskGroups(mask.grid, counts);
  const total = groups.reduce((s, g) => s + g.count, 0);
  const nd = mask.ndim;
  const grid = ArrayGrid.fromChunks([total, nd], [groups.map((g) => g.count), nd === 0 ? [] : [nd]]);
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const shape = grid.blockShapeAt(entry);
    const owner = ownerOf(entry, grid.gridShape, nodes);
    const block = groupBlock(mask, groups[entry[0]!]!, counts, 0, { dtype: "int32", shape }, owner, (f, count) => {
      const { outputs } = submitOp({
        kernel: "argwhere",
        attrs: { start: mask.grid.blockStart(mask.grid.entryOf(f)) },
        inputs: [slotView(mask, f)],
        outputs: [{ dtype: "int32", shape: [count, nd] }],
        owner,
        final: false,
      });
      return outputs[0]!;
    });
    slots.push({ block, offset: 0, strides: stridesOf(shape) });
  }
  return ArrayData.fromSlots(grid, "int32", slots);
}
