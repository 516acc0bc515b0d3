// SPDX-License-Identifier: Apache-2.0
/**
 * Argument handling shared by `nt.linalg`: NumPy's dtype rule (float32 stays float32, everything
 * else computes in float64), its dimension and squareness checks with its words, and stacks of
 * matrices (the last two axes), which every function but lstsq and multiDot accepts.
 */
import type { Dtype } from "../../array/dtype.js";
import { LinAlgError } from "../../errors.js";
import type { ArrayData } from "../../plan/array-data.js";
import { elementwise } from "../../plan/elementwise.js";
import { BlockArray } from "../block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "../convert.js";
import { zeros } from "../creation.js";
import { stack } from "../join.js";
import { reshape } from "../reshape.js";
import { split } from "../split.js";
import { squeeze } from "../dims.js";

/** Machine epsilon of a float dtype (NumPy's `finfo(dtype).eps`). */
export function epsOf(dtype: Dtype): number {
  return dtype === "float32" ? 2 ** -23 : 2 ** -52;
}

/** The dtype NumPy's linalg computes in for an input dtype. */
export function linalgDtype(dtype: Dtype): "float64" | "float32" {
  return dtype === "float32" ? "float32" : "float64";
}

/** NumPy's `_assert_stacked_2d`. */
export function requireStacked2d(x: { ndim: number }): void {
  if (x.ndim < 2) throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be at least two-dimensional`);
}

/** NumPy's `_assert_2d` (lstsq, multi_dot). */
export function require2d(x: { ndim: number }): void {
  if (x.ndim !== 2) throw new LinAlgError(`${x.ndim}-dimensional array given. Array must be two-dimensional`);
}

/** NumPy's `_assert_stacked_square`. */
export function requireSquare(x: { shape: readonly number[] }): void {
  const s = x.shape;
  if (s[s.length - 1] !== s[s.length - 2]) throw new LinAlgError("Last 2 dimensions of the array must be square");
}

/** A BlockArray of `a` in its linalg dtype (a view or lazy cast; the caller disposes it). */
export function floatArray(a: ArrayLike, what: string, dtype?: Dtype): BlockArray {
  const x = toData(a, what);
  const target = dtype ?? linalgDtype(x.dtype);
  if (x.dtype === target) return wrap(isTemporary(a) ? x : x.retain());
  const cast = elementwise("cast", [x], [x.dtype], target, x.shape, x.grid);
  if (isTemporary(a)) x.release();
  return wrap(cast);
}

/**
 * NumPy's `_commonType`: every factorization computes in float64, and its results are rounded to
 * float32 when all inputs are float32. Returns `a` as float64 and the result dtype.
 */
export function double(a: ArrayLike, what: string): { x: BlockArray; dtype: "float64" | "float32" } {
  const x = floatArray(a, what);
  if (x.dtype === "float64") return { x, dtype: "float64" };
  const wide = x.astype("float64");
  x.dispose();
  return { x: wide, dtype: "float32" };
}

/** Results rounded to `dtype` (the originals are disposed when cast). */
export function rounded<T extends BlockArray | readonly BlockArray[]>(out: T, dtype: Dtype): T {
  const cast = (x: BlockArray): BlockArray => {
    // A deferred result is cast once known (disposing it before would break the deferred cast).
    if (!x.isResolved) return BlockArray.deferred(x.resolved().then(cast));
    if (x.dtype === dtype || x.dtype === "int32") return x;
    const y = x.astype(dtype);
    x.dispose();
    return y;
  };
  return (Array.isArray(out) ? (out as readonly BlockArray[]).map(cast) : cast(out as BlockArray)) as T;
}

/** The planner array of a BlockArray, held for the caller (release it). */
export function held(x: BlockArray): ArrayData {
  return x.data.retain();
}

/** A stacked operand: its last `core` axes are one item, the axes before them the stack. */
export interface Stacked {
  readonly x: BlockArray;
  readonly core: number;
}

/**
 * Applies `fn` to every item of stacked operands (all with the same leading axes) and stacks each
 * of its results back over those axes. `shapes` and `dtypes` describe each result's item (they
 * make the results of an empty stack).
 */
export function perItem(operands: readonly Stacked[], shapes: readonly (readonly number[])[], dtypes: readonly Dtype[], fn: (items: BlockArray[]) => BlockArray[]): BlockArray[] {
  const first = operands[0]!;
  const batch = first.x.shape.slice(0, first.x.ndim - first.core);
  if (batch.length === 0) return fn(operands.map((o) => o.x));
  const count = batch.reduce((p, d) => p * d, 1);
  if (count === 0) return shapes.map((s, i) => zeros([...batch, ...s], { dtype: dtypes[i] }));
  const columns = operands.map(({ x, core }) => {
    const flat = reshape(x, [count, ...x.shape.slice(x.ndim - core)]);
    const items = split(flat, count, { axis: 0 }).map((p) => {
      const item = squeeze(p, 0);
      p.dispose();
      return item;
    });
    flat.dispose();
    return items;
  });
  const results = Array.from({ length: count }, (_, b) => {
    const items = columns.map((c) => c[b]!);
    const r = fn(items);
    for (const item of items) item.dispose();
    return r;
  });
  return shapes.map((s, c) => {
    const parts = results.map((r) => r[c]!);
    const join = (): BlockArray => {
      const stacked = stack(parts);
      for (const p of parts) p.dispose();
      const out = reshape(stacked, [...batch, ...s]);
      stacked.dispose();
      return out;
    };
    // Deferred parts (data-dependent results) are stacked once known, so they are not disposed early.
    if (parts.every((p) => p.isResolved)) return join();
    return BlockArray.deferred(Promise.all(parts.map((p) => p.resolved())).then(join));
  });
}

/** `perItem` for one stack of matrices (…, m, n). */
export function perMatrix(x: BlockArray, shapes: readonly (readonly number[])[], dtypes: readonly Dtype[], fn: (m: BlockArray) => BlockArray[]): BlockArray[] {
  return perItem([{ x, core: 2 }], shapes, dtypes, ([m]) => fn(m!));
}

/**
 * A result tuple with NumPy's field names, like its named tuples: `const [q, r] = qr(a)` and
 * `qr(a).Q` both work. `T` is the tuple type with its named fields.
 */
export function named<T>(keys: readonly string[], values: readonly BlockArray[]): T {
  const out = [...values];
  keys.forEach((k, i) => Object.defineProperty(out, k, { value: values[i], enumerable: false }));
  return out as unknown as T;
}

/** Unresolved BlockArrays among the arguments (also inside arrays and options objects). */
function pendingOf(args: readonly unknown[]): BlockArray[] {
  const out: BlockArray[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (v instanceof BlockArray) {
      if (!v.isResolved) out.push(v);
    } else if (depth < 2 && Array.isArray(v)) v.forEach((x) => visit(x, depth + 1));
    else if (depth < 2 && v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) Object.values(v).forEach((x) => visit(x, depth + 1));
  };
  args.forEach((a) => visit(a, 0));
  return out;
}

/**
 * arrayOp (api/op.ts) for functions that return a BlockArray or a named tuple of them: with
 * arguments whose shape is pending, the result is a deferred array, or a tuple of deferred arrays
 * with the field names `names(...args)` gives (a count for a plain tuple, null for one array).
 */
export function linalgOp<A extends unknown[], R>(fn: (...args: A) => R, names: (...args: A) => readonly string[] | number | null): (...args: A) => R {
  return (...args: A): R => {
    const pending = pendingOf(args);
    if (pending.length === 0) return fn(...args);
    const result = Promise.all(pending.map((p) => p.resolved())).then(() => fn(...args));
    const keys = names(...args);
    if (keys === null) return BlockArray.deferred(result as Promise<BlockArray>) as R;
    const count = typeof keys === "number" ? keys : keys.length;
    const parts = Array.from({ length: count }, (_, i) => BlockArray.deferred(result.then((r) => (r as readonly BlockArray[])[i]!)));
    return named<R>(typeof keys === "number" ? [] : keys, parts);
  };
}

export { BlockArray };
