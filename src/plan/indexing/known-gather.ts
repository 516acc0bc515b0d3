// SPDX-License-Identifier: Apache-2.0
/**
 * `x[index]` for integer arrays whose values the planner knows (JS lists, NDArrays, masks given
 * locally): every result block knows which source blocks hold its elements. The block's advanced
 * positions are grouped by source block; each group is one `gather` op that can run where its
 * source block lives and ships only the selected elements. A block fed by one group is that
 * gather's output; otherwise a `scatter` on the block's owner merges the packed groups.
 */
import { broadcastStrides } from "../../array/broadcast.js";
import { ArrayGrid } from "../../array/grid.js";
import type { OpaqueArray } from "../../array/index/parts.js";
import { type ResolvedIndex, knownShape } from "../../array/index/resolved.js";
import { itemSize } from "../../array/dtype.js";
import { sizeOf, stridesOf } from "../../array/shape.js";
import type { Block } from "../../runtime/block.js";
import type { InputView } from "../../runtime/runtime.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { context } from "../context.js";
import { basicPosition } from "./basic-position.js";
import { materialize } from "../materialize.js";
import { submitOp, wholeBlockView } from "../submit.js";
import { type Group, chunkFinder, groupByKey } from "./grouping.js";
import { advancedBudget, budgetChunks, resultRuns, viewDimOf } from "./layout.js";
import type { Run, ViewDim } from "./strided-view.js";

/** Positions along each advanced axis of every element of a block's advanced sub-block. */
interface SubBlock {
  readonly size: number;
  readonly positions: readonly Int32Array[];
  readonly groups: Group[];
}

/** The plan of a known-position gather: result layout plus what each result axis reads. */
export interface KnownPlan {
  readonly grid: ArrayGrid;
  readonly dims: readonly (ViewDim | null)[];
  readonly runs: readonly (Run[] | null)[];
  readonly axes: readonly number[];
  readonly values: readonly Float64Array[];
  readonly valueStrides: readonly number[][];
}

/** The result layout and per-entry positions of a known-position index into `src`. */
export function knownPlan(src: ArrayData, r: ResolvedIndex<OpaqueArray>): KnownPlan {
  const adv = r.advanced!;
  const advShape = adv.shape as readonly number[];
  const shape = knownShape(r);
  const runs = resultRuns(src.grid, r);
  const basicBlock = runs.flatMap((rr) => (rr && rr.length > 0 ? [Math.max(...rr.map((x) => x.len))] : []));
  const advChunks = budgetChunks(advShape, advancedBudget(shape, src.dtype, basicBlock));
  const chunks = r.resultAxes.map((a, i) => (a.kind === "advanced" ? advChunks[a.dim]! : runs[i]!.map((x) => x.len)));
  const arrays = adv.entries.flatMap((e) => (e.kind === "array" ? [e] : []));
  return {
    grid: ArrayGrid.fromChunks(shape, chunks),
    dims: r.resultAxes.map((a) => (a.kind === "advanced" ? null : viewDimOf(r, a))),
    runs,
    axes: arrays.map((e) => e.axis),
    values: arrays.map((e) => e.values),
    valueStrides: arrays.map((e) => broadcastStrides(e.shape, stridesOf(e.shape), advShape)),
  };
}

/** Positions and source-block groups of the advanced sub-block `[lo, hi)` (per advanced dim). */
function subBlock(src: ArrayData, plan: KnownPlan, lo: readonly number[], hi: readonly number[]): SubBlock {
  const ext = hi.map((h, d) => h - lo[d]!);
  const size = sizeOf(ext);
  const n = plan.axes.length;
  const positions = plan.axes.map(() => new Int32Array(size));
  const finders = plan.axes.map((axis) => chunkFinder(src.grid, axis));
  const radix = plan.axes.map((axis) => src.grid.gridShape[axis]!);
  // Each position's source block as a mixed-radix key over the indexed axes' chunks.
  const keys = new Int32Array(size);
  const idx = [...lo];
  const at = plan.valueStrides.map((s) => lo.reduce((acc, l, d) => acc + l * s[d]!, 0));
  for (let k = 0; k < size; k++) {
    let key = 0;
    for (let e = 0; e < n; e++) {
      const pos = plan.values[e]![at[e]!]!;
      positions[e]![k] = pos;
      key = key * radix[e]! + finders[e]!(pos);
    }
    keys[k] = key;
    for (let d = ext.length - 1; d >= 0; d--) {
      for (let e = 0; e < n; e++) at[e]! += plan.valueStrides[e]![d]!;
      if (++idx[d]! < hi[d]!) break;
      for (let e = 0; e < n; e++) at[e]! -= plan.valueStrides[e]![d]! * ext[d]!;
      idx[d] = lo[d]!;
    }
  }
  return { size, positions, groups: groupByKey(keys, radix) };
}


