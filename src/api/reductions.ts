// SPDX-License-Identifier: Apache-2.0
/**
 * Reductions along any axis or axes, with NumPy's names, options (`axis`, `keepdims`, `dtype`,
 * `ddof`) and dtypes. numts has no int64: integer and bool sums and products accumulate in float64
 * (exact up to 2^53) and arg-reductions return int32 indices.
 */
import { type AxisArg, normalizeAxes, normalizeAxis } from "../array/axis.js";
import { type Dtype, isFloat, parseDtype } from "../array/dtype.js";
import type { ReduceOp } from "../kernels/ops.js";
import type { ArrayData } from "../plan/array-data.js";
import { elementwise } from "../plan/elementwise.js";
import { hasIdentity, reduceStates } from "../plan/reduce.js";
import { checkValues } from "../plan/check.js";
import { squeezeView } from "../plan/views.js";
import { reduceStateDtypes } from "../kernels/manifest.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { snake } from "../array/ufunc-resolve.js";

export interface ReduceOptions {
  axis?: AxisArg;
  keepdims?: boolean;
}

export interface SumOptions extends ReduceOptions {
  dtype?: Dtype;
}

export interface VarOptions extends ReduceOptions {
  ddof?: number;
  dtype?: Dtype;
}

export interface ArgOptions {
  axis?: number | null;
  keepdims?: boolean;
}

/** The accumulation dtype of sum/prod: the float itself, float64 for integers and bool. */
function sumDtype(dtype: Dtype): Dtype {
  return isFloat(dtype) ? dtype : "float64";
}

interface Prepared {
  readonly x: ArrayData;
  readonly axes: number[];
  readonly keepdims: boolean;
  done(): void;
}

function prepare(fn: string, a: ArrayLike, axis: AxisArg, keepdims: boolean | undefined, castTo?: Dtype): Prepared {
  const source = toData(a, `${fn}: a`);
  const axes = normalizeAxes(axis, source.ndim);
  const x = castTo && castTo !== source.dtype ? elementwise("cast", [source], [source.dtype], castTo, source.shape, source.grid) : source;
  return {
    x,
    axes,
    keepdims: keepdims ?? false,
    done: () => {
      if (x !== source) x.release();
      if (isTemporary(a)) source.release();
    },
  };
}

/** Drops the reduced axes unless keepdims; takes over `state`. */
function finish(state: ArrayData, axes: readonly number[], keepdims: boolean): BlockArray {
  if (keepdims || axes.length === 0) return wrap(state);
  const out = squeezeView(state, axes);
  state.release();
  return wrap(out);
}

/** Reduces with `op` and returns its state arrays (reduced axes kept as length 1). */
function states(fn: string, p: Prepared, op: ReduceOp, sumDt: Dtype): ArrayData[] {
  const empty = p.axes.some((d) => p.x.shape[d] === 0);
  if (empty && !hasIdentity(op)) {
    throw new RangeError(`zero-size array to reduction operation ${fn} which has no identity`);
  }
  return reduceStates(p.x, op, p.axes, reduceStateDtypes(op, p.x.dtype, sumDt));
}

function simple(op: "sum" | "prod" | "nansum" | "nanprod" | "min" | "max" | "nanmin" | "nanmax" | "all" | "any") {
  const fn = snake(op === "min" ? "minimum" : op === "max" ? "maximum" : op);
  return arrayOp((a: ArrayLike, options: SumOptions = {}): BlockArray => {
    const dtype = options.dtype === undefined ? undefined : parseDtype(options.dtype, `${op}: dtype`);
    const p = prepare(op, a, options.axis, options.keepdims, dtype);
    try {
      const sumDt = op === "all" || op === "any" ? "bool" : sumDtype(p.x.dtype);
      const [state] = states(fn, p, op, sumDt);
      return finish(state!, p.axes, p.keepdims);
    } finally {
      p.done();
    }
  });
}

export const sum = simple("sum");
export const prod = simple("prod");
export const nansum = simple("nansum");
export const nanprod = simple("nanprod");
export const min = simple("min");
export const max = simple("max");
export const amin = min;
export const amax = max;
export const nanmin = simple("nanmin");
export const nanmax = simple("nanmax");
export const all = simple("all");
export const any = simple("any");

/** `np.ptp`: max − min along the axes. */
export const ptp = arrayOp(function ptp(a: ArrayLike, options: ReduceOptions = {}): BlockArray {
  const hi = max(a, options);
  const lo = min(a, options);
  try {
    return hi.subtract(lo);
  } finally {
    hi.dispose();
    lo.dispose();
  }
});

/** The float dtype NumPy's mean/var produce for `dtype` (float64 for integers). */
function meanDtype(dtype: Dtype): Dtype {
  return isFloat(dtype) ? dtype : "float64";
}

