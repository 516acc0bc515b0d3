// SPDX-License-Identifier: Apache-2.0
/**
 * Attributes of the sorting, searching, set and statistics kernels (part of the kernel manifest,
 * `kernels/manifest.ts`). Every kernel orders values as NumPy does: NaN after everything else, -0.0
 * equal to 0.0, and ties in the order the elements come (all numts sorts are stable).
 *
 * Global element indices: a kernel reading a block of a larger (possibly flattened) array gets
 * `indexBase` and `indexStrides`, and element (i_0, ..., i_{d-1}) of its view has global index
 * `indexBase + sum_d i_d * indexStrides[d]` (C-order positions for NumPy's flattened order).
 */

/** Where a block sits in the global index space (see the file comment). */
export interface IndexSpace {
  readonly indexBase: number;
  readonly indexStrides: readonly number[];
}

/**
 * Sorts every lane along `axis` of the input view, or (axis null) all its elements in C order
 * into a 1-D output. Outputs (contiguous; the view's shape, or 1-D): the sorted values and/or the
 * int32 positions along the axis or in the view's C order (`emit`). With `kth`, only NumPy's
 * partition guarantee is needed (each kth element in sorted position, smaller-or-equal before,
 * larger-or-equal after); implementations may sort fully.
 */
export interface SortAttrs {
  readonly axis: number | null;
  readonly emit: "values" | "indices" | "both";
  readonly kth?: readonly number[];
}

/**
 * Draws about `count` stratified random samples of the input view (one per stratum of the
 * view's C-order elements, position from a hash of `seed` and the stratum). Returns
 * `[nanCount, value0, index0, value1, index1, ...]` with global indices; `nanCount` is the number
 * of NaNs in the whole view when `countNaN` (else 0).
 */
export interface SampleAttrs extends IndexSpace {
  readonly count: number;
  readonly seed: number;
  readonly countNaN: boolean;
}

/**
 * Splits the input view by `p - 1` splitters (value, global index), ordered by (NumPy value order,
 * index): element e goes to bucket #{splitters s : s < e}. Inside bucket b elements are further
 * grouped into `bins` value bins, linear over [ranges[2b], ranges[2b+1]] (clamped; NaN in the
 * last; see `linearBin` in kernels/ts/sort/sample-split.ts), so the bucket sort can sort bin by bin in cache. Stable. Returns the
 * counts per (bucket, bin), bucket-major. Outputs: none (count only); or `[values]` /
 * `[values, indices]` holding the elements grouped by (bucket, bin) (indices: int32 global
 * indices); or, for the buckets listed in `pieces`, one values block (and one indices block, all
 * values first) per bucket.
 */
export interface SplitAttrs extends IndexSpace {
  readonly splitValues: readonly number[];
  readonly splitIndices: readonly number[];
  readonly withIndex: boolean;
  readonly pieces?: readonly number[];
  readonly bins: number;
  readonly ranges: readonly number[];
  /** The last output is uint16 scratch space of the input's size (pooled memory for the kernel). */
  readonly scratch?: boolean;
}


/**
 * Sorts the concatenation of 1-D pieces: inputs are `m` value pieces, then (with `withIndex`) the
 * `m` matching int32 index pieces. Outputs the sorted values and/or indices (`emit`). With `runs`,
 * returns statistics of its runs of equal values (see RunStats in plan/sort/runs.ts); `split` is
 * the first global index belonging to the second operand of a set operation.
 */
export interface SortPiecesAttrs {
  /** When the pieces are grouped into value bins by the split: `bins` and, per piece, its counts. */
  readonly bins: number;
  readonly binCounts: readonly number[] | null;
  readonly withIndex: boolean;
  /**
   * The pieces' elements are not in global index order (blocks of a flattened n-d array): order
   * them by index first, so ties keep NumPy's flattened order. Needs the index pieces.
   */
  readonly byIndex: boolean;
  readonly emit: "values" | "indices" | "both";
  readonly runs: boolean;
  readonly split: number;
}

