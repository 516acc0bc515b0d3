// SPDX-License-Identifier: Apache-2.0
/**
 * NDArray: a local, contiguous, C-order array in this process (what `toArray()` returns and what
 * `nt.array` accepts). No runtime: a typed array plus shape and dtype.
 */
import { IndexError, ShapeError } from "../errors.js";
import { type Dtype, type TypedArray, allocTyped, dtypeOfTyped } from "./dtype.js";
import { type Shape, formatShape, sizeOf, stridesOf } from "./shape.js";

export type Nested = number | boolean | Nested[];

export class NDArray {
  readonly data: TypedArray;
  readonly shape: readonly number[];
  readonly dtype: Dtype;

  constructor(data: TypedArray, shape: Shape, dtype?: Dtype) {
    const inferred = dtypeOfTyped(data);
    this.dtype = dtype ?? inferred ?? "float64";
    if (sizeOf(shape) !== data.length) {
      throw new ShapeError(`cannot reshape array of size ${data.length} into shape ${formatShape(shape)}`);
    }
    this.data = data;
    this.shape = [...shape];
  }

  static zeros(shape: Shape, dtype: Dtype = "float64"): NDArray {
    return new NDArray(allocTyped(dtype, sizeOf(shape)), shape, dtype);
  }

  get ndim(): number {
    return this.shape.length;
  }

  get size(): number {
    return this.data.length;
  }

  get strides(): number[] {
    return stridesOf(this.shape);
  }

  /** The element at integer `indices` (negative counts from the end), as NumPy's `a[i, j]`. */
  get(...indices: number[]): number | boolean {
    if (indices.length !== this.shape.length) {
      throw new IndexError(
        `NDArray.get needs ${this.shape.length} indices for an array of shape ${formatShape(this.shape)}, got ${indices.length}`,
      );
    }
    let flat = 0;
    const strides = this.strides;
    indices.forEach((raw, axis) => {
      const n = this.shape[axis]!;
      if (!Number.isInteger(raw) || raw < -n || raw >= n) {
        throw new IndexError(`index ${raw} is out of bounds for axis ${axis} with size ${n}`);
      }
      flat += (raw < 0 ? raw + n : raw) * strides[axis]!;
    });
    return this.valueAt(flat);
  }

  /** The element at flat C-order position `flat` (booleans for bool arrays). */
  valueAt(flat: number): number | boolean {
    const v = this.data[flat]!;
    return this.dtype === "bool" ? v !== 0 : v;
  }

  /** Nested JS arrays (a number or boolean for 0-d arrays), like NumPy's `tolist()`. */
  toNested(): Nested {
    const build = (axis: number, offset: number, strides: number[]): Nested => {
      if (axis === this.shape.length) return this.valueAt(offset);
      const out: Nested[] = [];
      for (let i = 0; i < this.shape[axis]!; i++) out.push(build(axis + 1, offset + i * strides[axis]!, strides));
      return out;
    };
    return build(0, 0, this.strides);
  }
}
