// SPDX-License-Identifier: Apache-2.0
/**
 * `median`, `percentile`, `quantile` and their NaN-ignoring variants, exact and bit-identical to
 * NumPy's default method ("linear"). `axis` is a number, a list or null (all axes); `keepdims` keeps
 * the reduced axes. A NaN in a lane makes its result NaN (nan* variants skip NaNs; an all-NaN lane
 * gives NaN). Lanes within blocks are computed where they live; a whole-array result over several
 * blocks uses a distributed selection and is a deferred array (its shape is known at once).
 *
 * Result dtypes follow NumPy: float32 data with a number q (NumPy's weak Python float) or a median
 * stays float32, everything else is float64. JS numbers are Python floats here, so `q` is never
 * an integer array (NumPy's integer-q "take" path does not arise).
 */
import { type AxisArg, normalizeAxes } from "../array/axis.js";
import type { Dtype } from "../array/dtype.js";
import { DtypeError, IndexError } from "../errors.js";
import type { ArrayData } from "../plan/array-data.js";
import { type QuantileRequest, quantileBlocks, quantileSelected } from "../plan/sort/quantile.js";
import { expandDimsView, squeezeView } from "../plan/views.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "./convert.js";
import { deferredArray } from "./deferred-result.js";
import { arrayOp } from "./op.js";

export interface QuantileOptions {
  axis?: AxisArg;
  keepdims?: boolean;
  /** Only NumPy's default, "linear". */
  method?: "linear";
}

export interface MedianOptions {
  axis?: AxisArg;
  keepdims?: boolean;
}

type Q = number | readonly number[];

/** q as a list (scaled by `scale`), validated like NumPy; whether it was one number (weak). */
function parseQ(fn: string, q: Q, scale: number): { qs: number[]; scalar: boolean } {
  const scalar = typeof q === "number";
  const list = scalar ? [q as number] : q;
  if (!Array.isArray(list) || list.some((v) => typeof v !== "number")) {
    throw new TypeError(`${fn}: q must be a number or a 1-D array of numbers`);
  }
  const qs = list.map((v: number) => v / scale);
  if (!qs.every((v) => v >= 0 && v <= 1)) {
    throw new RangeError(scale === 100 ? "Percentiles must be in the range [0, 100]" : "Quantiles must be in the range [0, 1]");
  }
  return { qs, scalar };
}

/** The dtype NumPy's quantile arithmetic produces. */
function resultDtype(dtype: Dtype, median: boolean, weak: boolean): Dtype {
  return dtype === "float32" && (median || weak) ? "float32" : "float64";
}

function compute(fn: string, a: ArrayLike, axis: AxisArg, keepdims: boolean, request: QuantileRequest): BlockArray {
  const x = toData(a, `${fn}: a`);
  try {
    const axes = normalizeAxes(axis, x.ndim);
    if (request.method === "linear" && x.dtype === "bool") {
      throw new DtypeError("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.");
    }
    const laneLength = axes.reduce((p, d) => p * x.shape[d]!, 1);
    if (request.method === "linear" && laneLength === 0) {
      throw new IndexError("index -1 is out of bounds for axis 0 with size 0");
    }
    const dtype = resultDtype(x.dtype, request.method === "median", request.weak);
    const lead = request.qAxis ? 1 : 0;
    const finish = (r: ArrayData): ArrayData => {
      if (keepdims) return r;
      const out = squeezeView(r, axes.map((d) => d + lead));
      r.release();
      return out;
    };
    const blocks = quantileBlocks(x, axes, request, dtype);
    if (blocks) return wrap(finish(blocks));
    const shape = [...(request.qAxis ? [request.qs.length] : []), ...(keepdims ? x.shape.map(() => 1) : [])];
    return deferredArray(
      [x],
      async () => {
        const flat = await quantileSelected(x, request, dtype);
        if (!keepdims) return flat;
        const out = expandDimsView(flat, x.shape.map((_, d) => d + lead));
        flat.release();
        return out;
      },
      { shape, dtype },
    );
  } finally {
    if (isTemporary(a)) x.release();
  }
}

function quantileFn(fn: string, scale: number, nan: "propagate" | "omit") {
  return arrayOp((a: ArrayLike, q: Q, options: QuantileOptions = {}): BlockArray => {
    if (options.method !== undefined && options.method !== "linear") {
      throw new RangeError(`${fn}: only method 'linear' (NumPy's default) is supported, got ${JSON.stringify(options.method)}`);
    }
    const { qs, scalar } = parseQ(fn, q, scale);
    return compute(fn, a, options.axis, options.keepdims ?? false, { qs, qAxis: !scalar, method: "linear", nan, weak: scalar });
  });
}

function medianFn(fn: string, nan: "propagate" | "omit") {
  return arrayOp((a: ArrayLike, options: MedianOptions = {}): BlockArray =>
    compute(fn, a, options.axis, options.keepdims ?? false, { qs: [0.5], qAxis: false, method: "median", nan, weak: true }),
  );
}

/**
 * `np.quantile(a, q, axis=None)`: the q-th quantiles (q in [0, 1], a number or 1-D array; an
 * array q adds a leading axis) with linear interpolation.
 * @throws RangeError "Quantiles must be in the range [0, 1]"
 */
export const quantile = quantileFn("quantile", 1, "propagate");

/**
 * `np.percentile(a, q, axis=None)`: the q-th percentiles (q in [0, 100]).
 * @throws RangeError "Percentiles must be in the range [0, 100]"
 */
export const percentile = quantileFn("percentile", 100, "propagate");

/** `np.nanquantile`: quantile ignoring NaNs. */
export const nanquantile = quantileFn("nanquantile", 1, "omit");

/** `np.nanpercentile`: percentile ignoring NaNs. */
export const nanpercentile = quantileFn("nanpercentile", 100, "omit");

/** `np.median(a, axis=None)`: the median (the mean of the two middle values for even counts). */
export const median = medianFn("median", "propagate");

/** `np.nanmedian`: median ignoring NaNs. */
export const nanmedian = medianFn("nanmedian", "omit");
