// SPDX-License-Identifier: Apache-2.0
/**
 * `sort`, `argsort`, `partition` and `argpartition`. numts sorts are always stable (NumPy's
 * kind="stable": ties keep their input order, NaN sorts last), whatever `kind` says.
 *
 * Layouts: when the sorted axis lies in one block, each block is sorted where it lives and the
 * result has the input's layout. When it spans several blocks and the array has one lane along it
 * (1-D arrays, axis null), numts runs a distributed sample sort; its buckets become the result's
 * blocks, so the result is deferred (shape and dtype known at once, layout once the buckets are
 * counted). Otherwise the lanes are first re-blocked to lie whole in blocks (an exchange between
 * the blocks of each lane), then sorted locally; each lane must fit in one node's memory.
 */
import { normalizeAxis } from "../array/axis.js";
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import type { SortAttrs } from "../kernels/sort-manifest.js";
import { ArrayData, type Slot } from "../plan/array-data.js";
import { sortBlocks, sortFlatBlock, wholeAlong } from "../plan/sort/local.js";
import { type Bucket, sampleSort } from "../plan/sort/sample-sort.js";
import { sourcesOf } from "../plan/sort/sources.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "./convert.js";
import { deferredArray } from "./deferred-result.js";
import { arrayOp } from "./op.js";

export interface SortOptions {
  /** The axis to sort along (default -1); null sorts the flattened array. */
  axis?: number | null;
  /** Accepted for NumPy compatibility; numts always sorts stably. */
  kind?: "quicksort" | "mergesort" | "heapsort" | "stable" | null;
  /** Accepted for NumPy compatibility; numts always sorts stably. */
  stable?: boolean | null;
}

const KINDS = new Set(["quicksort", "quick", "mergesort", "merge", "heapsort", "heap", "stable"]);

function checkKind(options: SortOptions): void {
  const { kind, stable } = options;
  if (kind !== undefined && kind !== null) {
    if (stable !== undefined && stable !== null) {
      throw new RangeError("`kind` and keyword parameters can't be provided at the same time. Use only one of them.");
    }
    if (typeof kind !== "string" || !KINDS.has(kind)) {
      throw new RangeError(`sort kind must be one of 'quick', 'heap', or 'stable' (got '${String(kind)}')`);
    }
  }
}

/** numts indices are int32 (NumPy's are int64): refuse arrays too long for them. */
export function checkIndexable(fn: string, n: number): void {
  if (n > 2 ** 31 - 1) throw new RangeError(`${fn}: more than 2**31-1 elements; numts returns int32 indices`);
}

/**
 * The array of `shape` whose blocks along `axis` are the buckets (the other axes have length 1):
 * the bucket blocks' holds pass to it.
 */
export function fromBuckets(buckets: readonly Bucket[], shape: readonly number[], axis: number, which: "values" | "indices", dtype: Dtype): ArrayData {
  const grid = ArrayGrid.fromChunks(
    shape,
    shape.map((n, d) => (d === axis ? buckets.map((b) => b.size) : n === 0 ? [] : [n])),
  );
  const slots: Slot[] = buckets.map((b) => ({
    block: which === "values" ? b.values! : b.indices!,
    offset: 0,
    strides: stridesOf(shape.map((n, d) => (d === axis ? b.size : n))),
  }));
  return ArrayData.fromSlots(grid, dtype, slots);
}

/** Sorts `x` (held by the caller) along `axis` (null: flattened), emitting values or indices. */
export function sortData(fn: string, x: ArrayData, axis: number | null, which: "values" | "indices", kth?: readonly number[]): BlockArray {
  const emit: SortAttrs["emit"] = which;
  const dtype: Dtype = which === "values" ? x.dtype : "int32";
  if (which === "indices") checkIndexable(fn, axis === null ? x.size : x.shape[axis]!);
  if (axis === null && x.ndim === 1) axis = 0;
  if (axis === null) {
    if (x.grid.numBlocks <= 1) return wrap(sortFlatBlock(x, emit)[0]!);
    return sampleSorted(x, [x.size], 0, which, dtype);
  }
  if (x.grid.gridShape[axis]! <= 1) return wrap(sortBlocks(x, axis, emit, kth)[0]!);
  if (x.size === x.shape[axis]) return sampleSorted(x, x.shape, axis, which, dtype);
  const whole = wholeAlong(x, [axis]);
  try {
    return wrap(sortBlocks(whole, axis, emit, kth)[0]!);
  } finally {
    whole.release();
  }
}

