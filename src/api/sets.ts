// SPDX-License-Identifier: Apache-2.0
/**
 * Set routines: `unique`, `isin`, `intersect1d`, `union1d`, `setdiff1d`. Inputs are flattened
 * (NumPy's ravel order) without being moved: the distributed sample sort orders all elements,
 * every bucket reduces its runs of equal values where it lives, and only run statistics reach the
 * driver. Results whose size depends on the data are deferred arrays. Equality is NumPy's: NaNs
 * are one value in `unique` (equal_nan=True) but never equal in `isin`; -0.0 equals 0.0.
 * Indices, inverses and counts are int32 (NumPy: int64).
 */
import { type Dtype } from "../array/dtype.js";
import { resultType } from "../array/ufunc-resolve.js";
import type { ArrayData } from "../plan/array-data.js";
import { isinData, searchsortedData } from "../plan/sort/lookup.js";
import { NO_SPLIT } from "../plan/sort/sample-sort.js";
import { sourcesOf } from "../plan/sort/sources.js";
import { type RunOutput, sortedRuns } from "../plan/sort/unique.js";
import type { RunMode } from "../kernels/sort-manifest.js";
import { BlockArray } from "./block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "./convert.js";
import { deferredArray, deferredArrays } from "./deferred-result.js";
import { arrayOp } from "./op.js";
import { inDtype } from "./searchsorted.js";
import { checkIndexable } from "./sort.js";

export interface UniqueOptions {
  returnIndex?: boolean;
  returnInverse?: boolean;
  returnCounts?: boolean;
  /** Only null (flattened) is supported. */
  axis?: null;
  /** Only true (NumPy's default: all NaNs are one value) is supported. */
  equalNan?: true;
}

/** Runs `body` with array-likes as planner arrays, releasing temporaries afterwards. */
function withData<T>(xs: readonly ArrayLike[], fn: string, body: (data: ArrayData[]) => T): T {
  const data: ArrayData[] = [];
  try {
    xs.forEach((x, i) => data.push(toData(x, `${fn}: argument ${i + 1}`)));
    return body(data);
  } finally {
    data.forEach((d, i) => {
      if (isTemporary(xs[i]!)) d.release();
    });
  }
}

/**
 * `np.unique(ar)`: the sorted unique elements of the flattened array, as a deferred array. With
 * `returnIndex`, `returnInverse` or `returnCounts`, a tuple [unique, index?, inverse?, counts?] in
 * NumPy's order: first occurrences (flat indices), for every input element the position of its
 * value in `unique` (the input's shape, as NumPy 2 returns it), and occurrence counts.
 * @example const [values, counts] = nt.unique(x, { returnCounts: true });
 */
export function unique(ar: ArrayLike, options?: UniqueOptions & { returnIndex?: false; returnInverse?: false; returnCounts?: false }): BlockArray;
export function unique(ar: ArrayLike, options?: UniqueOptions): BlockArray | BlockArray[];
export function unique(ar: ArrayLike, options: UniqueOptions = {}): BlockArray | BlockArray[] {
  return uniqueOp(ar, options);
}

const uniqueOp = (ar: ArrayLike, options: UniqueOptions): BlockArray | BlockArray[] => {
  if (options.axis !== undefined && options.axis !== null) throw new TypeError("unique: only axis null (the flattened array) is supported");
  if (options.equalNan !== undefined && options.equalNan !== true) throw new TypeError("unique: only equalNan true is supported");
  const extras = Boolean(options.returnIndex) || Boolean(options.returnInverse) || Boolean(options.returnCounts);
  let out: BlockArray[];
  if (ar instanceof BlockArray && !ar.isResolved) {
    // The input's own shape is pending: run once it is known (arrayOp, for a tuple result).
    const count = 1 + Number(Boolean(options.returnIndex)) + Number(Boolean(options.returnInverse)) + Number(Boolean(options.returnCounts));
    const all = ar.resolved().then(() => uniqueNow(ar, options));
    out = Array.from({ length: count }, (_, i) => BlockArray.deferred(all.then((a) => a[i]!.resolved())));
  } else {
    out = uniqueNow(ar, options);
  }
  return extras ? out : out[0]!;
};

