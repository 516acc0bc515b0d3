// SPDX-License-Identifier: Apache-2.0
/**
 * `put`: NumPy's `a.flat[ind] = v`, in place like `set` (the array then holds new data sharing
 * the blocks the write misses). Flat indices are unraveled into one index array per axis (on the
 * driver when known, elementwise on the nodes when distributed) and written like `x.set`; `v` is
 * flattened and repeated to the number of indices.
 */
import type { Dtype } from "../../array/dtype.js";
import type { IndexPart } from "../../array/index/parts.js";
import { NDArray } from "../../array/ndarray.js";
import { describe, sizeOf, stridesOf } from "../../array/shape.js";
import { IndexError } from "../../errors.js";
import type { ArrayData } from "../../plan/array-data.js";
import { BlockArray } from "../block-array.js";
import { type ArrayLike, toLocal } from "../convert.js";
import { pendingArgs } from "../op.js";
import { ravel, reshapeData } from "../reshape.js";
import { where } from "../selection.js";
import { add, floorDivide, less, remainder } from "../ufuncs.js";
import { type ClipMode, type Indices, applyMode, parseMode, toIndices } from "./index-args.js";
import { assign, assignChecked } from "./set.js";
import { fromPython } from "./set-value.js";
import { take } from "./take.js";

export interface PutOptions {
  /** Out-of-range indices: "raise" (default), "wrap" around, or "clip" to the ends. */
  readonly mode?: ClipMode;
}

/**
 * `np.put(a, ind, v, mode='raise')`: writes `v` (flattened, repeated as needed) at the flat
 * indices `ind` of `a`, in place. With repeated indices the last value wins.
 *
 * @example
 * const a = nt.arange(5); nt.put(a, [0, 2], [-44, -55]); // a is [-44, 1, -55, 3, 4]
 * @throws TypeError when `a` is not a BlockArray or `ind` is a float array, IndexError for
 *   out-of-range indices with mode "raise" (distributed indices: `a` rejects), RangeError for a bad
 *   mode, OverflowError for JS integers that do not fit `a`'s dtype.
 */
export function put(a: BlockArray, ind: ArrayLike, v: ArrayLike, options: PutOptions = {}): void {
  if (!(a instanceof BlockArray)) throw new TypeError(`put: a must be a BlockArray (put writes into it), got ${describe(a)}`);
  const mode = parseMode(options.mode);
  const waiting = pendingArgs([ind, v]);
  a.update((current) =>
    waiting.length === 0
      ? putData(current, ind, v, mode)
      : Promise.all(waiting.map((p) => p.resolved())).then(() => putData(current, ind, v, mode)),
  );
}

function putData(x: ArrayData, ind: ArrayLike, v: ArrayLike, mode: ClipMode): ArrayData | Promise<ArrayData> {
  const size = x.size;
  const idx = applyMode(toIndices(ind, "put: ind", "safe"), size, mode);
  const made: BlockArray[] = [];
  try {
    const m = sizeOf(idx.shape);
    const values = repeated(v, m, x.dtype, made);
    if (m === 0 || values === null) return x.retain();
    if (x.ndim === 0) {
      // One element: the flat write on its 1-d view, shaped back.
      const flat = reshapeData(x, [1], "C");
      try {
        const out = putData(flat, ind, v, mode);
        const back = (d: ArrayData) => {
          try {
            return reshapeData(d, [], "C");
          } finally {
            d.release();
          }
        };
        return out instanceof Promise ? out.then(back) : back(out);
      } finally {
        flat.release();
      }
    }
    if (!(idx instanceof BlockArray)) return assign(x, unravelKnown(idx, x.shape, mode), values);
    if (idx !== ind) made.push(idx);
    const { parts, checks } = unravelDistributed(idx, x.shape, mode, made);
    return assignChecked(x, parts, values, checks);
  } finally {
    for (const b of made) b.dispose();
  }
}

/** Known flat indices as one int32 array per axis (bounds checked in order for "raise"). */
function unravelKnown(idx: Exclude<Indices, BlockArray>, shape: readonly number[], mode: ClipMode): NDArray[] {
  const size = sizeOf(shape);
  const coords = shape.map(() => new Int32Array(idx.values.length));
  idx.values.forEach((raw, k) => {
    if (mode === "raise" && (raw < -size || raw >= size)) throw new IndexError(`index ${raw} is out of bounds for axis 0 with size ${size}`);
    let rest = raw < 0 ? raw + size : raw;
    for (let d = shape.length - 1; d >= 0; d--) {
      coords[d]![k] = rest % shape[d]!;
      rest = Math.floor(rest / shape[d]!);
    }
  });
  return coords.map((c) => new NDArray(c, [c.length], "int32"));
}

/** Distributed flat indices unraveled elementwise; "raise" checks the flat indices themselves. */
function unravelDistributed(idx: BlockArray, shape: readonly number[], mode: ClipMode, made: BlockArray[]): { parts: IndexPart<BlockArray>[]; checks: { data: ArrayData; axis: number; size: number }[] } {
  const size = sizeOf(shape);
  const flat = ravel(idx);
  made.push(flat);
  let n = flat;
  if (mode === "raise" && flat.dtype !== "uint32") {
    n = where(less(flat, 0), add(flat, size), flat);
    made.push(n);
  }
  const strides = stridesOf(shape);
  const parts = shape.map((len, d) => {
    const q = strides[d] === 1 ? n : floorDivide(n, strides[d]!);
    const c = d === 0 ? q : remainder(q, len);
    made.push(...[q, c].filter((b) => b !== n));
    return c;
  });
  return { parts, checks: mode === "raise" ? [{ data: flat.data, axis: 0, size }] : [] };
}

/**
 * `v` flattened and repeated to `m` values (null when `v` is empty): local data here, a
 * distributed `v` by a gather.
 */
function repeated(v: ArrayLike, m: number, dtype: Dtype, made: BlockArray[]): ArrayLike | null {
  if (v instanceof BlockArray) {
    if (v.size === 0) return null;
    const flat = ravel(v);
    made.push(flat);
    if (flat.size === m) return flat;
    const out = take(flat, Array.from({ length: m }, (_, i) => i % flat.size));
    made.push(out);
    return out;
  }
  // NumPy converts a Python scalar into the array's dtype (ints must fit), but a list into an
  // array first, which then casts unsafely like any array.
  const local = typeof v === "number" || typeof v === "boolean" ? fromPython(v, dtype) : toLocal(v, "put: v")!;
  if (local.size === 0) return null;
  const data = local.data.constructor as new (n: number) => typeof local.data;
  const out = new data(m);
  for (let i = 0; i < m; i++) out[i] = local.data[i % local.size]!;
  return new NDArray(out, [m], local.dtype);
}

