// SPDX-License-Identifier: Apache-2.0
/**
 * ResolvedIndex: an index resolved against a shape, as NumPy's `prepare_index` and `mapiter` see
 * it. Pure metadata, the contract between index resolution and every implementation of get/set
 * (the local reference in `apply-local.ts`, the distributed one in `plan/`).
 *
 * Reading a result element: its coordinates along `resultAxes` fix, for every source axis, one
 * position: `int` axes are fixed, `slice` axes take `start + i * step` from their result axis, and
 * the advanced block's coordinates (a multi-index `k` into `advanced.shape`) give each advanced
 * entry's value at `k` (broadcast) as the position along that entry's axis.
 */
import { IndexError } from "../../errors.js";
import { sizeOf } from "../shape.js";
import { formatDims } from "./format.js";
import { checkArrayBounds } from "./positions.js";
import type { OpaqueArray } from "./parts.js";
import type { NormalizedSlice } from "./slice.js";

/** A result length; `null` when it depends on the values of an opaque mask (its `true` count). */
export type Dim = number | null;

/** How one source axis is indexed. */
export type AxisSelection =
  /** A fixed position, normalized into `[0, n)`. */
  | { readonly kind: "int"; readonly index: number }
  /** Positions `start + i * step`, `i < length` (explicit slices, ellipsis and trailing axes). */
  | ({ readonly kind: "slice" } & NormalizedSlice)
  /** Positions given by `advanced.entries[entry]`. */
  | { readonly kind: "advanced"; readonly entry: number };

/** One advanced index (NumPy: one indexing array after boolean arrays became `nonzero()`). */
export type AdvancedEntry<O extends OpaqueArray = OpaqueArray> =
  /**
   * Known positions along `axis`, C order over `shape`. Integer arrays and lists give one each; a
   * concrete k-d mask gives k of shape `[count]` (its `nonzero()`). Bounds-checked and normalized
   * into `[0, n)` as soon as the advanced shape is known (at once, or by {@link bindMaskCounts});
   * like NumPy, not checked when that shape is empty (the values are then never read).
   */
  | { readonly kind: "array"; readonly axis: number; readonly shape: readonly number[]; readonly values: Float64Array }
  /**
   * An opaque integer array along `axis`: the runtime must raise NumPy's "index 5 is out of
   * bounds for axis 0 with size 3" for values outside `[-size, size)` and add `size` to negatives.
   */
  | { readonly kind: "opaque"; readonly axis: number; readonly shape: readonly number[]; readonly size: number; readonly source: O }
  /**
   * An opaque boolean mask over the consecutive source `axes` (its shape equals theirs): its
   * `nonzero()` gives one position per axis for each of `count` true entries, in C order.
   * `count` is `null` until {@link bindMaskCounts} supplies it; `shape` is `[count]`.
   */
  | { readonly kind: "mask"; readonly axes: readonly number[]; readonly shape: readonly [Dim]; readonly count: Dim; readonly source: O }
  /** A 0-d boolean (`x[True]`): indexes no axis, contributes a length of 1 (`true`) or 0. */
  | { readonly kind: "bool"; readonly value: boolean; readonly shape: readonly [number] };

/** The advanced indices together: broadcast to `shape`, placed at `position` in the result. */
export interface AdvancedBlock<O extends OpaqueArray = OpaqueArray> {
  /** In index order (the order NumPy checks bounds and names shapes in errors). */
  readonly entries: readonly AdvancedEntry<O>[];
  /** The broadcast shape of all entries. */
  readonly shape: readonly Dim[];
  /** Where `shape` starts in the result shape. */
  readonly position: number;
  /**
   * True when the advanced indices (integers count as advanced here) are adjacent in the index,
   * so their dimensions replace them in place; false when a slice, ellipsis or newaxis separates
   * them, which moves their dimensions to the front (`position` 0). NumPy's rule.
   */
  readonly adjacent: boolean;
}

/** Where one result axis comes from. */
export type ResultAxis =
  | { readonly kind: "slice"; readonly axis: number }
  | { readonly kind: "newaxis" }
  | { readonly kind: "advanced"; readonly dim: number };