export type RunMode = "unique" | "union" | "intersect" | "setdiff";

/**
 * Emits one entry per kept run of equal values of a sorted bucket (inputs: values, then indices
 * when needed): its value, first index and/or length (`emit` order: values, index, counts).
 * `skipFirst` drops the first run (it continues a run of an earlier bucket); `lastExtra` adds the
 * elements of the last run that lie in later buckets; `lastHasB` says whether the last run has an
 * element of the second operand in a later bucket. Which runs are kept depends on `mode`.
 */
export interface RunsAttrs {
  readonly mode: RunMode;
  readonly split: number;
  readonly skipFirst: boolean;
  readonly lastExtra: number;
  readonly lastHasB: boolean;
  readonly emit: readonly ("values" | "index" | "counts")[];
}

/**
 * `searchsorted` of the first input (any view) in the sorted concatenation of the remaining 1-D
 * inputs, whose global offsets are `offsets`. Output: int32 positions.
 */
export interface SearchSortedAttrs {
  readonly side: "left" | "right";
  readonly offsets: readonly number[];
}

/** Membership of each element of the first input in any of the remaining inputs (each sorted). */
export interface IsinAttrs {
  readonly invert: boolean;
}

/**
 * Quantiles of every lane over `axes` of the input view (which must hold those axes whole). The
 * output has the input's shape with `axes` of length 1, preceded by one axis per quantile when
 * `qAxis`. `method` "linear" is NumPy's default interpolation; "median" is `np.median` (the mean
 * of the middle one or two). `nan`: "propagate" (a NaN in a lane gives NaN) or "omit" (nan*
 * functions). `weak`: NumPy's weak-scalar q (interpolation in the output dtype).
 */
export interface QuantileAttrs {
  readonly axes: readonly number[];
  readonly qs: readonly number[];
  readonly qAxis: boolean;
  readonly method: "linear" | "median";
  readonly nan: "propagate" | "omit";
  readonly weak: boolean;
}

/**
 * One step of the distributed selection (plan/sort/select.ts), over the non-NaN elements. For each
 * bracket b (`edges[b]`, sorted values): with `collect` false returns, per bracket, the number of
 * elements below the first edge, then for each edge e_k the number equal to it and the number
 * strictly between e_k and e_{k+1}; with `collect` true (one open interval per bracket: two edges)
 * returns the elements strictly inside, as `[n0, ...values0, n1, ...values1]`.
 */
export interface SelectAttrs {
  readonly edges: readonly (readonly number[])[];
  readonly collect: boolean;
  /** Instead: return the elements at these C-order positions of the view. */
  readonly positions?: readonly number[];
}

/**
 * Histogram of the first input (optional second input: weights) into `edges.length - 1` bins:
 * bin i is [edges[i], edges[i+1]), the last bin closed. With `uniform`, NumPy's fast path for equal
 * bins: values are compared and subtracted in the bins' dtype (float32 when `binF32`), the bin
 * index is `(x - first) / denom * bins` (in float32 when `divF32`), corrected by one against the
 * edges. Output: float64 counts (or weight sums).
 */
export interface HistogramAttrs {
  readonly edges: readonly number[];
  readonly uniform: UniformBins | null;
}

export interface UniformBins {
  readonly first: number;
  readonly last: number;
  readonly denom: number;
  readonly bins: number;
  readonly binF32: boolean;
  readonly divF32: boolean;
}

/** Counts (or sums `weights`, the second input) per non-negative integer value, into `length` bins. */
export interface BincountAttrs {
  readonly length: number;
}

/** The sorting family's part of `KernelAttrs`. */
export interface SortKernelAttrs {
  sort: SortAttrs;
  sortSample: SampleAttrs;
  sortSplit: SplitAttrs;
  sortPieces: SortPiecesAttrs;
  sortRuns: RunsAttrs;
  searchsorted: SearchSortedAttrs;
  isin: IsinAttrs;
  quantile: QuantileAttrs;
  select: SelectAttrs;
  histogram: HistogramAttrs;
  bincount: BincountAttrs;
}
