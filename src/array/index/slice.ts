// SPDX-License-Identifier: Apache-2.0
/**
 * Python's `slice` as a value (`nt.slice`), and its normalization against an axis length exactly as
 * CPython's `slice.indices` (`PySlice_Unpack` + `PySlice_AdjustIndices`) does it.
 */
import { IndexError } from "../../errors.js";
import { describe } from "../shape.js";

/** A bound the user may leave out: `null` or `undefined` both mean "omitted" (Python's `None`). */
export type SliceBound = number | null | undefined;

/** `start:stop:step` with any part omitted (`null`). Immutable; build it with {@link slice}. */
export class Slice {
  readonly start: number | null;
  readonly stop: number | null;
  readonly step: number | null;

  constructor(start: SliceBound, stop: SliceBound, step: SliceBound) {
    this.start = checkBound(start);
    this.stop = checkBound(stop);
    this.step = checkBound(step);
    Object.freeze(this);
  }

  /** Python's notation, as it would appear inside `x[...]`: `1:5`, `::-1`, `:`. */
  toString(): string {
    const part = (v: number | null): string => (v === null ? "" : formatInteger(v));
    const head = `${part(this.start)}:${part(this.stop)}`;
    return this.step === null ? head : `${head}:${part(this.step)}`;
  }
}

/**
 * A slice, with Python's two call forms: `slice(stop)` and `slice(start, stop, step?)`; any bound
 * may be `null` (omitted). `x.get([nt.slice(1, null), 0])` is NumPy's `x[1:, 0]`.
 *
 * @example
 * slice(3)             // :3
 * slice(null, null, -1) // ::-1
 * @throws TypeError if a bound is not an integer, `null` or `undefined` (as Python does).
 */
export function slice(stop: SliceBound): Slice;
export function slice(start: SliceBound, stop: SliceBound, step?: SliceBound): Slice;
export function slice(...args: SliceBound[]): Slice {
  if (args.length <= 1) return new Slice(null, args[0], null);
  return new Slice(args[0], args[1], args[2]);
}

/** A slice resolved against an axis: the selected positions are `start + i * step`, `i < length`. */
export interface NormalizedSlice {
  readonly start: number;
  readonly stop: number;
  readonly step: number;
  readonly length: number;
}

/**
 * `slice.indices(length)` plus the number of selected positions, as CPython computes them: omitted
 * bounds default by the sign of `step`, negative bounds count from the end, and out-of-range bounds
 * clamp (to `-1` or `length - 1` for negative steps), so `stop` may be `-1`.
 *
 * @throws IndexError "slice step cannot be zero" (NumPy raises ValueError; numts has no such class
 *   and an invalid index value is an IndexError here).
 */
export function normalizeSlice(s: Slice, length: number): NormalizedSlice {
  const step = s.step ?? 1;
  if (step === 0) throw new IndexError("slice step cannot be zero");
  const start = s.start === null ? (step < 0 ? length - 1 : 0) : adjust(s.start, length, step);
  const stop = s.stop === null ? (step < 0 ? -1 : length) : adjust(s.stop, length, step);
  let count = 0;
  if (step < 0) {
    if (stop < start) count = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    count = Math.floor((stop - start - 1) / step) + 1;
  }
  return { start, stop, step, length: count };
}

/** `PySlice_AdjustIndices` for one given bound. */
function adjust(bound: number, length: number, step: number): number {
  if (bound < 0) {
    const b = bound + length;
    return b < 0 ? (step < 0 ? -1 : 0) : b;
  }
  return bound >= length ? (step < 0 ? length - 1 : length) : bound;
}

function checkBound(value: SliceBound): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" && Number.isInteger(value)) return value === 0 ? 0 : value; // no -0
  throw new TypeError(
    `slice indices must be integers or None or have an __index__ method, got ${describe(value)}`,
  );
}

/** Integers in positional notation even beyond 1e21, where `String(n)` switches to exponents. */
export function formatInteger(n: number): string {
  return Number.isInteger(n) && !Number.isSafeInteger(n) ? BigInt(n).toString() : String(n);
}
