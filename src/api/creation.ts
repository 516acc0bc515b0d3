// SPDX-License-Identifier: Apache-2.0
/**
 * Creating arrays: from local data (`array`, `asarray`), filled (`zeros`, `ones`, `full`,
 * `empty` and their `*Like`), and generated on the nodes (`arange`, `linspace`, `logspace`, `eye`,
 * `identity`, `tri`). Every function accepts `blockShape`; without it the default layout is used.
 */
import { type Dtype, parseDtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { NDArray } from "../array/ndarray.js";
import { parseShape, sizeOf } from "../array/shape.js";
import { ShapeError } from "../errors.js";
import type { Generator } from "../kernels/manifest.js";
import { fill, generate } from "../plan/creation.js";
import { upload } from "../plan/transfer-local.js";
import { BlockArray } from "./block-array.js";
import { type ArrayLike, defaultGrid, toLocal, wrap } from "./convert.js";
import { astype, copy } from "./selection.js";
import { power } from "./ufuncs.js";
import { checkFits } from "./memory-check.js";
import { arrayOp } from "./op.js";

export interface CreationOptions {
  dtype?: Dtype;
  blockShape?: readonly number[];
}

export interface ArrayOptions extends CreationOptions {
  /** Shape of a flat TypedArray source (C order); default 1-D. */
  shape?: readonly number[];
}

function gridFor(shape: readonly number[], dtype: Dtype, blockShape: readonly number[] | undefined, fn: string): ArrayGrid {
  checkFits(shape, dtype, fn);
  if (blockShape !== undefined) {
    const bs = parseShape(blockShape, `${fn}: blockShape`);
    if (bs.length !== shape.length) {
      throw new ShapeError(`${fn}: blockShape ${JSON.stringify(blockShape)} must have ${shape.length} entries for shape ${JSON.stringify(shape)}`);
    }
  }
  return defaultGrid(shape, dtype, blockShape);
}

function dtypeOption(options: CreationOptions, fn: string, fallback: Dtype): Dtype {
  return options.dtype === undefined ? fallback : parseDtype(options.dtype, `${fn}: dtype`);
}

/**
 * `np.array`: a new distributed array from nested JS arrays, a TypedArray (with `shape`), an
 * NDArray, or a BlockArray (copied).
 * @example nt.array([[1, 2], [3, 4]], { dtype: "float32" })
 */
export function array(source: ArrayLike, options: ArrayOptions = {}): BlockArray {
  if (source instanceof BlockArray) {
    const c = options.dtype ? astype(source, options.dtype) : copy(source);
    return options.blockShape ? c.rechunk(options.blockShape) : c;
  }
  let local = toLocal(source, "array: source", options.dtype ? parseDtype(options.dtype, "array: dtype") : undefined)!;
  if (options.shape !== undefined) {
    const shape = parseShape(options.shape, "array: shape");
    if (sizeOf(shape) !== local.size) throw new ShapeError(`cannot reshape array of size ${local.size} into shape ${JSON.stringify(shape)}`);
    local = new NDArray(local.data, shape, local.dtype);
  }
  const dtype = dtypeOption(options, "array", local.dtype);
  const data = upload(local, gridFor(local.shape, local.dtype, options.blockShape, "array"));
  const x = wrap(data);
  if (dtype === local.dtype) return x;
  const y = astype(x, dtype);
  x.dispose();
  return y;
}

/** `np.asarray`: the BlockArray itself when it already has the dtype, else `array(a)`. */
export function asarray(a: ArrayLike, options: CreationOptions = {}): BlockArray {
  if (a instanceof BlockArray && (options.dtype === undefined || options.dtype === a.dtype) && !options.blockShape) return a;
  return array(a, options);
}

/** `np.full(shape, fillValue)`. The dtype defaults to float64 (bool for a boolean fill value). */
export function full(shape: number | readonly number[], fillValue: number | boolean, options: CreationOptions = {}): BlockArray {
  const s = parseShape(shape, "full: shape");
  const dtype = dtypeOption(options, "full", typeof fillValue === "boolean" ? "bool" : "float64");
  return wrap(fill(gridFor(s, dtype, options.blockShape, "full"), dtype, Number(fillValue)));
}

export function zeros(shape: number | readonly number[], options: CreationOptions = {}): BlockArray {
  return full(shape, 0, { dtype: "float64", ...options });
}

export function ones(shape: number | readonly number[], options: CreationOptions = {}): BlockArray {
  return full(shape, 1, { dtype: "float64", ...options });
}

/** `np.empty`: numts zero-fills (reading uninitialized shared memory is never useful). */
export function empty(shape: number | readonly number[], options: CreationOptions = {}): BlockArray {
  return zeros(shape, options);
}

export interface LikeOptions extends CreationOptions {
  shape?: readonly number[];
}

function likeGrid(a: BlockArray, options: LikeOptions, dtype: Dtype, fn: string): ArrayGrid {
  if (options.shape === undefined && options.blockShape === undefined) return a.data.grid;
  const shape = options.shape === undefined ? a.shape : parseShape(options.shape, `${fn}: shape`);
  return gridFor(shape, dtype, options.blockShape, fn);
}

/** `np.full_like`: same shape, dtype and layout as `a` unless overridden. */
export const fullLike = arrayOp(function fullLike(a: ArrayLike, fillValue: number | boolean, options: LikeOptions = {}): BlockArray {
  const x = a instanceof BlockArray ? a : array(a);
  const dtype = dtypeOption(options, "fullLike", x.dtype);
  const out = wrap(fill(likeGrid(x, options, dtype, "fullLike"), dtype, Number(fillValue)));
  if (x !== a) x.dispose();
  return out;
});

export const zerosLike = (a: ArrayLike, options: LikeOptions = {}) => fullLike(a, 0, options);
export const onesLike = (a: ArrayLike, options: LikeOptions = {}) => fullLike(a, 1, options);
export const emptyLike = zerosLike;

function generated(fn: string, shape: number[], generator: Generator, options: CreationOptions, fallback: Dtype): BlockArray {
  const dtype = dtypeOption(options, fn, fallback);
  return wrap(generate(gridFor(shape, dtype, options.blockShape, fn), dtype, generator));
}

function finite(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw new TypeError(`${fn}: ${name} must be a finite number, got ${String(v)}`);
  return v;
}

/**
 * `np.arange([start,] stop[, step])`: evenly spaced values in [start, stop). Values are
 * `start + i*step` computed in float64, then cast to `dtype` (default float64).
 */
export function arange(start: number, stop?: number | CreationOptions, step?: number | CreationOptions, options: CreationOptions = {}): BlockArray {
  if (typeof stop === "object") return arange(0, start, 1, stop);
  if (typeof step === "object") return arange(start, stop, 1, step);
  const [a, b] = stop === undefined ? [0, start] : [start, stop];
  const s = step ?? 1;
  finite("arange", "start", a);
  finite("arange", "stop", b);
  finite("arange", "step", s);
  if (s === 0) throw new RangeError("arange: Maximum allowed size exceeded (step is zero)");
  const n = Math.max(0, Math.ceil((b - a) / s));
  return generated("arange", [n], { kind: "arange", start: a, step: s }, options, "float64");
}

export interface LinspaceOptions extends CreationOptions {
  num?: number;
  endpoint?: boolean;
}

/** `np.linspace(start, stop, num=50)`: `num` evenly spaced samples, including stop by default. */
export function linspace(start: number, stop: number, num?: number | LinspaceOptions, options: LinspaceOptions = {}): BlockArray {
  const opts = typeof num === "object" ? num : { ...options, num: num ?? options.num };
  const n = opts.num ?? 50;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`linspace: Number of samples, ${n}, must be non-negative.`);
  finite("linspace", "start", start);
  finite("linspace", "stop", stop);
  const endpoint = opts.endpoint ?? true;
  return generated("linspace", [n], { kind: "linspace", start, stop, num: n, endpoint }, opts, "float64");
}