export interface ResolvedIndex<O extends OpaqueArray = OpaqueArray> {
  /** The shape of the indexed array. */
  readonly sourceShape: readonly number[];
  /** One selection per source axis. */
  readonly axes: readonly AxisSelection[];
  /** One entry per result axis, in result order. */
  readonly resultAxes: readonly ResultAxis[];
  /** The result shape (`null` for lengths that depend on opaque masks). */
  readonly shape: readonly Dim[];
  /** The advanced indices, or `null` for a basic index. */
  readonly advanced: AdvancedBlock<O> | null;
  /** Only integers, slices, newaxis and ellipsis: the result is a strided view of the source. */
  readonly basic: boolean;
  /** One integer per source axis and nothing else: NumPy returns a scalar, and `set` needs one. */
  readonly scalar: boolean;
  /**
   * The index is one boolean array of the source's full shape (NumPy's boolean-assignment path:
   * `set` takes a 0-d or 1-d value of 1 or `count` elements).
   */
  readonly singleMask: boolean;
}

/** Whether every length is known and no entry is opaque (what `apply-local.ts` needs). */
export function isConcrete<O extends OpaqueArray>(r: ResolvedIndex<O>): boolean {
  return r.advanced === null || r.advanced.entries.every((e) => e.kind === "array" || e.kind === "bool");
}

/** The result shape, which must be known. */
export function knownShape(r: ResolvedIndex<OpaqueArray>): number[] {
  return r.shape.map((d) => {
    if (d === null) throw new IndexError("the result shape depends on a mask whose true count is not known yet");
    return d;
  });
}

/**
 * NumPy's broadcasting of advanced index shapes. An unknown length broadcasts like a length that
 * is not 1: against a known non-1 length the result is that length (the runtime checks the count
 * is 1 or equal), against only 1s or unknowns it stays unknown.
 *
 * @throws IndexError "shape mismatch: indexing arrays could not be broadcast together with shapes
 *   (2,) (3,)" when known lengths disagree.
 */
export function broadcastIndexShapes(shapes: readonly (readonly Dim[])[]): Dim[] {
  const ndim = Math.max(0, ...shapes.map((s) => s.length));
  const out: Dim[] = new Array<Dim>(ndim).fill(1);
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const axis = ndim - shape.length + i;
      const d = shape[i]!;
      const o = out[axis]!;
      if (d === 1 || d === o) continue;
      if (d === null) {
        if (o === 1) out[axis] = null;
      } else if (o === 1 || o === null) {
        out[axis] = d;
      } else {
        throw new IndexError(
          `shape mismatch: indexing arrays could not be broadcast together with shapes ${shapes.map(formatDims).join(" ")}`,
        );
      }
    }
  }
  return out;
}

/**
 * The index with the true counts of its opaque masks filled in (in entry order), every length
 * then known. Re-checks the broadcast of the advanced shapes with the real counts.
 *
 * @throws IndexError for a count that does not fit its mask, or NumPy's shape mismatch message.
 */
export function bindMaskCounts<O extends OpaqueArray>(r: ResolvedIndex<O>, counts: readonly number[]): ResolvedIndex<O> {
  const adv = r.advanced;
  const masks = adv === null ? [] : adv.entries.filter((e) => e.kind === "mask");
  if (counts.length !== masks.length) {
    throw new IndexError(`bindMaskCounts: the index has ${masks.length} opaque masks but ${counts.length} counts were given`);
  }
  if (adv === null) return r;
  let next = 0;
  const entries = adv.entries.map((e): AdvancedEntry<O> => {
    if (e.kind !== "mask") return e;
    const count = counts[next++]!;
    const size = sizeOf(e.axes.map((a) => r.sourceShape[a]!));
    if (!Number.isInteger(count) || count < 0 || count > size) {
      throw new IndexError(`bindMaskCounts: a mask over ${size} elements cannot have ${count} true entries`);
    }
    return { ...e, count, shape: [count] };
  });
  const shape = broadcastIndexShapes(expandedShapes(entries));
  checkArrayBounds(entries, r.sourceShape, shape);
  const advanced: AdvancedBlock<O> = { ...adv, entries, shape };
  const resultShape = r.resultAxes.map((a, i) => (a.kind === "advanced" ? shape[a.dim]! : r.shape[i]!));
  return { ...r, advanced, shape: resultShape };
}

/**
 * The shapes NumPy broadcasts and names in its mismatch message: one per entry, except that a
 * k-d opaque mask stands for its k `nonzero()` arrays.
 */
export function expandedShapes(entries: readonly AdvancedEntry<OpaqueArray>[]): (readonly Dim[])[] {
  return entries.flatMap((e) => (e.kind === "mask" && e.axes.length > 0 ? e.axes.map(() => e.shape) : [e.shape]));
}
