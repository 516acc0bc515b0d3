// SPDX-License-Identifier: Apache-2.0
/**
 * Matrix plumbing shared by the linear-algebra kernels (TypeScript and native): reading a strided
 * 2-D view into a float64 work buffer in either storage order, writing contiguous row-major
 * outputs, and the checks every kernel makes before it touches memory.
 */
import { LinAlgError, ShapeError } from "../../../errors.js";
import type { View } from "../../view.js";

/** A 2-D strided operand: element (i, j) is `data[offset + i·rs + j·cs]`. */
export interface Mat {
  readonly data: View["data"];
  readonly offset: number;
  readonly rows: number;
  readonly cols: number;
  readonly rs: number;
  readonly cs: number;
}

/**
 * A 2-D view as a Mat; a 1-D view is a column (n×1). Throws ShapeError for other ranks and for a
 * view reaching outside its buffer (the native kernels must never read there).
 */
export function asMat(v: View): Mat {
  if (v.shape.length !== 1 && v.shape.length !== 2) throw new ShapeError(`linear-algebra kernels take 2-D blocks, got a ${v.shape.length}-D view`);
  const a: Mat =
    v.shape.length === 1
      ? { data: v.data, offset: v.offset, rows: v.shape[0]!, cols: 1, rs: v.strides[0]!, cs: 0 }
      : { data: v.data, offset: v.offset, rows: v.shape[0]!, cols: v.shape[1]!, rs: v.strides[0]!, cs: v.strides[1]! };
  checkBounds(a);
  return a;
}

/** Throws unless every element of `a` lies inside its buffer. */
export function checkBounds(a: Mat): void {
  if (a.rows === 0 || a.cols === 0) return;
  const lastRow = (a.rows - 1) * a.rs;
  const lastCol = (a.cols - 1) * a.cs;
  const lo = a.offset + Math.min(0, lastRow) + Math.min(0, lastCol);
  const hi = a.offset + Math.max(0, lastRow) + Math.max(0, lastCol);
  if (lo < 0 || hi >= a.data.length) throw new ShapeError("view extends outside its buffer");
}

/** The transpose of a Mat (no copy). */
export function transposed(a: Mat): Mat {
  return { data: a.data, offset: a.offset, rows: a.cols, cols: a.rows, rs: a.cs, cs: a.rs };
}

/** A float64 copy of `a` in column-major order with leading dimension `ld` (default rows). */
export function loadColMajor(a: Mat, ld = a.rows, out = new Float64Array(ld * a.cols), rowOffset = 0): Float64Array {
  for (let j = 0; j < a.cols; j++) {
    const src = a.offset + j * a.cs;
    const dst = j * ld + rowOffset;
    for (let i = 0; i < a.rows; i++) out[dst + i] = a.data[src + i * a.rs]!;
  }
  return out;
}

/** A float64 copy of `a` in row-major order. */
export function loadRowMajor(a: Mat): Float64Array {
  return loadColMajor(transposed(a));
}

/**
 * Writes rows×cols values `src[i·rs + j·cs]` into the contiguous row-major output `out`
 * (float32 outputs round on assignment).
 */
export function store(out: View, src: ArrayLike<number>, rows: number, cols: number, rs: number, cs: number): void {
  const o = out.offset;
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out.data[o + i * cols + j] = src[i * rs + j * cs]!;
}

/** Throws ShapeError unless `v` has exactly `shape` and, for outputs, is contiguous row-major. */
export function expectShape(v: View, shape: readonly number[], what: string): void {
  const ok = v.shape.length === shape.length && v.shape.every((d, i) => d === shape[i]);
  if (!ok) throw new ShapeError(`${what} must have shape (${shape.join(", ")}), got (${v.shape.join(", ")})`);
}

/** Throws ShapeError unless the output view is contiguous row-major of `shape` and fits its buffer. */
export function expectOutput(v: View, shape: readonly number[], what: string): void {
  expectShape(v, shape, what);
  let expected = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    if (shape[i] !== 1 && v.strides[i] !== expected) throw new ShapeError(`${what} must be a contiguous row-major view`);
    expected *= shape[i]!;
  }
  if (v.offset < 0 || v.offset + expected > v.data.length) throw new ShapeError(`${what} does not fit its buffer`);
}

/** n for an n×n matrix; LinAlgError (NumPy's words) for a non-square one. */
export function requireSquare(a: Mat): number {
  if (a.rows !== a.cols) throw new LinAlgError("Last 2 dimensions of the array must be square");
  return a.rows;
}

export interface NonFinite {
  readonly nan: boolean;
  readonly inf: boolean;
}

/** Whether `a` (or only its lower/upper triangle) holds NaN or ±Infinity. */
export function scanNonFinite(a: Mat, triangle?: "L" | "U"): NonFinite {
  let nan = false;
  let inf = false;
  for (let i = 0; i < a.rows; i++) {
    const j0 = triangle === "U" ? i : 0;
    const j1 = triangle === "L" ? Math.min(i + 1, a.cols) : a.cols;
    for (let j = j0; j < j1; j++) {
      const x = a.data[a.offset + i * a.rs + j * a.cs]!;
      if (x !== x) nan = true;
      else if (x === Infinity || x === -Infinity) inf = true;
    }
  }
  return { nan, inf };
}

/** Fills a contiguous output with `value`. */
export function fillOutput(out: View, value: number): void {
  let size = 1;
  for (const d of out.shape) size *= d;
  out.data.fill(value, out.offset, out.offset + size);
}

/** Writes the identity (rows×cols, ones on the diagonal) into a contiguous output. */
export function storeIdentity(out: View, rows: number, cols: number): void {
  out.data.fill(0, out.offset, out.offset + rows * cols);
  for (let i = 0; i < Math.min(rows, cols); i++) out.data[out.offset + i * cols + i] = 1;
}