export interface LogspaceOptions extends LinspaceOptions {
  base?: number;
}

/** `np.logspace(start, stop, num=50)`: `base ** linspace(start, stop)`. */
export function logspace(start: number, stop: number, num?: number | LogspaceOptions, options: LogspaceOptions = {}): BlockArray {
  const opts = typeof num === "object" ? num : { ...options, num: num ?? options.num };
  const exponents = linspace(start, stop, { num: opts.num, endpoint: opts.endpoint, blockShape: opts.blockShape });
  const y = power(opts.base ?? 10, exponents);
  exponents.dispose();
  if (opts.dtype === undefined || opts.dtype === "float64") return y;
  const z = astype(y, opts.dtype);
  y.dispose();
  return z;
}

export interface EyeOptions extends CreationOptions {
  k?: number;
}

function dims(fn: string, n: number, m: number | undefined): [number, number] {
  for (const [name, v] of [["N", n], ["M", m ?? n]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${fn}: ${name} must be a non-negative integer, got ${v}`);
  }
  return [n, m ?? n];
}

/** `np.eye(N, M=N, k=0)`: ones on the k-th diagonal. */
export function eye(n: number, m?: number | EyeOptions, options: EyeOptions = {}): BlockArray {
  if (typeof m === "object") return eye(n, undefined, m);
  const [rows, cols] = dims("eye", n, m);
  const k = options.k ?? 0;
  if (!Number.isInteger(k)) throw new TypeError(`eye: k must be an integer, got ${k}`);
  return generated("eye", [rows, cols], { kind: "eye", k }, options, "float64");
}

/** `np.identity(n)`. */
export function identity(n: number, options: CreationOptions = {}): BlockArray {
  return eye(n, undefined, options);
}

/** `np.tri(N, M=N, k=0)`: ones at and below the k-th diagonal. */
export function tri(n: number, m?: number | EyeOptions, options: EyeOptions = {}): BlockArray {
  if (typeof m === "object") return tri(n, undefined, m);
  const [rows, cols] = dims("tri", n, m);
  const k = options.k ?? 0;
  if (!Number.isInteger(k)) throw new TypeError(`tri: k must be an integer, got ${k}`);
  return generated("tri", [rows, cols], { kind: "tri", k }, options, "float64");
}
