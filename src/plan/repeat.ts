// SPDX-License-Identifier: Apache-2.0
/**
 * `np.repeat` along an axis: each source block expands into the result blocks that hold its
 * repetitions (one `repeat` op each, on the result block's owner, reading only that source
 * block), so the result's chunks follow the source's. A chunk whose expansion would exceed a
 * good block size is split, each part reading just the source elements it repeats.
 */
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { context } from "./context.js";
import { materialize } from "./materialize.js";
import { submitOp } from "./submit.js";

/** One result chunk along the axis: the source chunk it expands and its first position there. */
interface Part {
  readonly chunk: number;
  readonly skip: number;
  readonly len: number;
}

/**
 * `x` with element i along `axis` repeated `counts` times (a number) or `counts[i]` times; no
 * result chunk along `axis` exceeds `maxChunk` unless one source chunk is longer.
 */
export function repeat(x: ArrayData, counts: number | Float64Array, axis: number, maxChunk: number): ArrayData {
  materialize(x);
  const bounds = x.grid.boundaries(axis);
  const times = (i: number) => (typeof counts === "number" ? counts : counts[i]!);
  // prefix[i]: repetitions of the elements before i (within all of the axis).
  const prefix = new Float64Array(x.shape[axis]! + 1);
  for (let i = 0; i < x.shape[axis]!; i++) prefix[i + 1] = prefix[i]! + times(i);
  const parts: Part[] = [];
  x.grid.chunks[axis]!.forEach((_, k) => {
    const total = prefix[bounds[k + 1]!]! - prefix[bounds[k]!]!;
    const n = Math.ceil(total / Math.max(maxChunk, x.grid.chunks[axis]![k]!));
    for (let p = 0; p < n; p++) {
      const from = Math.floor((total * p) / n);
      parts.push({ chunk: k, skip: from, len: Math.floor((total * (p + 1)) / n) - from });
    }
  });
  const shape = [...x.shape];
  shape[axis] = prefix[x.shape[axis]!]!;
  const chunks = x.grid.chunks.map((c, d) => (d === axis ? parts.map((p) => p.len) : shape[d] === 0 ? [] : [...c]));
  const grid = ArrayGrid.fromChunks(shape, chunks);
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const part = parts[entry[axis]!]!;
    const srcEntry = [...entry];
    srcEntry[axis] = part.chunk;
    const slot = x.slots[x.grid.flatIndex(srcEntry)]!;
    // Source elements [i0, i1] of the chunk hold repetitions skip .. skip + len - 1.
    const base = bounds[part.chunk]!;
    const at = (u: number) => lastAtMost(prefix, prefix[base]! + u, base, bounds[part.chunk + 1]! - 1);
    const i0 = at(part.skip);
    const i1 = at(part.skip + part.len - 1);
    const viewShape = x.grid.blockShapeAt(srcEntry);
    viewShape[axis] = i1 - i0 + 1;
    const { outputs } = submitOp({
      kernel: "repeat",
      attrs: {
        axis,
        counts: typeof counts === "number" ? counts : counts.slice(i0, i1 + 1),
        skip: prefix[base]! + part.skip - prefix[i0]!,
      },
      inputs: [{ block: slot.block, offset: slot.offset + (i0 - base) * slot.strides[axis]!, shape: viewShape, strides: slot.strides }],
      outputs: [{ dtype: x.dtype, shape: grid.blockShapeAt(entry) }],
      owner: ownerOf(entry, grid.gridShape, nodes),
      final: true,
    });
    slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(grid.blockShapeAt(entry)) });
  }
  return ArrayData.fromSlots(grid, x.dtype, slots);
}

/** The largest i in [lo, hi] with prefix[i] <= v (binary search; prefix is non-decreasing). */
function lastAtMost(prefix: Float64Array, v: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (prefix[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
