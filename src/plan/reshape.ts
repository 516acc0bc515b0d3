// SPDX-License-Identifier: Apache-2.0
/**
 * C-order reshape of a distributed array. A reshape decomposes into independent axis groups
 * (array/reshape.ts). When, in every group, the input blocks span all but the group's first axis
 * and their lengths along it split evenly into the output axes, each output block is exactly one
 * input block seen with new strides: the reshape is metadata only (this covers adding and
 * removing length-1 axes, ravel of row blocks, and splitting an axis along block boundaries).
 * Otherwise each output block is gathered on its owner by one `reshape` kernel from the input
 * blocks whose elements it needs, found by intersecting C-order flat ranges; the driver does
 * per-block (never per-element) work.
 */
import { ArrayGrid } from "../array/grid.js";
import { type AxisGroup, reshapeGroups } from "../array/reshape.js";
import { type Shape, shapesEqual, sizeOf, stridesOf } from "../array/shape.js";
import type { InputView } from "../runtime/runtime.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { context } from "./context.js";
import { materialize } from "./materialize.js";
import { submitOp } from "./submit.js";

/** Enumerating more output runs than this per block uses per-prefix hulls instead (a superset). */
const MAX_RUNS = 512;

/** `x` with shape `shape` (same size), C order. */
export function reshape(x: ArrayData, shape: Shape): ArrayData {
  materialize(x);
  if (shapesEqual(x.shape, shape)) {
    for (const s of x.slots) s.block.retain();
    return ArrayData.fromSlots(x.grid, x.dtype, [...x.slots]);
  }
  if (sizeOf(shape) === 0) return ArrayData.fromSlots(ArrayGrid.fromChunks(shape, shape.map((n) => (n === 0 ? [] : [n]))), x.dtype, []);
  const groups = reshapeGroups(x.shape, shape);
  return viewReshape(x, shape, groups) ?? gatherReshape(x, kernelGrid(x, shape, groups));
}

/** Output chunks of a group whose input blocks split evenly into its output axes, else null. */
function evenChunks(x: ArrayData, shape: Shape, g: AxisGroup): Map<number, number[]> | null {
  const [lead, ...inner] = g.inAxes;
  if (inner.some((a) => x.grid.chunks[a]!.length !== 1)) return null;
  const innerIn = sizeOf(inner.map((a) => x.shape[a]!));
  const innerOut = sizeOf(g.outAxes.slice(1).map((a) => shape[a]!));
  const runs = x.grid.chunks[lead!]!.map((c) => c * innerIn);
  if (runs.some((n) => n % innerOut !== 0)) return null;
  const chunks = new Map<number, number[]>(g.outAxes.map((a) => [a, [shape[a]!]]));
  chunks.set(g.outAxes[0]!, runs.map((n) => n / innerOut));
  return chunks;
}

/** The metadata-only reshape, or null when some block cannot be seen with the new shape. */
function viewReshape(x: ArrayData, shape: Shape, groups: readonly AxisGroup[]): ArrayData | null {
  const chunks: number[][] = shape.map((n) => [n]);
  for (const g of groups) {
    const c = evenChunks(x, shape, g);
    if (!c) return null;
    for (const [axis, list] of c) chunks[axis] = list;
  }
  const grid = ArrayGrid.fromChunks(shape, chunks);
  const mapped: Slot[] = [];
  for (const entry of grid.entries()) {
    const inEntry = x.shape.map(() => 0);
    for (const g of groups) inEntry[g.inAxes[0]!] = entry[g.outAxes[0]!]!;
    const slot = x.slots[x.grid.flatIndex(inEntry)]!;
    const strides = groupStrides(slot, x.grid.blockShapeAt(inEntry), x.shape, shape, groups);
    if (!strides) return null;
    mapped.push({ block: slot.block, offset: slot.offset, strides });
  }
  for (const s of mapped) s.block.retain();
  return ArrayData.fromSlots(grid, x.dtype, mapped);
}

/**
 * Output strides of a block whose every group is one evenly strided run in memory (its axes
 * merge), or null. Length-1 output axes get stride 0.
 */
