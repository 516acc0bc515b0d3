// SPDX-License-Identifier: Apache-2.0
/**
 * Resolving an index against a shape, in the order NumPy checks it (so that an index with several
 * problems raises the error NumPy raises): each part's kind and the single ellipsis, then the
 * number of indexed dimensions, then boolean shapes, then integers and slices left to right, then
 * the broadcast of the advanced indices, then their bounds. (The number of result dimensions is
 * checked right after the number of indexed ones.)
 */
import { IndexError } from "../../errors.js";
import type { Shape } from "../shape.js";
import { type ClassifiedPart, classifyPart } from "./classify.js";
import { type Index, type IndexPart, type OpaqueArray, toIndexParts } from "./parts.js";
import {
  type AdvancedEntry,
  type AxisSelection,
  type Dim,
  type ResolvedIndex,
  type ResultAxis,
  broadcastIndexShapes,
  expandedShapes,
} from "./resolved.js";
import { checkArrayBounds, maskNonzero } from "./positions.js";
import { normalizeSlice } from "./slice.js";

/** NumPy's limit on the number of dimensions of an array. */
const MAX_DIMS = 64;

/**
 * Resolves `index` (a string, a part, or the tuple of parts) against an array of `shape`.
 *
 * @example
 * resolveIndex("0, :, [0, 1]", [3, 4, 5]).shape // [2, 4]: separated advanced dims go first
 * @throws IndexError (and TypeError for non-integer slice bounds) with NumPy's messages.
 */
export function resolveIndex<O extends OpaqueArray = OpaqueArray>(index: Index<O>, shape: Shape): ResolvedIndex<O> {
  const parts = classifyAll(toIndexParts(index));
  const layout = layoutOf(parts, shape);
  checkMaskShapes(parts, layout, shape);
  const axes = basicSelections(parts, layout, shape);
  const entries = advancedEntries(parts, layout, shape, axes);
  const basicAxes = basicResultAxes(parts, layout, shape.length);
  const only = parts.length === 1 ? parts[0]! : null;
  const flags = {
    basic: entries.length === 0,
    scalar: parts.length === shape.length && parts.every((p) => p.kind === "int"),
    singleMask:
      only !== null &&
      (only.kind === "bool" ? shape.length === 0 : (only.kind === "boolArray" || only.kind === "opaqueBool") && only.shape.length === shape.length),
  };
  const lengthOf = (a: ResultAxis, advShape: readonly Dim[]): Dim => {
    if (a.kind === "newaxis") return 1;
    if (a.kind === "advanced") return advShape[a.dim]!;
    const sel = axes[a.axis]!;
    return sel.kind === "slice" ? sel.length : 1;
  };
  if (entries.length === 0) {
    const resultShape = basicAxes.map((a) => lengthOf(a, []));
    return { sourceShape: [...shape], axes, resultAxes: basicAxes, shape: resultShape, advanced: null, ...flags };
  }

  const advShape = broadcastIndexShapes(expandedShapes(entries));
  if (!advShape.includes(null)) checkArrayBounds(entries, shape, advShape);
  const { position, adjacent } = placement(parts, layout);
  const advAxes: ResultAxis[] = advShape.map((_, dim) => ({ kind: "advanced", dim }));
  const resultAxes = [...basicAxes.slice(0, position), ...advAxes, ...basicAxes.slice(position)];
  return {
    sourceShape: [...shape],
    axes,
    resultAxes,
    shape: resultAxes.map((a) => lengthOf(a, advShape)),
    advanced: { entries, shape: advShape, position, adjacent },
    ...flags,
  };
}

/** Where each part sits in the source: its first axis, and how many axes the ellipsis spans. */
interface Layout {
  readonly firstAxis: readonly number[];
  /** Axes the ellipsis spans; without one, the axes left over at the end (an implicit `...`). */
  readonly ellipsisLength: number;
  readonly hasEllipsis: boolean;
}

