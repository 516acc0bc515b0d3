// SPDX-License-Identifier: Apache-2.0
/** Building a local NDArray from nested JS arrays, as `np.array(list)` does. */
import { ShapeError } from "../errors.js";
import { type Dtype, allocTyped } from "./dtype.js";
import { type Nested, NDArray } from "./ndarray.js";

/** The shape of a rectangular nested array, or NumPy's "inhomogeneous shape" error. */
export function nestedShape(value: Nested): number[] {
  const shape: number[] = [];
  let level: unknown = value;
  while (Array.isArray(level)) {
    shape.push(level.length);
    level = level[0];
  }
  const check = (v: unknown, depth: number): void => {
    if (depth === shape.length) {
      if (Array.isArray(v) || (typeof v !== "number" && typeof v !== "boolean")) throw inhomogeneous(depth);
      return;
    }
    if (!Array.isArray(v) || v.length !== shape[depth]) throw inhomogeneous(depth);
    for (const item of v) check(item, depth + 1);
  };
  check(value, 0);
  return shape;
}

function inhomogeneous(depth: number): ShapeError {
  return new ShapeError(
    `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${depth} dimensions`,
  );
}

/** The dtype NumPy would infer (bool for all-boolean data, float64 for JS numbers). */
export function inferDtype(value: Nested): Dtype {
  let allBool = true;
  const visit = (v: Nested): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v !== "boolean") allBool = false;
  };
  visit(value);
  return allBool && (Array.isArray(value) ? flatCount(value) > 0 : true) ? "bool" : "float64";
}

function flatCount(v: Nested): number {
  return Array.isArray(v) ? v.reduce<number>((s, x) => s + flatCount(x), 0) : 1;
}

/** A C-order NDArray of `dtype` holding the nested values (cast like NumPy's unsafe astype). */
export function fromNested(value: Nested, dtype?: Dtype): NDArray {
  const shape = nestedShape(value);
  const dt = dtype ?? inferDtype(value);
  const data = allocTyped(dt, shape.reduce((a, b) => a * b, 1));
  let i = 0;
  const fill = (v: Nested): void => {
    if (Array.isArray(v)) v.forEach(fill);
    else data[i++] = toElement(v, dt);
  };
  fill(value);
  return new NDArray(data, shape, dt);
}

/** A JS value stored as `dtype`: booleans as 0/1, bool truthiness, integer truncation toward zero. */
export function toElement(v: number | boolean, dtype: Dtype): number {
  const n = typeof v === "boolean" ? +v : v;
  if (dtype === "bool") return n !== 0 ? 1 : 0;
  if (dtype === "float64" || dtype === "float32") return n;
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}
