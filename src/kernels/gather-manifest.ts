// SPDX-License-Identifier: Apache-2.0
/**
 * Attributes of the indexing kernels (part of the kernel manifest, `kernels/manifest.ts`): gathers
 * and scatters at positions the planner knows, their twins for index arrays whose values only the
 * nodes know ("match" kernels: each source block keeps the positions that fall inside it), the
 * bounds status of such index arrays, and boolean-mask selection.
 *
 * Offsets are element offsets into a view's buffer relative to the view's `offset` (they may be
 * negative: views can have negative strides). Index values may come in any integer or bool dtype.
 */

/**
 * Reads positions the planner computed. The output's axes `[axis, axis + ndim)` are one run of
 * positions in C order (an advanced-index block); its other axes are the input views' axes in
 * order: input j supplies positions `targets[j]` of the run (all of them in order when `targets`
 * is absent and there is one input), reading `in_j[pre, post]` shifted by `offsets[j][t]`.
 */
export interface GatherAttrs {
  readonly axis: number;
  readonly ndim: number;
  readonly offsets: readonly Int32Array[];
  readonly targets?: readonly Int32Array[];
}

/**
 * How one piece lands in the output: element `i` of the piece goes to output element offset
 * `targets[i[axis]] + sum over d != axis of i[d] * strides[d]` (`strides[axis]` is ignored).
 */
export interface ScatterPiece {
  readonly axis: number;
  readonly targets: Int32Array;
  readonly strides: readonly number[];
}

/**
 * Writes pieces into a block: the output starts as a copy of input 0 (`base`) or as `fill`, then
 * every piece (the following inputs, in order) is written where `pieces` says; a later write wins.
 * Values are copied as they are (the planner casts them first).
 */
export interface ScatterAttrs {
  readonly base: boolean;
  readonly fill: number;
  readonly pieces: readonly ScatterPiece[];
}

/** One index array read by a match kernel, along a source axis whose block covers `[lo, hi)`. */
export interface MatchEntry {
  /** Element stride of the source axis in the source view. */
  readonly stride: number;
  readonly lo: number;
  readonly hi: number;
  /** The axis length: negative values count from the end (`v < 0` reads `v + size`). */
  readonly size: number;
}

/**
 * One source of a match: element `i` (over the output's shape, C order) reads index view `e` at
 * `i` for each entry; when every value falls in its entry's `[lo, hi)` the element lives in this
 * source block at `offset + sum_d i[d] * dims[d] + sum_e (v_e - lo_e) * stride_e`.
 */
export interface MatchSource {
  readonly offset: number;
  readonly dims: readonly number[];
  readonly entries: readonly MatchEntry[];
}

/**
 * Gather through index arrays from the source blocks of one node: inputs are the source views (one
 * per `sources` entry), then one index view per array entry (each over the output's shape,
 * broadcast by zero strides), then the status when `status` is set. Each element's index values
 * name a chunk along each entry's axis (`bounds[e]`: chunk boundaries; `sizes[e]`: the axis length,
 * negative values count from the end); their mixed-radix chunk number maps through `sourceOf` to the
 * source holding the element, or to -1 (not here: the output keeps whatever it held, and
 * `selectMerge` picks). Every index value is looked up once, and where the index is constant along
 * the innermost run (rows gathered along an outer axis) the whole run is copied at once.
 */
export interface GatherMatchAttrs {
  readonly sources: readonly MatchSource[];
  readonly bounds: readonly (readonly number[])[];
  readonly sizes: readonly number[];
  readonly sourceOf: Int32Array;
  readonly status: boolean;
}

/**
 * Merges the outputs of `gatherMatch` by selection (never by adding, so -0.0 and NaN survive):
 * inputs are the index views (one per entry, over the output's shape), the status when `status`
 * is set, then the pieces. For each element, the chunk each index value falls in along its entry
 * (`bounds[e]`: chunk boundaries) gives a mixed-radix candidate number; `pieceOf` maps it to the
 * piece holding the element.
 */