/** @throws IndexError when the parts index more axes, or make more result axes, than allowed. */
function layoutOf(parts: readonly ClassifiedPart<OpaqueArray>[], shape: Shape): Layout {
  const ndim = shape.length;
  const used = parts.reduce((n, p) => n + indexedDims(p), 0);
  if (used > ndim) {
    throw new IndexError(`too many indices for array: array is ${ndim}-dimensional, but ${used} were indexed`);
  }
  const ellipsisLength = ndim - used;
  const resultNdim =
    ellipsisLength + parts.filter((p) => p.kind === "slice" || p.kind === "newaxis").length + advancedNdim(parts);
  if (resultNdim > MAX_DIMS) {
    throw new IndexError(`number of dimensions must be within [0, ${MAX_DIMS}], indexing result would have ${resultNdim}`);
  }
  const firstAxis: number[] = [];
  let next = 0;
  for (const p of parts) {
    firstAxis.push(next);
    next += p.kind === "ellipsis" ? ellipsisLength : indexedDims(p);
  }
  return { firstAxis, ellipsisLength, hasEllipsis: parts.some((p) => p.kind === "ellipsis") };
}

/** Each source axis a boolean array indexes must have the boolean axis's length. */
function checkMaskShapes(parts: readonly ClassifiedPart<OpaqueArray>[], layout: Layout, shape: Shape): void {
  parts.forEach((p, i) => {
    if (p.kind !== "boolArray" && p.kind !== "opaqueBool") return;
    p.shape.forEach((m, k) => {
      const axis = layout.firstAxis[i]! + k;
      if (m !== shape[axis]) {
        throw new IndexError(
          `boolean index did not match indexed array along axis ${axis}; size of axis is ${shape[axis]} but size of corresponding boolean axis is ${m}`,
        );
      }
    });
  });
}

/**
 * The selections of the axes indexed by integers, slices and the (explicit or implicit) ellipsis,
 * checked left to right; advanced axes are filled in later.
 */
function basicSelections(parts: readonly ClassifiedPart<OpaqueArray>[], layout: Layout, shape: Shape): AxisSelection[] {
  const axes = new Array<AxisSelection>(shape.length);
  const fill = (from: number): void => {
    for (let axis = from; axis < from + layout.ellipsisLength; axis++) {
      axes[axis] = { kind: "slice", start: 0, stop: shape[axis]!, step: 1, length: shape[axis]! };
    }
  };
  parts.forEach((p, i) => {
    const axis = layout.firstAxis[i]!;
    const n = shape[axis]!;
    if (p.kind === "int") {
      if (p.value < -n || p.value >= n) throw new IndexError(`index ${p.value} is out of bounds for axis ${axis} with size ${n}`);
      axes[axis] = { kind: "int", index: p.value < 0 ? p.value + n : p.value };
    } else if (p.kind === "slice") {
      axes[axis] = { kind: "slice", ...normalizeSlice(p.slice, n) };
    } else if (p.kind === "ellipsis") {
      fill(axis);
    }
  });
  if (!layout.hasEllipsis) fill(shape.length - layout.ellipsisLength);
  return axes;
}

/** The result axes of slices, newaxis and the ellipsis, in index order. */
function basicResultAxes(parts: readonly ClassifiedPart<OpaqueArray>[], layout: Layout, ndim: number): ResultAxis[] {
  const out: ResultAxis[] = [];
  const span = (from: number): void => {
    for (let axis = from; axis < from + layout.ellipsisLength; axis++) out.push({ kind: "slice", axis });
  };
  parts.forEach((p, i) => {
    if (p.kind === "slice") out.push({ kind: "slice", axis: layout.firstAxis[i]! });
    else if (p.kind === "newaxis") out.push({ kind: "newaxis" });
    else if (p.kind === "ellipsis") span(layout.firstAxis[i]!);
  });
  if (!layout.hasEllipsis) span(ndim - layout.ellipsisLength);
  return out;
}