/** The one-lane case: a sample sort over every block; the result is deferred. */
function sampleSorted(x: ArrayData, shape: readonly number[], axis: number, which: "values" | "indices", dtype: Dtype): BlockArray {
  const sources = sourcesOf(x);
  return deferredArray(
    [x],
    async () => {
      const buckets = await sampleSort(sources, x.dtype, { withIndex: which === "indices", emit: which });
      return fromBuckets(buckets, shape, axis, which, dtype);
    },
    { shape, dtype },
  );
}

function withArray(fn: string, a: ArrayLike, body: (x: ArrayData) => BlockArray): BlockArray {
  const x = toData(a, `${fn}: a`);
  try {
    return body(x);
  } finally {
    if (isTemporary(a)) x.release();
  }
}

/** The sort axis: -1 by default, null for the flattened array; AxisError when out of range. */
function sortAxis(axis: number | null | undefined, ndim: number): number | null {
  if (axis === null) return null;
  return normalizeAxis(axis ?? -1, ndim);
}

/**
 * `np.sort(a, axis=-1)`: a sorted copy (stable; NaN last).
 * @example nt.sort(x, { axis: 0 })
 * @throws AxisError when axis is out of range
 */
export const sort = arrayOp(function sort(a: ArrayLike, options: SortOptions = {}): BlockArray {
  checkKind(options);
  return withArray("sort", a, (x) => sortData("sort", x, sortAxis(options.axis, x.ndim), "values"));
});

/**
 * `np.argsort(a, axis=-1)`: int32 positions that sort `a` along the axis (flat positions for
 * axis null); ties in index order, like NumPy's kind="stable".
 */
export const argsort = arrayOp(function argsort(a: ArrayLike, options: SortOptions = {}): BlockArray {
  checkKind(options);
  return withArray("argsort", a, (x) => sortData("argsort", x, sortAxis(options.axis, x.ndim), "indices"));
});

export interface PartitionOptions {
  axis?: number | null;
  kind?: "introselect";
}

/** kth as a list of positions in [0, n), validated like NumPy. */
export function normalizeKth(kth: number | readonly number[], n: number): number[] {
  const list = typeof kth === "number" ? [kth] : kth;
  if (!Array.isArray(list) || list.some((k) => typeof k !== "number" || !Number.isInteger(k))) {
    throw new TypeError("Partition index must be integer");
  }
  return list.map((k) => {
    // NumPy wraps negative kth once, then reports the wrapped value.
    const w = k < 0 ? k + n : k;
    if (w < 0 || w >= n) throw new RangeError(`kth(=${w}) out of bounds (${n})`);
    return w;
  });
}

function partitionImpl(fn: string, a: ArrayLike, kth: number | readonly number[], options: PartitionOptions, which: "values" | "indices"): BlockArray {
  if (options.kind !== undefined && options.kind !== "introselect") {
    throw new RangeError(`${fn}: kind must be 'introselect', got ${JSON.stringify(options.kind)}`);
  }
  return withArray(fn, a, (x) => {
    const axis = sortAxis(options.axis, x.ndim);
    const ks = normalizeKth(kth, axis === null ? x.size : x.shape[axis]!);
    return sortData(fn, x, axis, which, ks);
  });
}

/**
 * `np.partition(a, kth, axis=-1)`: a copy where each kth element is in its sorted position, with
 * no larger element before it and no smaller one after. Distributed cases sort fully (which
 * satisfies the guarantee).
 * @throws RangeError `kth(=k) out of bounds (n)`; TypeError for non-integer kth
 */
export const partition = arrayOp(function partition(a: ArrayLike, kth: number | readonly number[], options: PartitionOptions = {}): BlockArray {
  return partitionImpl("partition", a, kth, options, "values");
});

/** `np.argpartition(a, kth, axis=-1)`: int32 positions that would partition `a`. */
export const argpartition = arrayOp(function argpartition(a: ArrayLike, kth: number | readonly number[], options: PartitionOptions = {}): BlockArray {
  return partitionImpl("argpartition", a, kth, options, "indices");
});
