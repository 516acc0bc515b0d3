// SPDX-License-Identifier: Apache-2.0
/**
 * Where a gather's basic part starts in the source: for every source axis, the chunk and the
 * offset inside it fixed by integer indices and by the result run `entry` of each basic (sliced)
 * dimension. Advanced axes are left at 0 for the caller, which knows their chunks.
 */
import type { OpaqueArray } from "../../array/index/parts.js";
import type { ResolvedIndex } from "../../array/index/resolved.js";
import type { ArrayData } from "../array-data.js";
import type { Run, ViewDim } from "./strided-view.js";

export interface BasicRuns {
  readonly dims: readonly (ViewDim | null)[];
  readonly runs: readonly (Run[] | null)[];
}

export function basicPosition(
  src: ArrayData,
  r: ResolvedIndex<OpaqueArray>,
  plan: BasicRuns,
  entry: readonly number[],
): { at: number[]; local: number[] } {
  const at = new Array<number>(src.ndim).fill(0);
  const local = new Array<number>(src.ndim).fill(0);
  r.axes.forEach((s, axis) => {
    if (s.kind !== "int") return;
    at[axis] = src.grid.chunkIndexOf(axis, s.index);
    local[axis] = s.index - src.grid.boundaries(axis)[at[axis]!]!;
  });
  plan.dims.forEach((d, i) => {
    if (d === null || d.kind === "newaxis") return;
    const run = plan.runs[i]![entry[i]!]!;
    at[d.axis] = run.chunk;
    local[d.axis] = run.local;
  });
  return { at, local };
}
