// SPDX-License-Identifier: Apache-2.0
/**
 * `x.set(index, value)` through a distributed mask. A value that does not depend on the mask's
 * true count (one row repeated) is an elementwise `where` over the masked region, written back as
 * a basic index; a value with one row per true element waits for the counts: a scatter at the
 * true elements for a mask over x's leading axes, else the write goes through the mask's
 * `nonzero()` arrays.
 */
import { broadcastShapes } from "../../array/broadcast.js";
import { ArrayGrid } from "../../array/grid.js";
import { checkValueShape } from "../../array/index/apply-local.js";
import { type Index, type IndexPart, toIndexParts } from "../../array/index/parts.js";
import { type Dim, type ResolvedIndex, bindMaskCounts, knownShape } from "../../array/index/resolved.js";
import { resolveIndex } from "../../array/index/resolve.js";
import { slice } from "../../array/index/slice.js";
import { formatDims, sizeOf } from "../../array/shape.js";
import { ShapeError } from "../../errors.js";
import type { ArrayData } from "../../plan/array-data.js";
import { regrid } from "../../plan/compose.js";
import { elementwise } from "../../plan/elementwise.js";
import { fixedOf, viewDimOf } from "../../plan/indexing/layout.js";
import { countBlocks } from "../../plan/indexing/mask-select.js";
import { basicSet, broadcastValue } from "../../plan/indexing/set-basic.js";
import { maskAssign } from "../../plan/indexing/set-mask.js";
import { stridedView } from "../../plan/indexing/strided-view.js";
import { materialize } from "../../plan/materialize.js";
import { expandDimsView, squeezeView } from "../../plan/views.js";
import { BlockArray } from "../block-array.js";
import type { ArrayLike } from "../convert.js";
import { nonzero } from "./nonzero.js";
import { assign } from "./set.js";
import { setValue } from "./set-value.js";

/** `x` after `x[index] = value` for an index holding a distributed mask (resolved as `r`). */
export function maskAssignment(x: ArrayData, r: ResolvedIndex<BlockArray>, index: Index<BlockArray>, value: ArrayLike): ArrayData | Promise<ArrayData> {
  const entries = r.advanced!.entries;
  const entry = entries[0]!;
  if (entries.length > 1 || entry.kind !== "mask") return viaNonzero(x, index, value);
  const v = setValue(value, x.dtype, "set: value");
  try {
    // A mask's own value rule that does not depend on the count (at most one dimension).
    if (r.singleMask && v.data.ndim > 1) checkValueShape(v.data.shape, [1], r);
    if (countFree(v.data.shape, r)) {
      checkCountFree(v.data.shape, r);
      return whereSet(x, r, index, entry.axes, entry.source.data, v.data);
    }
  } finally {
    v.release();
  }
  return overLeadingAxes(r, entry.axes.length) ? maskRows(x, r, entry.source.data, value) : viaNonzero(x, index, value);
}

/** Whether the index is one mask over x's first `k` (> 0) axes, the other axes whole. */
function overLeadingAxes(r: ResolvedIndex<BlockArray>, k: number): boolean {
  if (k === 0 || r.resultAxes[0]?.kind !== "advanced") return false;
  const rest = r.resultAxes.slice(1);
  if (rest.length !== r.axes.length - k || rest.some((a, i) => a.kind !== "slice" || a.axis !== k + i)) return false;
  return r.axes.every((s, axis) => {
    if (axis < k) return s.kind === "advanced";
    return s.kind === "slice" && s.step === 1 && s.start === 0 && s.length === r.sourceShape[axis];
  });
}

/**
 * NumPy's value checks with the count unknown (it does not matter for a count-free value); a
 * failing message prints the count as `?`, as unbound index shapes do.
 */
function checkCountFree(shape: readonly number[], r: ResolvedIndex<BlockArray>): void {
  try {
    checkValueShape(shape, r.shape.map((d) => d ?? 1), r);
  } catch (e) {
    if (!(e instanceof ShapeError) || r.singleMask) throw e;
    throw new ShapeError(
      `shape mismatch: value array of shape ${formatDims(shape)} could not be broadcast to indexing result of shape ${formatDims(r.shape)}`,
    );
  }
}

/** Whether a value of `shape` broadcasts over the mask's count without depending on it. */
function countFree(shape: readonly number[], r: ResolvedIndex<BlockArray>): boolean {
  const p = r.resultAxes.findIndex((a) => a.kind === "advanced");
  if (r.singleMask) return sizeOf(shape) === 1;
  const j = shape.length - (r.shape.length - p);
  return j < 0 || shape[j] === 1;
}

