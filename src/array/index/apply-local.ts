// SPDX-License-Identifier: Apache-2.0
/**
 * The reference implementation of `x[index]` and `x[index] = value` on a local NDArray: the oracle
 * the distributed get/set are tested against, and the path for small local data. It walks the
 * result in C order, computing each element's source offset from the ResolvedIndex.
 */
import { IndexError, ShapeError } from "../../errors.js";
import { broadcastStrides, broadcastsTo } from "../broadcast.js";
import { allocTyped } from "../dtype.js";
import { NDArray } from "../ndarray.js";
import { type Shape, shapesEqual, sizeOf, stridesOf } from "../shape.js";
import { formatDims } from "./format.js";
import type { OpaqueArray } from "./parts.js";
import { type ResolvedIndex, isConcrete, knownShape } from "./resolved.js";

/**
 * A walk over the result in C order: along each walked axis, the source offset each position
 * adds. The advanced dimensions are adjacent in the result, so they form one walked axis.
 */
interface Walk {
  readonly base: number;
  readonly steps: readonly Float64Array[];
}

/** `x[index]` as a new array (a copy even for basic indices). */
export function getLocal(x: NDArray, index: ResolvedIndex<OpaqueArray>): NDArray {
  const shape = checkApplicable(x, index);
  const out = allocTyped(x.dtype, sizeOf(shape));
  const src = x.data;
  let i = 0;
  forEachOffset(walkOf(x.shape, index), (offset) => {
    out[i++] = src[offset]!;
  });
  return new NDArray(out, shape, x.dtype);
}

/**
 * `x[index] = value` in place, with NumPy's rules for `value`: broadcast to the result shape
 * (extra leading length-1 axes allowed), a 0-d value for a scalar index, and for a single full-shape
 * mask a 0-d or 1-d value of 1 or `count` elements. Values are cast to `x.dtype` (NumPy's unsafe
 * casting of setitem: truncation toward zero, and any non-zero is `true`). Repeated positions keep
 * the last value written.
 *
 * @throws ShapeError / TypeError with NumPy's messages when `value` does not fit.
 */
export function setLocal(x: NDArray, index: ResolvedIndex<OpaqueArray>, value: NDArray | number | boolean): void {
  const shape = checkApplicable(x, index);
  const v = value instanceof NDArray ? value : new NDArray(Float64Array.of(Number(value)), []);
  checkValueShape(v.shape, shape, index);
  // Reading a copy keeps `x.set(i, x)`-style overlaps correct, as NumPy does.
  const values = v.data.buffer === x.data.buffer ? v.data.slice() : v.data;
  const valueShape = v.shape.slice(Math.max(0, v.shape.length - shape.length));
  const valueStrides = broadcastStrides(valueShape, stridesOf(valueShape), shape);
  const toBool = x.dtype === "bool";
  const dst = x.data;
  const counter = new Array<number>(shape.length).fill(0);
  let vOffset = 0;
  forEachOffset(walkOf(x.shape, index), (offset) => {
    const raw = values[vOffset]!;
    dst[offset] = toBool ? (raw !== 0 ? 1 : 0) : raw;
    // Advance the value offset along the result's C order.
    for (let axis = shape.length - 1; axis >= 0; axis--) {
      vOffset += valueStrides[axis]!;
      if (++counter[axis]! < shape[axis]!) break;
      vOffset -= valueStrides[axis]! * shape[axis]!;
      counter[axis] = 0;
    }
  });
}

function checkApplicable(x: NDArray, index: ResolvedIndex<OpaqueArray>): number[] {
  if (!shapesEqual(x.shape, index.sourceShape)) {
    throw new ShapeError(`index resolved for shape ${formatDims(index.sourceShape)} applied to an array of shape ${formatDims(x.shape)}`);
  }
  if (!isConcrete(index)) throw new TypeError("a local array cannot be indexed by opaque (distributed) index arrays");
  return knownShape(index);
}

/**
 * NumPy's checks of a value written through `index` into a result of `shape` (see `setLocal`).
 *
 * @throws ShapeError / TypeError with NumPy's messages.
 */
