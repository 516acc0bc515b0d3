// SPDX-License-Identifier: Apache-2.0
/**
 * `np.pad` (constant and edge modes) as a per-axis map: before and after each axis, a constant or
 * the edge element repeated (a zero-stride view). A pad no wider than the adjacent block joins
 * that block, so padding does not leave thin blocks behind; interior blocks stay views, the edge
 * blocks are assembled from the source piece and the pad.
 */
import { defaultBlockShape } from "../array/block-shape.js";
import { itemSize } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import type { ArrayData } from "./array-data.js";
import { type AxisMap, type Segment, mapAxes } from "./axis-map.js";
import { context } from "./context.js";

export type PadMode = { readonly kind: "constant"; readonly values: readonly (readonly [number, number])[] } | { readonly kind: "edge" };

/** Chunks of length `n` no longer than `max`. */
function cut(n: number, max: number): number[] {
  return n === 0 ? [] : [...ArrayGrid.regular([n], [Math.max(1, max)]).chunks[0]!];
}

/** `x` padded by `widths[d] = [before, after]` along each axis (edge mode needs non-empty axes). */
export function pad(x: ArrayData, widths: readonly (readonly [number, number])[], mode: PadMode): ArrayData {
  const shape = x.shape.map((n, d) => n + widths[d]![0] + widths[d]![1]);
  const def = defaultBlockShape(shape, itemSize(x.dtype), context().workers);
  const maps = x.shape.map((n, d): AxisMap => {
    const [before, after] = widths[d]!;
    const side = (len: number, edge: number, value: number): Segment[] =>
      len === 0 ? [] : [mode.kind === "edge" ? { len, from: edge, step: 0 } : { len, value }];
    const values = mode.kind === "constant" ? mode.values[d]! : [0, 0];
    return [...side(before, 0, values[0]!), ...(n > 0 ? [{ len: n, from: 0, step: 1 as const }] : []), ...side(after, n - 1, values[1]!)];
  });
  const chunks = x.shape.map((_, d) => {
    const [before, after] = widths[d]!;
    const own = [...x.grid.chunks[d]!];
    if (own.length === 0) return cut(before + after, def[d]!);
    const max = Math.max(...own);
    const head = before <= own[0]! ? [] : cut(before, max);
    if (head.length === 0) own[0]! += before;
    const tail = after <= own[own.length - 1]! ? [] : cut(after, max);
    if (tail.length === 0) own[own.length - 1]! += after;
    return [...head, ...own, ...tail];
  });
  return mapAxes(x, maps, ArrayGrid.fromChunks(shape, chunks));
}