/** `x[mask] = rows`: waits for the counts, checks the value as NumPy does, then scatters. */
function maskRows(x: ArrayData, r: ResolvedIndex<BlockArray>, m: ArrayData, value: ArrayLike): Promise<ArrayData> {
  const v = setValue(value, x.dtype, "set: value");
  materialize(m);
  const k = m.ndim;
  const mask = regrid(m, ArrayGrid.fromChunks(m.shape, x.grid.chunks.slice(0, k)));
  x.retain();
  return countBlocks(mask)
    .then((counts) => {
      const bound = bindMaskCounts(r, [counts.reduce((a, b) => a + b, 0)]);
      const shape = knownShape(bound);
      checkValueShape(v.data.shape, shape, bound);
      const rows = broadcastValue(v.data, shape);
      try {
        return maskAssign(x, mask, counts, rows);
      } finally {
        rows.release();
      }
    })
    .finally(() => {
      v.release();
      mask.release();
      x.release();
    });
}

/** The write through the mask's `nonzero()` arrays, once they are known. */
function viaNonzero(x: ArrayData, index: Index<BlockArray>, value: ArrayLike): Promise<ArrayData> {
  const created: BlockArray[] = [];
  const parts = toIndexParts(index).flatMap((part): IndexPart<BlockArray>[] => {
    if (!(part instanceof BlockArray) || part.dtype !== "bool" || part.ndim === 0) return [part];
    const arrays = nonzero(part);
    created.push(...arrays);
    return arrays;
  });
  x.retain();
  return Promise.all(created.map((a) => a.resolved()))
    .then(() => assign(x, parts, value))
    .finally(() => {
      x.release();
      for (const a of created) a.dispose();
    });
}

/**
 * `x[... mask ...] = v` for a count-free value: over the basic view of x with the mask's axes
 * kept whole, `where(mask, v, view)` (the value laid out on the view's axes), written back.
 */
function whereSet(x: ArrayData, r: ResolvedIndex<BlockArray>, index: Index<BlockArray>, maskAxes: readonly number[], mask: ArrayData, value: ArrayData): ArrayData {
  const k = maskAxes.length;
  const parts = toIndexParts(index).flatMap((part): IndexPart<BlockArray>[] =>
    part instanceof BlockArray && part.dtype === "bool" ? maskAxes.map(() => slice(null)) : [part],
  );
  const basic = resolveIndex<BlockArray>(parts, x.shape);
  const view = stridedView(x, basic.resultAxes.map((a) => viewDimOf(basic, a)), fixedOf(basic));
  const q = k === 0 ? 0 : basic.resultAxes.findIndex((a) => a.kind === "slice" && a.axis === maskAxes[0]);
  const n = view.ndim;
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
  const cond = expandDimsView(mask, [...range(0, q), ...range(q + k, n)]);
  const laid = valueOnView(value, r.shape, q, k, n);
  try {
    const shape = broadcastShapes(view.shape, laid.shape);
    const w = elementwise("where", [cond, laid, view], ["bool", x.dtype, x.dtype], x.dtype, shape, view.grid);
    try {
      return basicSet(x, basic, w);
    } finally {
      w.release();
    }
  } finally {
    view.release();
    cond.release();
    laid.release();
  }
}

/**
 * A value shaped for the result `resultShape` (its count axis of length 1 or absent) laid out on
 * the view's axes: the count axis dropped, and length-1 axes for the mask's `k` axes at `q` and
 * for the view's leading axes the value lacks.
 */
function valueOnView(value: ArrayData, resultShape: readonly Dim[], q: number, k: number, n: number): ArrayData {
  const nr = resultShape.length;
  const p = resultShape.findIndex((d) => d === null);
  const lead = Math.max(0, value.ndim - nr);
  const ndim = value.ndim - lead;
  const countAxis = p - (nr - ndim);
  const drop = [...Array.from({ length: lead }, (_, i) => i), ...(countAxis >= 0 ? [lead + countAxis] : [])];
  const trimmed = drop.length > 0 ? squeezeView(value, drop) : value.retain();
  // The basic axes the value covers are the last `m` of the view's basic axes.
  const m = trimmed.ndim;
  const basicCount = nr - 1;
  const occupied = new Set(Array.from({ length: m }, (_, i) => basicCount - m + i).map((j) => j + (j >= q ? k : 0)));
  const added = Array.from({ length: n }, (_, i) => i).filter((i) => !occupied.has(i));
  try {
    return added.length > 0 ? expandDimsView(trimmed, added) : trimmed.retain();
  } finally {
    trimmed.release();
  }
}
