// SPDX-License-Identifier: Apache-2.0
/**
 * Result layouts of indexing: basic result axes follow the source's chunks (cut so that each block
 * reads one source block), and the advanced dimensions are cut so blocks stay near the default
 * block size, or follow the chunks of an index array laid out along them.
 */
import { defaultBlockShape } from "../../array/block-shape.js";
import { type Dtype, itemSize } from "../../array/dtype.js";
import type { ArrayGrid } from "../../array/grid.js";
import type { ResolvedIndex, ResultAxis } from "../../array/index/resolved.js";
import type { OpaqueArray } from "../../array/index/parts.js";
import { sizeOf } from "../../array/shape.js";
import { context } from "../context.js";
import { type Run, type ViewDim, affineRuns } from "./strided-view.js";

/** Regular chunks of `shape` whose blocks hold about `budget` elements (later axes filled first). */
export function budgetChunks(shape: readonly number[], budget: number): number[][] {
  const out: number[][] = new Array<number[]>(shape.length);
  let left = Math.max(1, budget);
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    const c = Math.max(1, Math.min(n, Math.floor(left)));
    left /= c;
    const chunks: number[] = [];
    for (let s = 0; s < n; s += c) chunks.push(Math.min(c, n - s));
    out[d] = chunks;
  }
  return out;
}

/** The element budget of one result block, given the largest block of the basic axes. */
export function advancedBudget(resultShape: readonly number[], dtype: Dtype, basicBlock: readonly number[]): number {
  const nominal = sizeOf(defaultBlockShape(resultShape, itemSize(dtype), context().workers));
  return nominal / Math.max(1, sizeOf(basicBlock));
}

/** The view dim of a basic result axis of `r`. */
export function viewDimOf(r: ResolvedIndex<OpaqueArray>, a: ResultAxis): ViewDim {
  if (a.kind === "newaxis") return { kind: "newaxis" };
  if (a.kind === "advanced") throw new Error("internal: an advanced result axis has no view dim");
  const sel = r.axes[a.axis]!;
  if (sel.kind !== "slice") throw new Error(`internal: result axis reads axis ${a.axis}, which is not sliced`);
  return { kind: "affine", axis: a.axis, start: sel.start, step: sel.step, length: sel.length };
}

/** The integer positions of the source axes `r` fixes (null elsewhere). */
export function fixedOf(r: ResolvedIndex<OpaqueArray>): (number | null)[] {
  return r.axes.map((s) => (s.kind === "int" ? s.index : null));
}

/** Per result axis of `r`: the runs of a basic axis, or null for an advanced dim. */
export function resultRuns(src: ArrayGrid, r: ResolvedIndex<OpaqueArray>): (Run[] | null)[] {
  return r.resultAxes.map((a) => {
    if (a.kind === "advanced") return null;
    const d = viewDimOf(r, a);
    return d.kind === "newaxis" ? [{ len: 1, chunk: 0, local: 0 }] : affineRuns(src, d.axis, d.start, d.step, d.length);
  });
}
