// SPDX-License-Identifier: Apache-2.0
/**
 * NumPy's sort order for the reference kernels, and iteration over a view with global indices.
 * NumPy orders NaN after every number and treats -0.0 and 0.0 as equal, so a stable sort keeps
 * them in input order.
 */
import type { TypedArray } from "../../../array/dtype.js";
import type { IndexSpace } from "../../sort-manifest.js";
import type { View } from "../../view.js";

/** NumPy's order: negative if a sorts before b, 0 if equal (NaN equals NaN, -0 equals 0). */
export function compareValues(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  const an = a !== a;
  const bn = b !== b;
  return an === bn ? 0 : an ? 1 : -1;
}

/** Whether two values are equal under NumPy's sort order (NaN == NaN, -0 == 0). */
export function sameValue(a: number, b: number): boolean {
  return a === b || (a !== a && b !== b);
}

/** NumPy's order on (value, global index) pairs: a strict total order on distinct elements. */
export function comparePairs(av: number, ai: number, bv: number, bi: number): number {
  return compareValues(av, bv) || ai - bi;
}

/** A typed array of the same kind as `like`, of length n. */
export function sameKind(like: TypedArray, n: number): TypedArray {
  const ctor = like.constructor as new (n: number) => TypedArray;
  return new ctor(n);
}

/**
 * Calls `body(offset, globalIndex)` for every element of `view` in C order: `offset` is the
 * element's position in `view.data`, `globalIndex` its index in `space` (or its C-order position
 * within the view when `space` is omitted).
 */
export function forEachIndexed(view: Pick<View, "offset" | "shape" | "strides">, space: IndexSpace | null, body: (offset: number, index: number) => void): void {
  const nd = view.shape.length;
  const total = view.shape.reduce((p, d) => p * d, 1);
  if (total === 0) return;
  const gstr = space ? space.indexStrides : cStrides(view.shape);
  const idx = new Array<number>(nd).fill(0);
  let off = view.offset;
  let g = space ? space.indexBase : 0;
  if (nd === 0) {
    body(off, g);
    return;
  }
  const inner = view.shape[nd - 1]!;
  const sIn = view.strides[nd - 1]!;
  const gIn = gstr[nd - 1]!;
  for (;;) {
    for (let i = 0; i < inner; i++) body(off + i * sIn, g + i * gIn);
    let d = nd - 2;
    for (; d >= 0; d--) {
      off += view.strides[d]!;
      g += gstr[d]!;
      if (++idx[d]! < view.shape[d]!) break;
      off -= view.strides[d]! * view.shape[d]!;
      g -= gstr[d]! * view.shape[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/**
 * Calls `body(value)` for every element of `view` in C order; contiguous views take a plain loop
 * (the common case, and the one worth a JIT-friendly loop for large blocks).
 */
export function forEachValue(view: View, body: (value: number) => void): void {
  if (isDense(view)) {
    const n = view.shape.reduce((p, d) => p * d, 1);
    const data = view.data;
    for (let i = view.offset, end = view.offset + n; i < end; i++) body(data[i]!);
    return;
  }
  forEachIndexed(view, null, (o) => body(view.data[o]!));
}

/** Whether a view is dense C order. */
export function isDense(view: Pick<View, "shape" | "strides">): boolean {
  let expected = 1;
  for (let d = view.shape.length - 1; d >= 0; d--) {
    if (view.shape[d] !== 1 && view.strides[d] !== expected) return false;
    expected *= view.shape[d]!;
  }
  return true;
}

/** C-order strides of a shape (in elements). */
export function cStrides(shape: readonly number[]): number[] {
  const out = new Array<number>(shape.length);
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    out[d] = s;
    s *= shape[d]!;
  }
  return out;
}

/** The elements of a view in C order, copied into a new typed array of its kind. */
export function gather(view: View): TypedArray {
  const n = view.shape.reduce((p, d) => p * d, 1);
  const out = sameKind(view.data, n);
  let k = 0;
  forEachIndexed(view, null, (o) => (out[k++] = view.data[o]!));
  return out;
}

/**
 * Sorts `values` in place in NumPy's stable order. TypedArray sort orders numbers like NumPy except
 * that it puts -0.0 before 0.0; where both occur, the zeros are rewritten in their input order
 * (`original`, the values before sorting) so the result is the stable one.
 */
export function sortValuesStable(values: TypedArray, original: TypedArray): void {
  values.sort();
  if (!(values instanceof Float64Array || values instanceof Float32Array)) return;
  let negZero = false;
  for (let i = 0; i < original.length; i++) if (original[i] === 0 && 1 / original[i]! < 0) negZero = true;
  if (!negZero) return;
  let lo = 0;
  while (lo < values.length && !(values[lo] === 0)) lo++;
  for (let i = 0; i < original.length; i++) if (original[i] === 0) values[lo++] = original[i]!;
}

/** Positions 0..n-1 ordered stably by `values` in NumPy's order. */
export function argsortStable(values: TypedArray): Int32Array {
  const order = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => compareValues(values[a]!, values[b]!) || a - b);
  return order;
}
