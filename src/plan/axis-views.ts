// SPDX-License-Identifier: Apache-2.0
/**
 * Slices, flips, rolls and broadcasts as per-axis maps (plan/axis-map.ts) whose result chunks are
 * chosen so that every block is a view of one source block: no op runs and no data moves.
 */
import { defaultBlockShape } from "../array/block-shape.js";
import { itemSize } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { type Shape, sizeOf } from "../array/shape.js";
import type { ArrayData } from "./array-data.js";
import { type AxisMap, identityMap, mapAxes, naturalChunks } from "./axis-map.js";
import { context } from "./context.js";
import { expandDimsView } from "./views.js";

/** `x` read through `maps` (identity where null), in the chunks that make every block a view. */
function viewThrough(x: ArrayData, maps: readonly (AxisMap | null)[]): ArrayData {
  const full = maps.map((m, d) => m ?? identityMap(x.shape[d]!));
  const chunks = maps.map((m, d) => (m ? naturalChunks(m, x.grid, d) : [...x.grid.chunks[d]!]));
  const shape = full.map((m) => m.reduce((s, seg) => s + seg.len, 0));
  return mapAxes(x, full, ArrayGrid.fromChunks(shape, chunks));
}

/** `x[start:stop]` along `axis` (0 <= start <= stop <= length). */
export function sliceAxis(x: ArrayData, axis: number, start: number, stop: number): ArrayData {
  return viewThrough(x, x.shape.map((_, d) => (d === axis ? (stop > start ? [{ len: stop - start, from: start, step: 1 }] : []) : null)));
}

/** `x` reversed along `axes` (negative strides). */
export function flipAxes(x: ArrayData, axes: readonly number[]): ArrayData {
  return viewThrough(x, x.shape.map((n, d) => (axes.includes(d) ? (n > 0 ? [{ len: n, from: n - 1, step: -1 }] : []) : null)));
}

/** `x` rolled by `shifts[d]` along each axis d (0 for none). */
export function rollAxes(x: ArrayData, shifts: readonly number[]): ArrayData {
  return viewThrough(
    x,
    x.shape.map((n, d) => {
      const s = n === 0 ? 0 : ((shifts[d]! % n) + n) % n;
      return s === 0 ? null : [{ len: s, from: n - s, step: 1 }, { len: n - s, from: 0, step: 1 }];
    }),
  );
}

/**
 * `x` broadcast to `shape` with zero strides. Broadcast axes are cut so that blocks stay about
 * the default block size (every block is still a view of one source block).
 */
export function broadcastView(x: ArrayData, shape: Shape): ArrayData {
  const lead = shape.length - x.ndim;
  const src = lead > 0 ? expandDimsView(x, Array.from({ length: lead }, (_, i) => i)) : x.retain();
  try {
    const spread = shape.map((n, d) => src.shape[d] === 1 && n !== 1);
    const def = defaultBlockShape(shape, itemSize(x.dtype), context().workers);
    let budget = sizeOf(def) / sizeOf(src.grid.blockShape.filter((_, d) => !spread[d]));
    const chunkOf = shape.map(() => 1);
    for (let d = shape.length - 1; d >= 0; d--) {
      if (!spread[d]) continue;
      chunkOf[d] = Math.max(1, Math.min(shape[d]!, Math.floor(budget)));
      budget /= chunkOf[d]!;
    }
    const maps = shape.map((n, d): AxisMap => (spread[d] ? (n === 0 ? [] : [{ len: n, from: 0, step: 0 }]) : identityMap(n)));
    const chunks = shape.map((n, d) => (spread[d] ? ArrayGrid.regular([n], [chunkOf[d]!]).chunks[0]! : [...src.grid.chunks[d]!]));
    return mapAxes(src, maps, ArrayGrid.fromChunks(shape, chunks));
  } finally {
    src.release();
  }
}