export interface SelectMergeAttrs {
  readonly bounds: readonly (readonly number[])[];
  readonly sizes: readonly number[];
  readonly pieceOf: Int32Array;
  readonly status: boolean;
}

/**
 * Writes through index arrays into one block: the output starts as a copy of input 0, then (after
 * the status, when `status` is set) each source reads a value view and one index view per entry,
 * all over that source's shape, and writes every element whose indices fall in this block. Sources
 * are applied in order, elements in C order, so the last write wins as in NumPy.
 */
export interface ScatterMatchAttrs {
  readonly status: boolean;
  readonly sources: readonly MatchSource[];
}

/** One bounds check of `indexBounds`: an index block, or an earlier status. */
export type BoundsCheck =
  | {
      readonly kind: "index";
      /** Which check this is, in NumPy's order (the first failing one is reported). */
      readonly order: number;
      /** The axis the message names, and its length. */
      readonly axis: number;
      readonly size: number;
      /** The flat C-order position of the view's first element in its whole index array. */
      readonly flatBase: number;
      /** How the flat position moves along each axis of the view. */
      readonly flatStrides: readonly number[];
    }
  | { readonly kind: "status" };

/**
 * The first index value outside `[-size, size)` over the inputs (one per check), ordered by
 * (order, flat position). Output: a status, float64 `[found, order, position, value, axis, size]`
 * (`found` 0 or 1); kernels given a status fail with NumPy's IndexError when `found` is 1.
 */
export interface IndexBoundsAttrs {
  readonly checks: readonly BoundsCheck[];
}

/** Counts the non-zero elements of the input view (returns the count; no outputs). */
export type MaskCountAttrs = Record<string, never>;

/**
 * Keeps the elements whose mask is non-zero: input 0 is the data view whose axes
 * `[axis, axis + ndim)` are the mask's axes, input 1 the mask view. The output has those axes
 * replaced by one of the mask's true count, in C order.
 */
export interface CompressAttrs {
  readonly axis: number;
  readonly ndim: number;
}

/**
 * The coordinates of the non-zero elements of the mask view, each plus `start` (the block's
 * global start): an int32 output of shape `[count, ndim]`.
 */
export interface ArgwhereAttrs {
  readonly start: readonly number[];
}

/**
 * Interleaves per-block selections into C order over a region of mask blocks (a "group"): inputs
 * are the group's masks (each at `starts[j]` in the group region of shape `groupShape`; masks with
 * no true element may be left out), then one piece per mask, shaped like the output with `axis`
 * of that mask's count. Walking the group in C order, the t-th true element takes the next slab of
 * its mask's piece.
 */
export interface MaskMergeAttrs {
  readonly axis: number;
  readonly groupShape: readonly number[];
  readonly starts: readonly (readonly number[])[];
}

/**
 * Writes the group's values at the true positions of one mask block: input 0 is the block,
 * then the group's masks (as in `maskMerge`), then the values `[groupCount, ...post]`. The
 * output is a copy of the block with the t-th true element (group C order) of mask `target` (whose
 * axes are the block's leading axes) set to values row t.
 */
export interface MaskScatterAttrs {
  readonly groupShape: readonly number[];
  readonly starts: readonly (readonly number[])[];
  readonly target: number;
}

/** Indexing kernel name → attrs (merged into `KernelAttrs`). */
export interface GatherKernelAttrs {
  gather: GatherAttrs;
  scatter: ScatterAttrs;
  gatherMatch: GatherMatchAttrs;
  selectMerge: SelectMergeAttrs;
  scatterMatch: ScatterMatchAttrs;
  indexBounds: IndexBoundsAttrs;
  maskCount: MaskCountAttrs;
  compress: CompressAttrs;
  argwhere: ArgwhereAttrs;
  maskMerge: MaskMergeAttrs;
  maskScatter: MaskScatterAttrs;
}
