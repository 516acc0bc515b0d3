// SPDX-License-Identifier: Apache-2.0
/**
 * Splitting arrays: `split`, `arraySplit`, `hsplit`, `vsplit`, `dsplit`. Every section is a view
 * of the source's blocks (a block cut by a section boundary is shared by both sections, each
 * seeing its part), so splitting moves no data; sections may have irregular chunks.
 */
import { normalizeAxis } from "../array/axis.js";
import { splitRanges } from "../array/sections.js";
import { ShapeError } from "../errors.js";
import { sliceAxis } from "../plan/axis-views.js";
import { BlockArray } from "./block-array.js";
import { type ArrayLike, wrap } from "./convert.js";
import { withData } from "./with-data.js";

export interface SplitOptions {
  axis?: number;
}

type Sections = number | readonly number[];

function sectionCount(sections: Sections): number {
  return typeof sections === "number" ? Math.max(0, Math.trunc(sections)) : sections.length + 1;
}

/**
 * Runs `fn` now, or, when `a`'s shape depends on data still being computed, returns one deferred
 * array per section (their number is known from `sections` alone).
 */
function sectionsOp(a: ArrayLike, sections: Sections, fn: () => BlockArray[]): BlockArray[] {
  if (!(a instanceof BlockArray) || a.isResolved) return fn();
  const n = sectionCount(sections);
  if (n <= 0) throw new ShapeError("number sections must be larger than 0.");
  const all = a.resolved().then(fn);
  return Array.from({ length: n }, (_, i) => BlockArray.deferred(all.then((list) => list[i]!)));
}

function splitAlong(fn: string, a: ArrayLike, sections: Sections, axis: number, equal: boolean): BlockArray[] {
  return sectionsOp(a, sections, () =>
    withData(a, `${fn}: ary`, (x) => {
      const ax = normalizeAxis(axis, x.ndim);
      return splitRanges(x.shape[ax]!, sections, equal).map(([start, stop]) => wrap(sliceAxis(x, ax, start, stop)));
    }),
  );
}

function axisOf(options: number | SplitOptions | undefined): number {
  return typeof options === "number" ? options : (options?.axis ?? 0);
}

/**
 * `np.split(ary, indices_or_sections, axis=0)`: `N` equal sections, or sections between the
 * given indices.
 * @example nt.split(nt.arange(6), 3) // three arrays of 2 elements
 * @throws ShapeError "array split does not result in an equal division"
 */
export function split(ary: ArrayLike, indicesOrSections: Sections, options?: number | SplitOptions): BlockArray[] {
  return splitAlong("split", ary, indicesOrSections, axisOf(options), true);
}

/** `np.array_split`: like `split`, but `N` sections need not be equal (the first are longer). */
export function arraySplit(ary: ArrayLike, indicesOrSections: Sections, options?: number | SplitOptions): BlockArray[] {
  return splitAlong("arraySplit", ary, indicesOrSections, axisOf(options), false);
}

function ndimOf(a: ArrayLike): number {
  if (a instanceof BlockArray) return a.ndim;
  return withData(a, "split: ary", (x) => x.ndim);
}

/** `np.hsplit`: split along axis 1 (axis 0 for 1-D arrays). */
export function hsplit(ary: ArrayLike, indicesOrSections: Sections): BlockArray[] {
  const nd = ndimOf(ary);
  if (nd === 0) throw new ShapeError("hsplit only works on arrays of 1 or more dimensions");
  return split(ary, indicesOrSections, nd > 1 ? 1 : 0);
}

/** `np.vsplit`: split along axis 0 (arrays of at least 2 dimensions). */
export function vsplit(ary: ArrayLike, indicesOrSections: Sections): BlockArray[] {
  if (ndimOf(ary) < 2) throw new ShapeError("vsplit only works on arrays of 2 or more dimensions");
  return split(ary, indicesOrSections, 0);
}

/** `np.dsplit`: split along axis 2 (arrays of at least 3 dimensions). */
export function dsplit(ary: ArrayLike, indicesOrSections: Sections): BlockArray[] {
  if (ndimOf(ary) < 3) throw new ShapeError("dsplit only works on arrays of 3 or more dimensions");
  return split(ary, indicesOrSections, 2);
}
