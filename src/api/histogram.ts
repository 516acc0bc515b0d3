// SPDX-License-Identifier: Apache-2.0
/**
 * `histogram` and `bincount`. Every block counts where it lives and the per-block vectors are
 * tree-summed. Bin edges follow NumPy's arithmetic exactly (`np.linspace` in the edges' dtype, the
 * uniform-bin fast path of `np.histogram`), so counts match NumPy's. Without `range` the edges
 * depend on the data's extremes, and bincount's length on its maximum: those results are deferred
 * arrays, and data errors (NaN extremes, negative values) reject them. Counts are int32 (NumPy:
 * int64); weighted sums are float64 (float32 for float32 weights).
 */
import { type Dtype, isFloat, isInteger } from "../array/dtype.js";
import { NDArray } from "../array/ndarray.js";
import { DtypeError, ShapeError } from "../errors.js";
import type { UniformBins } from "../kernels/sort-manifest.js";
import type { ArrayData } from "../plan/array-data.js";
import { elementwise } from "../plan/elementwise.js";
import { binSums } from "../plan/sort/counts.js";
import { BlockArray } from "./block-array.js";
import { type ArrayLike, defaultGrid, isTemporary, toData, toLocal, wrap } from "./convert.js";
import { deferredArray } from "./deferred-result.js";
import { upload } from "../plan/transfer-local.js";
import { max, min, sum } from "./reductions.js";
import { divide } from "./ufuncs.js";
import { arrayOp } from "./op.js";

export interface HistogramOptions {
  /** [lower, upper] of the bins (default: the data's min and max). JS numbers are Python floats. */
  range?: readonly [number, number] | null;
  density?: boolean;
  weights?: ArrayLike | null;
}

/** Python's str() of a number (integral JS numbers print as Python ints). */
function pyStr(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  return String(v);
}

/** `np.linspace(start, stop, n + 1)` computed in float32 (`f32`) or float64, NumPy's way. */
function linspaceEdges(start: number, stop: number, bins: number, f32: boolean): number[] {
  const r = f32 ? Math.fround : (v: number) => v;
  const delta = r(stop - start);
  const step = r(delta / bins);
  const out: number[] = [];
  for (let i = 0; i <= bins; i++) {
    const y = step === 0 ? r(r(i / bins) * delta) : r(i * step);
    out.push(r(y + start));
  }
  out[bins] = r(stop);
  return out;
}

/**
 * The uniform bins of NumPy's `_get_bin_edges`: `first`/`last` are the range (Python floats,
 * `fromData` false) or the data's extremes (scalars of dtype `dtype`).
 */
function uniformBins(dtype: Dtype, bins: number, first: number, last: number, fromData: boolean): { edges: number[]; uniform: UniformBins; edgeDtype: Dtype } {
  // Scalars of the data's float dtype keep it; Python floats are weak; integer data bins in float64.
  const binF32 = dtype === "float32";
  const scalarF32 = fromData && binF32;
  const r = scalarF32 ? Math.fround : (v: number) => v;
  if (first === last) {
    first = r(first - 0.5);
    last = r(last + 0.5);
  }
  const edges = linspaceEdges(first, last, bins, scalarF32).map(binF32 ? Math.fround : (v: number) => v);
  for (let i = 0; i < bins; i++) {
    if (!(edges[i]! < edges[i + 1]!)) throw new RangeError(`Too many bins for data range. Cannot create ${bins} finite-sized bins.`);
  }
  const f = binF32 ? Math.fround : (v: number) => v;
  return {
    edges,
    edgeDtype: binF32 ? "float32" : "float64",
    uniform: { first: f(first), last: f(last), denom: r(last - first), bins, binF32, divF32: scalarF32 },
  };
}

/** Explicit edges as numbers, validated like NumPy. */
function explicitEdges(bins: ArrayLike): { edges: number[]; edgeDtype: Dtype } {
  const local = toLocal(bins, "histogram: bins");
  if (!local) throw new TypeError("histogram: bins must be an integer or a local array (JS array, TypedArray or NDArray)");
  if (local.ndim !== 1) throw new RangeError("`bins` must be 1d, when an array");
  const edges = Array.from(local.data, Number);
  for (let i = 0; i + 1 < edges.length; i++) {
    if (edges[i]! > edges[i + 1]!) throw new RangeError("`bins` must increase monotonically, when an array");
  }
  return { edges, edgeDtype: local.dtype };
}

function countsDtype(weights: ArrayData | null): Dtype {
  if (!weights) return "int32";
  return weights.dtype === "float32" ? "float32" : isInteger(weights.dtype) || weights.dtype === "bool" ? "int32" : "float64";
}

/** Counts over `edges` (float64 sums cast to the counts dtype), plus the density if asked for. */
function countAndFinish(x: ArrayData, w: ArrayData | null, edges: number[], uniform: UniformBins | null, edgeDtype: Dtype, density: boolean): [ArrayData, ArrayData] {
  const sums = binSums(x, w, "histogram", { edges, uniform }, edges.length - 1);
  const edgeArray = upload(new NDArray(Float64Array.from(edges), [edges.length]), defaultGrid([edges.length], "float64"));
  const edgesOut = edgeDtype === "float64" ? edgeArray : castRelease(edgeArray, edgeDtype);
  if (density) {
    const n = wrap(sums);
    const widths = new NDArray(Float64Array.from(edges.slice(1), (e, i) => e - edges[i]!), [edges.length - 1]);
    const d = divide(divide(n, widths), sum(n));
    n.dispose();
    const data = d.data.retain();
    d.dispose();
    return [data, edgesOut];
  }
  const dt = countsDtype(w);
  return [dt === "float64" ? sums : castRelease(sums, dt), edgesOut];
}