export function checkValueShape(valueShape: Shape, shape: Shape, index: ResolvedIndex<OpaqueArray>): void {
  if (index.scalar) {
    if (valueShape.length !== 0) throw new ShapeError("setting an array element with a sequence.");
    return;
  }
  if (index.singleMask) {
    if (valueShape.length > 1) {
      throw new TypeError(
        `NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has ${valueShape.length} dimensions`,
      );
    }
    const n = sizeOf(valueShape);
    if (n !== 1 && n !== shape[0]) {
      throw new ShapeError(
        `NumPy boolean array indexing assignment cannot assign ${n} input values to the ${shape[0]} output values where the mask is true`,
      );
    }
    return;
  }
  // Extra leading axes must have length 1; NumPy's advanced path reshapes the value to its
  // trailing axes instead, which also accepts any leading axes when the value is empty.
  const lead = Math.max(0, valueShape.length - shape.length);
  const trailing = valueShape.slice(lead);
  const leadOk = valueShape.slice(0, lead).every((d) => d === 1) || (!index.basic && sizeOf(trailing) === 0);
  if (leadOk && broadcastsTo(trailing, shape)) return;
  throw new ShapeError(
    index.basic
      ? `could not broadcast input array from shape ${formatDims(valueShape)} into shape ${formatDims(shape)}`
      : `shape mismatch: value array of shape ${formatDims(valueShape)} could not be broadcast to indexing result of shape ${formatDims(shape)}`,
  );
}

/** The offsets each result axis (the advanced block as one) adds, plus the fixed integer part. */
function walkOf(sourceShape: Shape, index: ResolvedIndex<OpaqueArray>): Walk {
  const strides = stridesOf(sourceShape);
  let base = 0;
  index.axes.forEach((sel, axis) => {
    if (sel.kind === "int") base += sel.index * strides[axis]!;
  });
  const steps: Float64Array[] = [];
  for (const a of index.resultAxes) {
    if (a.kind === "newaxis") steps.push(Float64Array.of(0));
    else if (a.kind === "slice") {
      const sel = index.axes[a.axis]!;
      if (sel.kind !== "slice") throw new IndexError(`result axis refers to axis ${a.axis}, which is not sliced`);
      steps.push(Float64Array.from({ length: sel.length }, (_, i) => (sel.start + i * sel.step) * strides[a.axis]!));
    } else if (a.dim === 0) {
      steps.push(advancedOffsets(index, strides));
    }
  }
  return { base, steps };
}

/** For each position of the broadcast advanced shape (C order), the source offset it adds. */
function advancedOffsets(index: ResolvedIndex<OpaqueArray>, strides: readonly number[]): Float64Array {
  const adv = index.advanced!;
  const shape = adv.shape as readonly number[];
  const out = new Float64Array(sizeOf(shape));
  for (const e of adv.entries) {
    if (e.kind !== "array") continue; // 0-d booleans only shape the block
    const eStrides = broadcastStrides(e.shape, stridesOf(e.shape), shape);
    const stride = strides[e.axis]!;
    const counter = new Array<number>(shape.length).fill(0);
    let at = 0;
    for (let k = 0; k < out.length; k++) {
      out[k] += e.values[at]! * stride;
      for (let d = shape.length - 1; d >= 0; d--) {
        at += eStrides[d]!;
        if (++counter[d]! < shape[d]!) break;
        at -= eStrides[d]! * shape[d]!;
        counter[d] = 0;
      }
    }
  }
  return out;
}

/** Calls `fn` with the source offset of every result element, in C order. */
function forEachOffset(walk: Walk, fn: (offset: number) => void): void {
  const { base, steps } = walk;
  if (steps.some((s) => s.length === 0)) return;
  const depth = steps.length;
  const counter = new Array<number>(depth).fill(0);
  for (;;) {
    let offset = base;
    for (let d = 0; d < depth; d++) offset += steps[d]![counter[d]!]!;
    fn(offset);
    let d = depth - 1;
    while (d >= 0 && ++counter[d]! === steps[d]!.length) counter[d--] = 0;
    if (d < 0) return;
  }
}