/**
 * The source view and position offsets of one group: the view spans the block's basic axes (in
 * result order), the offsets step along the advanced axes.
 */
function groupSource(
  src: ArrayData,
  r: ResolvedIndex<OpaqueArray>,
  plan: KnownPlan,
  entry: readonly number[],
  group: Group,
  sub: SubBlock,
  basicShape: readonly number[],
): { view: InputView; offsets: Int32Array } {
  const { at, local } = basicPosition(src, r, plan, entry);
  plan.axes.forEach((axis, e) => (at[axis] = group.chunks[e]!));
  const slot = src.slots[src.grid.flatIndex(at)]!;
  let offset = slot.offset;
  local.forEach((l, axis) => (offset += l * slot.strides[axis]!));
  const strides = plan.dims.flatMap((d) => (d === null ? [] : [d.kind === "newaxis" ? 0 : d.step * slot.strides[d.axis]!]));
  const offsets = new Int32Array(group.at.length);
  plan.axes.forEach((axis, e) => {
    const start = src.grid.boundaries(axis)[group.chunks[e]!]!;
    const stride = slot.strides[axis]!;
    const pos = sub.positions[e]!;
    for (let t = 0; t < offsets.length; t++) offsets[t]! += (pos[group.at[t]!]! - start) * stride;
  });
  return { view: { block: slot.block, offset, shape: basicShape, strides }, offsets };
}

/** `x[index]` for a concrete advanced index (`isConcrete(r)`). */
export function knownGather(x: ArrayData, r: ResolvedIndex<OpaqueArray>): ArrayData {
  materialize(x);
  const plan = knownPlan(x, r);
  const { grid } = plan;
  const adv = r.advanced!;
  const p = adv.position;
  const a = adv.shape.length;
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const shape = grid.blockShapeAt(entry);
    const range = grid.blockRange(entry);
    const owner = ownerOf(entry, grid.gridShape, nodes);
    const sub = subBlock(x, plan, range.slice(p, p + a).map(([lo]) => lo), range.slice(p, p + a).map(([, hi]) => hi));
    const basicShape = [...shape.slice(0, p), ...shape.slice(p + a)];
    const sources = sub.groups.map((g) => groupSource(x, r, plan, entry, g, sub, basicShape));
    // One op reading every source block where moving them costs nothing (one node) or at most
    // the result's size; else each group is gathered where it lives and merged.
    const sourceBytes = [...new Set(sources.map((src) => src.view.block))].reduce((b, blk) => b + blk.nbytes, 0);
    if (sources.length === 1 || nodes === 1 || sourceBytes <= sizeOf(shape) * itemSize(x.dtype)) {
      const { outputs } = submitOp({
        kernel: "gather",
        attrs: { axis: p, ndim: a, offsets: sources.map((src) => src.offsets), targets: sources.length === 1 ? undefined : sub.groups.map((g) => g.at) },
        inputs: sources.map((src) => src.view),
        outputs: [{ dtype: x.dtype, shape }],
        owner,
        final: false,
      });
      slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(shape) });
      continue;
    }
    slots.push({ block: mergeGroups(x, shape, p, a, sub, sources, owner), offset: 0, strides: stridesOf(shape) });
  }
  return ArrayData.fromSlots(grid, x.dtype, slots);
}

/** Gathers each group where its source lives, then scatters the packed groups into one block. */
function mergeGroups(
  x: ArrayData,
  shape: readonly number[],
  p: number,
  a: number,
  sub: SubBlock,
  sources: readonly { view: InputView; offsets: Int32Array }[],
  owner: number,
): Block {
  const cs = stridesOf(shape);
  const pre = shape.slice(0, p);
  const post = shape.slice(p + a);
  const advStep = a === 0 ? 1 : cs[p + a - 1]!;
  const pieceStrides = [...cs.slice(0, p), 0, ...cs.slice(p + a)];
  const packed = sources.map(({ view, offsets }) => {
    const { outputs } = submitOp({
      kernel: "gather",
      attrs: { axis: p, ndim: 1, offsets: [offsets] },
      inputs: [view],
      outputs: [{ dtype: x.dtype, shape: [...pre, offsets.length, ...post] }],
      owner,
      final: false,
    });
    return outputs[0]!;
  });
  const { outputs } = submitOp({
    kernel: "scatter",
    attrs: {
      base: false,
      fill: 0,
      pieces: sub.groups.map((g) => ({ axis: p, targets: g.at.map((k) => k * advStep), strides: pieceStrides })),
    },
    inputs: packed.map(wholeBlockView),
    outputs: [{ dtype: x.dtype, shape }],
    owner,
    final: true,
  });
  for (const b of packed) b.release();
  return outputs[0]!;
}