function groupStrides(slot: Slot, blockShape: Shape, inShape: Shape, outShape: Shape, groups: readonly AxisGroup[]): number[] | null {
  const strides = outShape.map(() => 0);
  for (const g of groups) {
    const ax = g.inAxes;
    for (let t = 0; t + 1 < ax.length; t++) {
      if (t === 0 && blockShape[ax[0]!] === 1) continue;
      if (slot.strides[ax[t]!] !== slot.strides[ax[t + 1]!]! * inShape[ax[t + 1]!]!) return null;
    }
    let s = slot.strides[ax[ax.length - 1]!]!;
    for (let t = g.outAxes.length - 1; t >= 0; t--) {
      strides[g.outAxes[t]!] = s;
      s *= outShape[g.outAxes[t]!]!;
    }
  }
  return strides;
}

/**
 * The layout of a gathered reshape: groups that split evenly keep those chunks; in the others the
 * output blocks are runs of the flat order about as large as the group's input blocks.
 */
function kernelGrid(x: ArrayData, shape: Shape, groups: readonly AxisGroup[]): ArrayGrid {
  const chunks: number[][] = shape.map((n) => [n]);
  for (const g of groups) {
    const even = evenChunks(x, shape, g);
    if (even) {
      for (const [axis, list] of even) chunks[axis] = list;
      continue;
    }
    const blocks = sizeOf(g.inAxes.map((a) => x.grid.gridShape[a]!));
    const target = Math.ceil(sizeOf(g.inAxes.map((a) => x.shape[a]!)) / blocks);
    const outs = g.outAxes;
    let inner = 1;
    let t = outs.length - 1;
    while (t > 0 && inner * shape[outs[t]!]! <= target) inner *= shape[outs[t--]!]!;
    const n = shape[outs[t]!]!;
    for (let k = 0; k < t; k++) chunks[outs[k]!] = new Array<number>(shape[outs[k]!]!).fill(1);
    chunks[outs[t]!] = t === 0 ? slabAligned(x, g, n, inner) : ArrayGrid.regular([n], [Math.max(1, Math.min(n, Math.round(target / inner)))]).chunks[0]!.slice();
  }
  return ArrayGrid.fromChunks(shape, chunks);
}

/**
 * Chunks of the group's first output axis (length n, `inner` flat elements per index) cut as
 * close as possible to where the input's blocks start in flat order: each input slab (one chunk
 * of the group's first input axis) is cut into as many pieces as it has blocks. Output blocks
 * then read few input blocks and follow the input's placement.
 */
function slabAligned(x: ArrayData, g: AxisGroup, n: number, inner: number): number[] {
  const [lead, ...rest] = g.inAxes;
  const innerIn = sizeOf(rest.map((a) => x.shape[a]!));
  const pieces = sizeOf(rest.map((a) => x.grid.gridShape[a]!));
  const cuts = new Set<number>([0, n]);
  const bounds = x.grid.boundaries(lead!);
  for (let s = 0; s + 1 < bounds.length; s++) {
    const from = bounds[s]! * innerIn;
    const len = (bounds[s + 1]! - bounds[s]!) * innerIn;
    for (let p = 0; p < pieces; p++) cuts.add(Math.min(n, Math.round((from + (len * p) / pieces) / inner)));
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(1).map((b, i) => b - sorted[i]!);
}

/** One `reshape` op per output block, reading the input blocks its flat ranges meet. */
function gatherReshape(x: ArrayData, grid: ArrayGrid): ArrayData {
  const nodes = context().scheduler.nodes;
  // The kernel works without length-1 axes (they change no flat position).
  const keepIn = x.shape.flatMap((d, i) => (d === 1 ? [] : [i]));
  const keepOut = grid.shape.flatMap((d, i) => (d === 1 ? [] : [i]));
  const pick = <T>(v: readonly T[], keep: readonly number[]) => keep.map((i) => v[i]!);
  const inShape = pick(x.shape, keepIn);
  const outShape = pick(grid.shape, keepOut);
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const blockShape = grid.blockShapeAt(entry);
    const start = grid.blockStart(entry);
    const inputs: InputView[] = [];
    const inStarts: number[][] = [];
    for (const flat of [...inputBlocks(x, grid, entry)].sort((a, b) => a - b)) {
      const inEntry = x.grid.entryOf(flat);
      const slot = x.slots[flat]!;
      inputs.push({ block: slot.block, offset: slot.offset, shape: pick(x.grid.blockShapeAt(inEntry), keepIn), strides: pick(slot.strides, keepIn) });
      inStarts.push(pick(x.grid.blockStart(inEntry), keepIn));
    }
    const { outputs } = submitOp({
      kernel: "reshape",
      attrs: { inShape, outShape, outStart: pick(start, keepOut), inStarts },
      inputs,
      outputs: [{ dtype: x.dtype, shape: pick(blockShape, keepOut) }],
      owner: ownerOf(entry, grid.gridShape, nodes),
      final: true,
    });
    // The block is stored without the length-1 axes; C-order strides of the full shape read it.
    slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(blockShape) });
  }
  return ArrayData.fromSlots(grid, x.dtype, slots);
}

