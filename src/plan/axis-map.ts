// SPDX-License-Identifier: Apache-2.0
/**
 * Arrays that read a source through an independent map per axis: each output coordinate along an
 * axis reads one source coordinate (forward, backward, or the same one repeated) or holds a
 * constant. Slices, flips, rolls, broadcasts and both pad modes are such maps. Each output block
 * splits into pieces that each lie in one source block and read it with constant strides (a flip
 * is a negative stride, a broadcast or an edge pad a zero stride), so a block covered by one
 * piece is a view and the rest are assembled from a handful of pieces (see plan/compose.ts).
 */
import { ArrayGrid } from "../array/grid.js";
import type { ArrayData } from "./array-data.js";
import { type BlockRecipe, type Piece, compose } from "./compose.js";
import { fill } from "./creation.js";
import { materialize } from "./materialize.js";

/**
 * A run of `len` output coordinates along one axis: source coordinates `from + step * k`
 * (`step` 0 repeats one), or the constant `value`.
 */
export type Segment =
  | { readonly len: number; readonly from: number; readonly step: -1 | 0 | 1 }
  | { readonly len: number; readonly value: number };

export type AxisMap = readonly Segment[];

/** The map reading an axis of length n unchanged. */
export function identityMap(n: number): AxisMap {
  return n === 0 ? [] : [{ len: n, from: 0, step: 1 }];
}

/** Part of a block's range along one axis: from one source chunk, or a constant. */
type Part =
  | { readonly at: number; readonly len: number; readonly chunk: number; readonly local: number; readonly step: -1 | 0 | 1 }
  | { readonly at: number; readonly len: number; readonly value: number };

/** The parts of output range [lo, hi) along `axis` under `map`, split at source chunk boundaries. */
function partsOf(map: AxisMap, lo: number, hi: number, src: ArrayGrid, axis: number): Part[] {
  const parts: Part[] = [];
  const bounds = src.boundaries(axis);
  let segLo = 0;
  for (const seg of map) {
    const segHi = segLo + seg.len;
    const a = Math.max(lo, segLo);
    const b = Math.min(hi, segHi);
    if (a < b) {
      if ("value" in seg) parts.push({ at: a - lo, len: b - a, value: seg.value });
      else {
        for (let k = a - segLo; k < b - segLo; ) {
          const c = seg.from + seg.step * k;
          const chunk = src.chunkIndexOf(axis, c);
          const room = seg.step === 0 ? Infinity : seg.step > 0 ? bounds[chunk + 1]! - c : c - bounds[chunk]! + 1;
          const n = Math.min(b - segLo - k, room);
          parts.push({ at: segLo + k - lo, len: n, chunk, local: c - bounds[chunk]!, step: seg.step });
          k += n;
        }
      }
    }
    segLo = segHi;
  }
  return parts;
}

/** Chunks along an output axis such that each reads one source chunk through one segment (views). */
export function naturalChunks(map: AxisMap, src: ArrayGrid, axis: number): number[] {
  const total = map.reduce((s, seg) => s + seg.len, 0);
  return partsOf(map, 0, total, src, axis).map((p) => p.len);
}

/**
 * The array of layout `grid` reading `src` through `maps` (one per axis). Where a piece is
 * constant along several axes, the last such axis's value wins, as np.pad fills axis by axis.
 */
export function mapAxes(src: ArrayData, maps: readonly AxisMap[], grid: ArrayGrid): ArrayData {
  materialize(src);
  const constants = new Map<number, ArrayData>();
  const constantView = (value: number, shape: readonly number[]) => {
    let c = constants.get(value);
    if (!c) constants.set(value, (c = fill(ArrayGrid.regular([1], [1]), src.dtype, value)));
    return { block: c.slots[0]!.block, offset: 0, shape, strides: shape.map(() => 0) };
  };
  try {
    return compose(grid, src.dtype, (entry) => {
      const perAxis = grid.blockRange(entry).map(([lo, hi], d) => partsOf(maps[d]!, lo, hi, src.grid, d));
      const pieces: Piece[] = [];
      const constant: { at: number[]; shape: number[]; value: number }[] = [];
      forEachCombination(perAxis, (parts) => {
        const at = parts.map((p) => p.at);
        const shape = parts.map((p) => p.len);
        const valued = parts.filter((p): p is Extract<Part, { value: number }> => "value" in p);
        if (valued.length > 0) {
          constant.push({ at, shape, value: valued[valued.length - 1]!.value });
          return;
        }
        const sourced = parts as Extract<Part, { chunk: number }>[];
        const slot = src.slots[src.grid.flatIndex(sourced.map((p) => p.chunk))]!;
        let offset = slot.offset;
        sourced.forEach((p, d) => (offset += p.local * slot.strides[d]!));
        const strides = sourced.map((p, d) => (p.step === 0 ? 0 : p.step * slot.strides[d]!));
        pieces.push({ view: { block: slot.block, offset, shape, strides }, at });
      });
      return withConstants(pieces, constant, constantView);
    });
  } finally {
    for (const c of constants.values()) c.release();
  }
}

/** One fill value when all constant regions agree; otherwise zero-stride views of constants. */
function withConstants(
  pieces: Piece[],
  constant: readonly { at: number[]; shape: number[]; value: number }[],
  constantView: (value: number, shape: readonly number[]) => Piece["view"],
): BlockRecipe {
  if (constant.length === 0) return { pieces };
  const first = constant[0]!.value;
  if (constant.every((c) => Object.is(c.value, first))) return { pieces, fill: first };
  return { pieces: [...pieces, ...constant.map((c) => ({ view: constantView(c.value, c.shape), at: c.at }))] };
}

/** Calls `fn` with every combination of one element per list (C order). */
function forEachCombination<T>(lists: readonly (readonly T[])[], fn: (combo: T[]) => void): void {
  if (lists.some((l) => l.length === 0)) return;
  const idx = lists.map(() => 0);
  for (;;) {
    fn(idx.map((i, d) => lists[d]![i]!));
    let d = lists.length - 1;
    while (d >= 0 && idx[d] === lists[d]!.length - 1) idx[d--] = 0;
    if (d < 0) return;
    idx[d]!++;
  }
}