/** `np.mean`: the sum (accumulated in float64) divided by the count, in the input's float type. */
export const mean = arrayOp(function mean(a: ArrayLike, options: SumOptions = {}): BlockArray {
  const p = prepare("mean", a, options.axis, options.keepdims);
  try {
    const out = options.dtype === undefined ? meanDtype(p.x.dtype) : parseDtype(options.dtype, "mean: dtype");
    const count = p.axes.reduce((n, d) => n * p.x.shape[d]!, 1);
    const [total] = states("add", p, "sum", "float64");
    const m = elementwise("divide", [total!, { scalar: count, dtype: "float64" }], ["float64", "float64"], "float64", total!.shape, total!.grid);
    total!.release();
    const cast = out === "float64" ? m : castRelease(m, out);
    return finish(cast, p.axes, p.keepdims);
  } finally {
    p.done();
  }
});

function checked(x: ArrayData, check: "nonNegative", message: string): ArrayData {
  const y = checkValues(x, check, "RangeError", message);
  x.release();
  return y;
}

function castRelease(x: ArrayData, dtype: Dtype): ArrayData {
  const y = elementwise("cast", [x], [x.dtype], dtype, x.shape, x.grid);
  x.release();
  return y;
}

function moments(fn: "var" | "std" | "nanvar" | "nanstd" | "nanmean") {
  const nan = fn.startsWith("nan");
  return arrayOp((a: ArrayLike, options: VarOptions = {}): BlockArray => {
    const ddof = options.ddof ?? 0;
    if (typeof ddof !== "number" || !Number.isFinite(ddof)) throw new TypeError(`${fn}: ddof must be a number, got ${ddof}`);
    const p = prepare(fn, a, options.axis, options.keepdims);
    try {
      const out = options.dtype === undefined ? meanDtype(p.x.dtype) : parseDtype(options.dtype, `${fn}: dtype`);
      const [count, meanState, m2] = states(fn, p, nan ? "nanmoments" : "moments", "float64");
      let result: ArrayData;
      const f64 = ["float64", "float64"] as const;
      if (fn === "nanmean") {
        result = meanState!.retain();
      } else {
        // var = M2 / max(count - ddof, 0): NumPy gives inf or nan (with a warning) when ddof >= count.
        const dof = elementwise("subtract", [count!, { scalar: ddof, dtype: "float64" }], f64, "float64", count!.shape, count!.grid);
        const clamped = elementwise("maximum", [dof, { scalar: 0, dtype: "float64" }], f64, "float64", dof.shape, dof.grid);
        dof.release();
        result = elementwise("divide", [m2!, clamped], f64, "float64", m2!.shape, m2!.grid);
        clamped.release();
        if (fn.endsWith("std")) {
          const s = elementwise("sqrt", [result], ["float64"], "float64", result.shape, result.grid);
          result.release();
          result = s;
        }
      }
      for (const s of [count, meanState, m2]) s!.release();
      return finish(out === "float64" ? result : castRelease(result, out), p.axes, p.keepdims);
    } finally {
      p.done();
    }
  });
}

export const variance = moments("var");
export { variance as var };
export const std = moments("std");
export const nanvar = moments("nanvar");
export const nanstd = moments("nanstd");
export const nanmean = moments("nanmean");

function argReduction(op: "argmin" | "argmax" | "nanargmin" | "nanargmax") {
  return arrayOp((a: ArrayLike, options: ArgOptions = {}): BlockArray => {
    const source = toData(a, `${op}: a`);
    try {
      if (options.axis !== undefined && options.axis !== null && typeof options.axis !== "number") {
        throw new TypeError(`${op}: axis must be an integer or null`);
      }
      const axes = options.axis === undefined || options.axis === null ? source.shape.map((_, i) => i) : [normalizeAxis(options.axis, source.ndim)];
      if (axes.some((d) => source.shape[d] === 0)) {
        throw new RangeError(`attempt to get ${op} of an empty sequence`);
      }
      if (axes.reduce((n, d) => n * source.shape[d]!, 1) > 2 ** 31 - 1) {
        throw new RangeError(`${op}: more than 2**31-1 elements along the reduced axes; numts returns int32 indices`);
      }
      const p: Prepared = { x: source, axes, keepdims: options.keepdims ?? false, done: () => undefined };
      const [value, rawIndex] = states(op, p, op, "float64");
      value!.release();
      // nanargmin/nanargmax mark an all-NaN slice with index -1; NumPy raises there.
      const index = op.startsWith("nan") ? checked(rawIndex!, "nonNegative", "All-NaN slice encountered") : rawIndex;
      // With axis null NumPy reduces the flattened array: every axis is reduced here, so the
      // result is 0-d (or all ones with keepdims) and the index is the flat C-order position.
      return finish(castRelease(index!, "int32"), axes, p.keepdims);
    } finally {
      if (isTemporary(a)) source.release();
    }
  });
}

export const argmin = argReduction("argmin");
export const argmax = argReduction("argmax");
export const nanargmin = argReduction("nanargmin");
export const nanargmax = argReduction("nanargmax");