function castRelease(x: ArrayData, dtype: Dtype): ArrayData {
  const y = elementwise("cast", [x], [x.dtype], dtype, x.shape, x.grid);
  x.release();
  return y;
}

/**
 * `np.histogram(a, bins=10, range=None, density=None, weights=None)`: `[counts, edges]` of the
 * flattened array. `bins` is a number of equal bins or explicit increasing edges.
 * @throws RangeError "`bins` must increase monotonically, when an array", and NumPy's other messages
 */
export function histogram(a: ArrayLike, bins: number | ArrayLike = 10, options: HistogramOptions = {}): [BlockArray, BlockArray] {
  if (a instanceof BlockArray && !a.isResolved) {
    const both = a.resolved().then(() => histogram(a, bins, options));
    return [0, 1].map((i) => BlockArray.deferred(both.then((r) => r[i]!.resolved()))) as [BlockArray, BlockArray];
  }
  let explicit: { edges: number[]; edgeDtype: Dtype } | null = null;
  if (typeof bins === "number") {
    if (!Number.isInteger(bins)) throw new TypeError("`bins` must be an integer, a string, or an array");
    if (bins < 1) throw new RangeError("`bins` must be positive, when an integer");
  } else {
    explicit = explicitEdges(bins);
  }
  const range = options.range ?? null;
  if (range) {
    const [lo, hi] = range;
    if (lo > hi) throw new RangeError("max must be larger than min in range parameter.");
    if (!(Number.isFinite(lo) && Number.isFinite(hi))) throw new RangeError(`supplied range of [${pyStr(lo)}, ${pyStr(hi)}] is not finite`);
  }
  const x = toData(a, "histogram: a");
  const w = options.weights === undefined || options.weights === null ? null : toData(options.weights, "histogram: weights");
  try {
    if (w && (w.ndim !== x.ndim || w.shape.some((n, i) => n !== x.shape[i]))) throw new ShapeError("weights should have the same shape as a.");
    const density = Boolean(options.density);
    if (explicit || range || x.size === 0) {
      const { edges, uniform, edgeDtype } = explicit
        ? { ...explicit, uniform: null }
        : uniformBins(x.dtype, bins as number, range ? range[0] : 0, range ? range[1] : 1, false);
      return countAndFinish(x, w, edges, uniform, edgeDtype, density).map(wrap) as [BlockArray, BlockArray];
    }
    // Bins from the data's extremes: wait for min and max, then count.
    const n = bins as number;
    const lo = min(wrap(x.retain()));
    const hi = max(wrap(x.retain()));
    const inputs = w ? [x, w] : [x];
    const both = (async () => {
      const [first, last] = [Number(await lo.item()), Number(await hi.item())];
      lo.dispose();
      hi.dispose();
      if (!(Number.isFinite(first) && Number.isFinite(last))) {
        const f = (v: number) => (isFloat(x.dtype) && Number.isInteger(v) ? `${v}.0` : pyStr(v));
        throw new RangeError(`autodetected range of [${f(first)}, ${f(last)}] is not finite`);
      }
      const { edges, uniform, edgeDtype } = uniformBins(x.dtype, n, first, last, isFloat(x.dtype));
      return countAndFinish(x, w, edges, uniform, edgeDtype, density);
    })();
    const counts = deferredArray(inputs, async () => (await both)[0], { shape: [n], dtype: density ? "float64" : countsDtype(w) });
    const edges = deferredArray(inputs, async () => (await both)[1], { shape: [n + 1], dtype: x.dtype === "float32" ? "float32" : "float64" });
    return [counts, edges];
  } finally {
    if (isTemporary(a)) x.release();
    if (w && isTemporary(options.weights!)) w.release();
  }
}

export interface BincountOptions {
  weights?: ArrayLike | null;
  minlength?: number;
}

/**
 * `np.bincount(x, weights=None, minlength=0)`: occurrences of each value 0..max(x) of a 1-D
 * non-negative integer array (int32 counts), or the sums of `weights` (float64). A deferred array
 * (its length is max(x) + 1); negative values reject it with NumPy's message.
 */
export const bincount = arrayOp(function bincount(x: ArrayLike, options: BincountOptions = {}): BlockArray {
  const minlength = options.minlength ?? 0;
  if (!Number.isInteger(minlength)) throw new TypeError("'minlength' must be an integer");
  if (minlength < 0) throw new RangeError("'minlength' must not be negative");
  const data = toData(x, "bincount: x");
  const w = options.weights === undefined || options.weights === null ? null : toData(options.weights, "bincount: weights");
  try {
    if (data.ndim === 0) throw new ShapeError("object of too small depth for desired array");
    if (data.ndim > 1) throw new ShapeError("object too deep for desired array");
    if (!isInteger(data.dtype) && data.dtype !== "bool") {
      throw new DtypeError(`Cannot cast array data from dtype('${data.dtype}') to dtype('int64') according to the rule 'safe'`);
    }
    if (w && (w.ndim !== 1 || w.shape[0] !== data.shape[0])) throw new ShapeError("The weights and list don't have the same length.");
    const lo = data.size > 0 ? min(wrap(data.retain())) : null;
    const hi = data.size > 0 ? max(wrap(data.retain())) : null;
    return deferredArray(w ? [data, w] : [data], async () => {
      let length = minlength;
      if (lo && hi) {
        const [first, last] = [Number(await lo.item()), Number(await hi.item())];
        lo.dispose();
        hi.dispose();
        if (first < 0) throw new RangeError("'list' argument must have no negative elements");
        length = Math.max(length, last + 1);
      }
      const sums = binSums(data, w, "bincount", { length }, length);
      return w ? sums : castRelease(sums, "int32");
    });
  } finally {
    if (isTemporary(x)) data.release();
    if (w && isTemporary(options.weights!)) w.release();
  }
});
