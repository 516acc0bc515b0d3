// SPDX-License-Identifier: Apache-2.0
/**
 * Concatenation along an axis without copying: the result's chunks along the axis are the
 * inputs' chunks in order, so when the inputs agree on the other axes' chunks every input block
 * is reused as-is. Where they disagree, the other axes take the common refinement of the inputs'
 * chunks (still only views) unless that would fragment the blocks, in which case they take the
 * largest input's chunks and the other inputs' blocks are re-assembled to match.
 */
import { ArrayGrid } from "../array/grid.js";
import type { ArrayData } from "./array-data.js";
import { compose, piecesOfRegion } from "./compose.js";
import { materialize } from "./materialize.js";

/** A refinement may have at most this many times the chunks of the most finely split input. */
const MAX_REFINEMENT = 1.5;

/** Chunks of a non-concatenation axis shared by the inputs `arrays`. */
function sharedChunks(arrays: readonly ArrayData[], axis: number): number[] {
  const lists = arrays.map((a) => a.grid.chunks[axis]!);
  const first = lists[0]!;
  if (lists.every((l) => l.length === first.length && l.every((c, i) => c === first[i]))) return [...first];
  const cuts = new Set<number>();
  for (const a of arrays) for (const b of a.grid.boundaries(axis)) cuts.add(b);
  const sorted = [...cuts].sort((p, q) => p - q);
  const refined = sorted.slice(1).map((b, i) => b - sorted[i]!);
  if (refined.length <= MAX_REFINEMENT * Math.max(...lists.map((l) => l.length))) return refined;
  const largest = arrays.reduce((best, a) => (a.size > best.size ? a : best));
  return [...largest.grid.chunks[axis]!];
}

/** `arrays` (same dtype, same shape except along `axis`) joined along `axis`. */
export function concatenate(arrays: readonly ArrayData[], axis: number): ArrayData {
  for (const a of arrays) materialize(a);
  const shape = [...arrays[0]!.shape];
  shape[axis] = arrays.reduce((s, a) => s + a.shape[axis]!, 0);
  const parts = arrays.filter((a) => a.shape[axis]! > 0);
  const dtype = arrays[0]!.dtype;
  const chunks = shape.map((n, d) => {
    if (d === axis) return parts.flatMap((a) => a.grid.chunks[axis]!);
    return n === 0 || parts.length === 0 ? [] : sharedChunks(parts, d);
  });
  const grid = ArrayGrid.fromChunks(shape, chunks);
  // Which input, and which of its chunks, each result chunk along the axis comes from.
  const source: { array: ArrayData; start: number }[] = [];
  for (const a of parts) for (const b of a.grid.boundaries(axis).slice(0, -1)) source.push({ array: a, start: b });
  return compose(grid, dtype, (entry, blockShape) => {
    const { array, start } = source[entry[axis]!]!;
    const region = grid.blockRange(entry).map((r, d): [number, number] => (d === axis ? [start, start + blockShape[d]!] : r));
    return { pieces: piecesOfRegion(array, region, entry.map(() => 0)) };
  });
}
