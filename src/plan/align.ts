// SPDX-License-Identifier: Apache-2.0
/**
 * Reading an array over a region of another array's layout. An elementwise op computes output
 * block by block; each operand must be seen over exactly that block's region, broadcast to its
 * shape. When the region lies inside one of the operand's blocks this is a view (offset and
 * strides, zero copy, broadcast axes with stride 0); otherwise the covering pieces are assembled
 * into a temporary block first (re-blocking only what is needed).
 */
import { forEachInBox } from "../array/box.js";
import type { NodeId } from "../runtime/messages.js";
import type { InputView } from "../runtime/runtime.js";
import type { ArrayData } from "./array-data.js";
import { submitOp, wholeBlockView } from "./submit.js";

/** A region of the output: per output axis [start, stop). */
export type Region = readonly (readonly [number, number])[];

/**
 * The view of materialized `src` (broadcastable to an output of `outNdim` axes) over `region`,
 * broadcast to the region's shape. Any temporary block it creates is returned in `temps` so the
 * caller can release it once the consuming op is submitted.
 */
export function alignedView(src: ArrayData, region: Region, owner: NodeId, temps: { release(): void }[]): InputView {
  const outNdim = region.length;
  const lead = outNdim - src.ndim;
  const shape = region.map(([a, b]) => b - a);
  // The source's own region: an axis of length 1 broadcasts, so only its element 0 is read.
  const srcRegion: [number, number][] = src.shape.map((d, j) => (d === 1 ? [0, 1] : [region[j + lead]![0], region[j + lead]![1]]));
  const isBroadcast = src.shape.map((d) => d === 1);
  const chunk0 = srcRegion.map(([a], j) => src.grid.chunkIndexOf(j, a));
  const chunk1 = srcRegion.map(([, b], j) => src.grid.chunkIndexOf(j, Math.max(b - 1, 0)));
  let base: InputView;
  let local: number[];
  if (chunk0.every((c, j) => c === chunk1[j])) {
    const slot = src.slots[src.grid.flatIndex(chunk0)]!;
    const start = src.grid.blockStart(chunk0);
    base = { block: slot.block, offset: slot.offset, shape: src.grid.blockShapeAt(chunk0), strides: slot.strides };
    local = srcRegion.map(([a], j) => a - start[j]!);
  } else {
    const block = assembleRegion(src, srcRegion, chunk0, chunk1, owner);
    temps.push(block);
    base = wholeBlockView(block);
    local = srcRegion.map(() => 0);
  }
  let offset = base.offset;
  local.forEach((l, j) => (offset += l * base.strides[j]!));
  const strides = shape.map((_, axis) => {
    const j = axis - lead;
    return j < 0 || isBroadcast[j] ? 0 : base.strides[j]!;
  });
  return { block: base.block, offset, shape, strides };
}

/** Copies the parts of `src` covering `srcRegion` into one new contiguous block. */
function assembleRegion(
  src: ArrayData,
  srcRegion: readonly (readonly [number, number])[],
  chunk0: readonly number[],
  chunk1: readonly number[],
  owner: NodeId,
) {
  const inputs: InputView[] = [];
  const starts: number[][] = [];
  forEachInBox(chunk0, chunk1, (entry) => {
    const slot = src.slots[src.grid.flatIndex(entry)]!;
    const blockStart = src.grid.blockStart(entry);
    const blockShape = src.grid.blockShapeAt(entry);
    const lo = srcRegion.map(([a], j) => Math.max(a, blockStart[j]!));
    const hi = srcRegion.map(([, b], j) => Math.min(b, blockStart[j]! + blockShape[j]!));
    let offset = slot.offset;
    lo.forEach((l, j) => (offset += (l - blockStart[j]!) * slot.strides[j]!));
    inputs.push({ block: slot.block, offset, shape: hi.map((h, j) => h - lo[j]!), strides: slot.strides });
    starts.push(lo.map((l, j) => l - srcRegion[j]![0]));
  });
  const shape = srcRegion.map(([a, b]) => b - a);
  const { outputs } = submitOp({
    kernel: "assemble",
    attrs: { starts, fill: 0 },
    inputs,
    outputs: [{ dtype: src.dtype, shape }],
    owner,
    // Its only consumer runs on `owner`; assembling anywhere else would move the result again.
    final: true,
  });
  return outputs[0]!;
}