function uniqueNow(ar: ArrayLike, options: UniqueOptions): BlockArray[] {
  return withData([ar], "unique", ([x]) => {
    checkIndexable("unique", x!.size);
    const emit: RunOutput[] = ["values", ...(options.returnIndex ? ["index" as const] : []), ...(options.returnCounts ? ["counts" as const] : [])];
    const sources = sourcesOf(x!);
    const dtype = x!.dtype;
    const runs = deferredArrays([x!], () => sortedRuns(sources, dtype, { mode: "unique", split: NO_SPLIT, emit }), emit.length);
    const out = [runs[0]!];
    if (options.returnIndex) out.push(runs[1]!);
    if (options.returnInverse) {
      const values = runs[0]!;
      out.push(deferredArray([x!], async () => {
        await values.resolved();
        return searchsortedData(values.data, x!, "left");
      }, { shape: x!.shape, dtype: "int32" }));
    }
    if (options.returnCounts) out.push(runs[emit.length - 1]!);
    return out;
  });
}

export interface IsinOptions {
  invert?: boolean;
  /** Accepted for NumPy compatibility (no effect). */
  assumeUnique?: boolean;
  /** Accepted for NumPy compatibility (no effect). */
  kind?: "sort" | "table" | null;
}

/**
 * `np.isin(element, testElements)`: whether each element of `element` (any shape) equals some
 * element of `testElements` (any shape, flattened); `invert` negates. Elementwise and synchronous:
 * each block of the test array is sorted where it lives, and every element block searches them.
 */
export const isin = arrayOp(function isin(element: ArrayLike, testElements: ArrayLike, options: IsinOptions = {}): BlockArray {
  return withData([element, testElements], "isin", ([x, t]) => {
    const dtype = resultType([{ dtype: x!.dtype }, { dtype: t!.dtype }]);
    const xc = inDtype(x!, dtype);
    const tc = inDtype(t!, dtype);
    try {
      return wrap(isinData(xc, tc, Boolean(options.invert)));
    } finally {
      xc.release();
      tc.release();
    }
  });
});

/** A set operation of two flattened arrays as sorted runs (a deferred 1-D array). */
function setOp(fn: string, mode: RunMode, ar1: ArrayLike, ar2: ArrayLike): BlockArray {
  return withData([ar1, ar2], fn, ([a, b]) => {
    checkIndexable(fn, a!.size + b!.size);
    const dtype: Dtype = resultType([{ dtype: a!.dtype }, { dtype: b!.dtype }]);
    const ac = inDtype(a!, dtype);
    const bc = inDtype(b!, dtype);
    try {
      const sources = [...sourcesOf(ac), ...sourcesOf(bc, a!.size)];
      return deferredArray([ac, bc], () => sortedRuns(sources, dtype, { mode, split: a!.size, emit: ["values"] }).then((r) => r[0]!));
    } finally {
      ac.release();
      bc.release();
    }
  });
}

export interface SetOptions {
  /** Accepted for NumPy compatibility: inputs are never assumed unique. */
  assumeUnique?: boolean;
}

/** `np.intersect1d(ar1, ar2)`: the sorted unique values in both (NaN is never in both). */
export const intersect1d = arrayOp(function intersect1d(ar1: ArrayLike, ar2: ArrayLike, _options: SetOptions = {}): BlockArray {
  return setOp("intersect1d", "intersect", ar1, ar2);
});

/** `np.union1d(ar1, ar2)`: the sorted unique values in either. */
export const union1d = arrayOp(function union1d(ar1: ArrayLike, ar2: ArrayLike): BlockArray {
  return setOp("union1d", "union", ar1, ar2);
});

/** `np.setdiff1d(ar1, ar2)`: the sorted unique values of ar1 not in ar2 (NaN is never in ar2). */
export const setdiff1d = arrayOp(function setdiff1d(ar1: ArrayLike, ar2: ArrayLike, _options: SetOptions = {}): BlockArray {
  return setOp("setdiff1d", "setdiff", ar1, ar2);
});