function classifyAll<O extends OpaqueArray>(parts: readonly IndexPart<O>[]): ClassifiedPart<O>[] {
  let ellipses = 0;
  return parts.map((part) => {
    const p = classifyPart(part);
    if (p.kind === "ellipsis" && ++ellipses > 1) throw new IndexError("an index can only have a single ellipsis ('...')");
    return p;
  });
}

/** The number of dimensions the advanced indices broadcast to (all of them go into the result). */
function advancedNdim(parts: readonly ClassifiedPart<OpaqueArray>[]): number {
  let ndim = 0;
  for (const p of parts) {
    if (p.kind === "intArray" || p.kind === "opaqueInt") ndim = Math.max(ndim, p.shape.length);
    else if (p.kind === "boolArray" || p.kind === "opaqueBool" || p.kind === "bool") ndim = Math.max(ndim, 1);
  }
  return ndim;
}

/** How many source dimensions a part consumes (the ellipsis is counted separately). */
function indexedDims(p: ClassifiedPart<OpaqueArray>): number {
  switch (p.kind) {
    case "int":
    case "slice":
    case "intArray":
    case "opaqueInt":
      return 1;
    case "boolArray":
    case "opaqueBool":
      return p.shape.length;
    default:
      return 0;
  }
}

/** The advanced entries in index order; records each indexed axis in `axes`. */
function advancedEntries<O extends OpaqueArray>(
  parts: readonly ClassifiedPart<O>[],
  layout: Layout,
  shape: Shape,
  axes: AxisSelection[],
): AdvancedEntry<O>[] {
  const entries: AdvancedEntry<O>[] = [];
  const add = (entry: AdvancedEntry<O>, indexed: readonly number[]): void => {
    for (const axis of indexed) axes[axis] = { kind: "advanced", entry: entries.length };
    entries.push(entry);
  };
  parts.forEach((p, i) => {
    const axis = layout.firstAxis[i]!;
    switch (p.kind) {
      case "intArray":
        add({ kind: "array", axis, shape: [...p.shape], values: Float64Array.from(p.values) }, [axis]);
        break;
      case "opaqueInt":
        add({ kind: "opaque", axis, shape: [...p.shape], size: shape[axis]!, source: p.source }, [axis]);
        break;
      case "boolArray":
        maskNonzero(p.values, p.shape).forEach((values, k) =>
          add({ kind: "array", axis: axis + k, shape: [values.length], values }, [axis + k]),
        );
        break;
      case "opaqueBool": {
        const maskAxes = p.shape.map((_, k) => axis + k);
        add({ kind: "mask", axes: maskAxes, shape: [null], count: null, source: p.source }, maskAxes);
        break;
      }
      case "bool":
        add({ kind: "bool", value: p.value, shape: [p.value ? 1 : 0] }, []);
        break;
      default:
        break;
    }
  });
  return entries;
}

/**
 * NumPy's placement of the advanced dimensions (`mapiter_fill_info`): integers count as advanced;
 * if a slice, newaxis or ellipsis (even an empty one) separates two advanced indices the block goes
 * to the front, otherwise it replaces the first advanced index in place.
 */
function placement(parts: readonly ClassifiedPart<OpaqueArray>[], layout: Layout): { position: number; adjacent: boolean } {
  let status: "none" | "open" | "closed" | "separated" = "none";
  let position = 0;
  let resultDim = 0;
  for (const p of parts) {
    const advanced = p.kind !== "slice" && p.kind !== "newaxis" && p.kind !== "ellipsis";
    if (advanced) {
      if (status === "none") {
        position = resultDim;
        status = "open";
      } else if (status === "closed") {
        status = "separated";
        position = 0;
      }
    } else if (status === "open") {
      status = "closed";
    }
    resultDim += p.kind === "ellipsis" ? layout.ellipsisLength : p.kind === "slice" || p.kind === "newaxis" ? 1 : 0;
  }
  return { position, adjacent: status !== "separated" };
}