/** Flat indices of the input blocks holding elements of output block `entry`. */
function inputBlocks(x: ArrayData, grid: ArrayGrid, entry: readonly number[]): Set<number> {
  const start = grid.blockStart(entry);
  const ext = grid.blockShapeAt(entry);
  const outStrides = stridesOf(grid.shape);
  const nd = ext.length;
  // Axes after j span the array, so the block is runs over its first j axes; enumerate runs, or
  // per-prefix hulls of the first `depth` axes when there are too many runs.
  let j = nd - 1;
  while (j > 0 && ext[j] === grid.shape[j]) j--;
  let depth = 0;
  let count = 1;
  while (depth < j && count * ext[depth]! <= MAX_RUNS) count *= ext[depth++]!;
  const found = new Set<number>();
  const inStrides = stridesOf(x.shape);
  const idx = new Array<number>(depth).fill(0);
  for (let r = 0; r < count; r++) {
    let lo = 0;
    let hi = 1;
    for (let d = 0; d < nd; d++) {
      const base = d < depth ? start[d]! + idx[d]! : start[d]!;
      lo += base * outStrides[d]!;
      hi += (d < depth ? base : start[d]! + ext[d]! - 1) * outStrides[d]!;
    }
    blocksMeeting(x, inStrides, 0, lo, hi, [], found);
    for (let d = depth - 1; d >= 0; d--) {
      if (++idx[d]! < ext[d]!) break;
      idx[d] = 0;
    }
  }
  return found;
}

/**
 * Adds to `found` the blocks of `x` meeting flat range [lo, hi) of the sub-array spanned by `axis`
 * and the axes after it, within the chunks `prefix` of the axes before.
 */
function blocksMeeting(x: ArrayData, strides: readonly number[], axis: number, lo: number, hi: number, prefix: number[], found: Set<number>): void {
  if (axis === x.ndim) {
    found.add(x.grid.flatIndex(prefix));
    return;
  }
  const s = strides[axis]!;
  const c0 = Math.floor(lo / s);
  const c1 = Math.floor((hi - 1) / s);
  const bounds = x.grid.boundaries(axis);
  for (let k = x.grid.chunkIndexOf(axis, c0); k <= x.grid.chunkIndexOf(axis, c1); k++) {
    const first = Math.max(bounds[k]!, c0);
    const last = Math.min(bounds[k + 1]! - 1, c1);
    const head = first === c0 ? lo - c0 * s : 0;
    const tail = last === c1 ? hi - c1 * s : s;
    prefix.push(k);
    if (first === last) blocksMeeting(x, strides, axis + 1, head, tail, prefix, found);
    else if (last - first >= 2 || head <= tail) blocksMeeting(x, strides, axis + 1, 0, s, prefix, found);
    else {
      blocksMeeting(x, strides, axis + 1, 0, tail, prefix, found);
      blocksMeeting(x, strides, axis + 1, head, s, prefix, found);
    }
    prefix.pop();
  }
}
