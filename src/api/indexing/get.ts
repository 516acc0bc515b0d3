// SPDX-License-Identifier: Apache-2.0
/**
 * `x.get(index)`: NumPy's `x[index]` on a BlockArray. The index is resolved (and every argument
 * error thrown) synchronously by `resolveIndex`; then basic indices become views, integer arrays
 * known here a routed gather, distributed integer arrays a gather by matching, and distributed
 * boolean masks a deferred selection (its length is the mask's true count).
 */
import { ArrayGrid } from "../../array/grid.js";
import { type Index, type IndexPart, toIndexParts } from "../../array/index/parts.js";
import { type ResolvedIndex, isConcrete } from "../../array/index/resolved.js";
import { sizeOf } from "../../array/shape.js";
import { IndexError } from "../../errors.js";
import type { ArrayData } from "../../plan/array-data.js";
import { regrid } from "../../plan/compose.js";
import { boundsStatus, readStatus } from "../../plan/indexing/bounds.js";
import { knownGather } from "../../plan/indexing/known-gather.js";
import { fixedOf, viewDimOf } from "../../plan/indexing/layout.js";
import { compressBlocks, countBlocks } from "../../plan/indexing/mask-select.js";
import { opaqueGather } from "../../plan/indexing/opaque-gather.js";
import { basicView } from "../../plan/indexing/lazy-view.js";
import type { ViewDim } from "../../plan/indexing/strided-view.js";
import { materialize } from "../../plan/materialize.js";
import { BlockArray } from "../block-array.js";
import { wrap } from "../convert.js";
import { arrayOp } from "../op.js";
import { indexInputs } from "./inputs.js";
import { nonzero } from "./nonzero.js";
import { resolveDistributed } from "./resolve.js";

/** `x[index]` (see BlockArray.get). */
export const getItem = arrayOp(function get(x: BlockArray, index: Index<BlockArray>): BlockArray {
  const { r, made } = resolveDistributed(index, x.shape);
  try {
    return getResolved(x, index, r);
  } finally {
    for (const b of made) b.dispose();
  }
});

function getResolved(x: BlockArray, index: Index<BlockArray>, r: ResolvedIndex<BlockArray>): BlockArray {
  const data = x.data;
  if (r.advanced === null) return wrap(basicView(data, r.resultAxes.map((a) => viewDimOf(r, a)), fixedOf(r)));
  const entries = r.advanced.entries;
  if (entries.some((e) => e.kind === "mask")) {
    return entries.length === 1 ? maskGet(data, r) : getItem(x, withNonzero(index));
  }
  if (isConcrete(r)) return wrap(knownGather(data, r));
  return arrayGet(data, r);
}

/** Through distributed integer arrays: inputs, their bounds status, then the matching gather. */
function arrayGet(x: ArrayData, r: ResolvedIndex<BlockArray>): BlockArray {
  const { inputs, checks, release } = indexInputs(r);
  const status = sizeOf(r.advanced!.shape as number[]) > 0 && checks.length > 0 ? boundsStatus(checks) : null;
  try {
    const result = wrap(opaqueGather(x, r, inputs, status));
    if (status === null || result.size > 0) return result;
    // No block would carry the failure; NumPy still checks the indices.
    return BlockArray.deferred(readStatus(status).then(() => result), { shape: result.shape, dtype: result.dtype });
  } finally {
    status?.release();
    release();
  }
}

/**
 * Through one distributed mask (with integers and slices around it): the basic part is a view
 * with the mask's axes kept whole, the mask is laid out like it, and the selection waits for the
 * per-block counts.
 */
function maskGet(x: ArrayData, r: ResolvedIndex<BlockArray>): BlockArray {
  const adv = r.advanced!;
  const entry = adv.entries[0]!;
  if (entry.kind !== "mask") throw new Error("internal: maskGet without a mask");
  const dims: ViewDim[] = r.resultAxes.flatMap((a): ViewDim[] =>
    a.kind === "advanced"
      ? entry.axes.map((axis) => ({ kind: "affine", axis, start: 0, step: 1, length: r.sourceShape[axis]! }))
      : [viewDimOf(r, a)],
  );
  const p = adv.position;
  const k = entry.axes.length;
  const v = basicView(x, dims, fixedOf(r));
  const m = entry.source.data;
  materialize(m);
  const mask = regrid(m, ArrayGrid.fromChunks(m.shape, v.grid.chunks.slice(p, p + k)));
  const result = countBlocks(mask)
    .then((counts) => wrap(compressBlocks(v, mask, counts, p)))
    .finally(() => {
      v.release();
      mask.release();
    });
  return BlockArray.deferred(result);
}

/**
 * The index with every distributed mask replaced by its `nonzero()` arrays (NumPy's own
 * reading of a mask next to other index arrays).
 */
function withNonzero(index: Index<BlockArray>): IndexPart<BlockArray>[] {
  return toIndexParts(index).flatMap((part) => {
    if (!(part instanceof BlockArray) || part.dtype !== "bool") return [part];
    if (part.ndim === 0) {
      throw new IndexError("a 0-d boolean BlockArray can only be used as the only array in an index (use a JS boolean)");
    }
    return nonzero(part);
  });
}
