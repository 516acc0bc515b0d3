// SPDX-License-Identifier: Apache-2.0
/**
 * BlockArray: the distributed n-d array users hold. Its metadata is known at once; its values are
 * computed asynchronously and read back with `await x.toArray()`. Methods mirror NumPy's ndarray.
 * Memory is released by `dispose()` (or `using`), and by a FinalizationRegistry as a safety net.
 */
import type { AxisArg } from "../array/axis.js";
import type { Dtype } from "../array/dtype.js";
import { itemSize } from "../array/dtype.js";
import { type Nested, NDArray } from "../array/ndarray.js";
import { formatShape } from "../array/shape.js";
import { PendingShapeError, ShapeError } from "../errors.js";
import type { ArrayData } from "../plan/array-data.js";
import { download, waitFor } from "../plan/transfer-local.js";
import type { ArrayLike } from "./convert.js";
import * as r from "./reductions.js";
import { type CumulativeOptions, cumprod, cumsum } from "./cumulative.js";
import * as sel from "./selection.js";
import * as u from "./ufuncs.js";
import { rechunk } from "./rechunk.js";
import * as c from "./contractions.js";
import { transpose } from "./transpose.js";
import * as m from "./manipulation-methods.js";
import { type SearchSortedOptions, searchsorted } from "./searchsorted.js";
import * as so from "./sort.js";

const finalizer = new FinalizationRegistry<ArrayData>((data) => data.release());

export class BlockArray implements Disposable {
  private resolvedData: ArrayData | null;
  private pending: Promise<void> | null = null;
  private failure: Error | null = null;
  private known: { readonly shape: readonly number[]; readonly dtype: Dtype } | null = null;
  private disposed = false;

  /** @internal Use the creation functions (`nt.array`, `nt.zeros`, ...). */
  constructor(data: ArrayData | null) {
    this.resolvedData = data;
    if (data) finalizer.register(this, data, this);
  }

  /**
   * @internal An array whose shape depends on data (boolean-mask selection, `unique`, ...): it
   * adopts the array `result` resolves to. Operations on it return deferred arrays too, so
   * chains just work; reading it waits. `known` gives the shape and dtype when only the layout
   * depends on data (a sort along several blocks): they can be read while pending.
   */
  static deferred(result: Promise<BlockArray>, known?: { readonly shape: readonly number[]; readonly dtype: Dtype }): BlockArray {
    const out = new BlockArray(null);
    out.known = known ?? null;
    out.pending = result.then(
      (r) => {
        const data = r.data.retain();
        r.dispose();
        if (out.disposed) {
          data.release();
          return;
        }
        out.resolvedData = data;
        finalizer.register(out, data, out);
      },
      (e: unknown) => {
        out.failure = e instanceof Error ? e : new Error(String(e));
      },
    );
    return out;
  }

  /** @internal The planner's array (throws while a data-dependent shape is pending). */
  get data(): ArrayData {
    this.check();
    if (this.resolvedData) return this.resolvedData;
    if (this.failure) throw this.failure;
    throw new PendingShapeError();
  }

  /** Whether the shape is known (always, except for results whose shape depends on data). */
  get isResolved(): boolean {
    return this.resolvedData !== null;
  }

  /** Waits until the shape is known (not for the values); rejects if computing it failed. */
  async resolved(): Promise<this> {
    if (this.pending) await this.pending;
    if (this.failure) throw this.failure;
    return this;
  }

  /** Shape and dtype: the data's, or those known in advance while a deferred array is pending. */
  private get meta(): { readonly shape: readonly number[]; readonly dtype: Dtype } {
    return !this.resolvedData && this.known && !this.disposed ? this.known : this.data;
  }

  get shape(): number[] {
    return [...this.meta.shape];
  }

  get ndim(): number {
    return this.meta.shape.length;
  }

  get size(): number {
    return this.meta.shape.reduce((a, b) => a * b, 1);
  }

  get dtype(): Dtype {
    return this.meta.dtype;
  }

  get nbytes(): number {
    return this.size * itemSize(this.dtype);
  }

  /** The nominal block shape (the largest block along each axis). */
  get blockShape(): number[] {
    return this.data.grid.blockShape;
  }

  /** Number of blocks along each axis. */
  get gridShape(): number[] {
    return [...this.data.grid.gridShape];
  }

  // -- reading back --------------------------------------------------------------------------

  /**
   * Waits until every block is computed, without downloading anything (Dask's `wait`, NumS's
   * `touch`); rejects if computing failed.
   */
  async wait(): Promise<this> {
    this.check();
    await this.resolved();
    await waitFor(this.data);
    return this;
  }

  /** Waits for the values and returns them as a local contiguous NDArray. */
  async toArray(): Promise<NDArray> {
    this.check();
    await this.resolved();
    return download(this.data);
  }

  /** Waits for the values and returns them as nested JS arrays (a number or boolean when 0-d). */
  async toNested(): Promise<Nested> {
    return (await this.toArray()).toNested();
  }

  /** The single element of a one-element array, like NumPy's `item()`. */
  async item(): Promise<number | boolean> {
    await this.resolved();
    if (this.size !== 1) {
      throw new ShapeError(`can only convert an array of size 1 to a JS scalar (shape ${formatShape(this.shape)})`);
    }
    return (await this.toArray()).valueAt(0);
  }

  // -- memory --------------------------------------------------------------------------------

  /** Releases this array's blocks (results computed from it stay valid). Idempotent. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    finalizer.unregister(this);
    this.resolvedData?.release();
    this.resolvedData = null;
  }

  [Symbol.dispose](): void {
    this.dispose();
  }

  private check(): void {
    if (this.disposed) throw new ReferenceError("this BlockArray was disposed");
  }

  // -- layout and dtype ----------------------------------------------------------------------

  astype(dtype: Dtype): BlockArray {
    return sel.astype(this, dtype);
  }

  copy(): BlockArray {
    return sel.copy(this);
  }

  /** The same values in blocks of `blockShape` (`-1` or `null` keeps an axis whole). */
  rechunk(blockShape: number | readonly (number | null)[]): BlockArray {
    return rechunk(this, blockShape);
  }

  /** Permuted axes (reversed by default) — a view: no data moves until something reads it. */
  transpose(axes?: readonly number[]): BlockArray {
    return transpose(this, axes);
  }

  get T(): BlockArray {
    return this.transpose();
  }

  // -- shape manipulation (NumPy's ndarray methods) ------------------------------------------

  /** The same elements in a new shape: `x.reshape([2, -1])` or `x.reshape(2, -1)`. */
  reshape(...shape: m.ReshapeArgs): BlockArray { return m.reshapeMethod(this, shape); }
  ravel(options?: m.ReshapeOptions): BlockArray { return m.ravel(this, options); }
  flatten(options?: m.ReshapeOptions): BlockArray { return m.flatten(this, options); }
  squeeze(axis?: number | readonly number[] | null | m.SqueezeOptions): BlockArray { return m.squeeze(this, axis); }
  swapaxes(axis1: number, axis2: number): BlockArray { return m.swapaxes(this, axis1, axis2); }
  repeat(repeats: m.Repeats, options?: number | m.RepeatOptions): BlockArray { return m.repeat(this, repeats, options); }
  diagonal(options?: number | m.DiagonalOptions): BlockArray { return m.diagonal(this, options); }

  // -- ufuncs as methods ---------------------------------------------------------------------

  add(y: ArrayLike): BlockArray { return u.add(this, y); }
  subtract(y: ArrayLike): BlockArray { return u.subtract(this, y); }
  multiply(y: ArrayLike): BlockArray { return u.multiply(this, y); }
  divide(y: ArrayLike): BlockArray { return u.divide(this, y); }
  floorDivide(y: ArrayLike): BlockArray { return u.floorDivide(this, y); }
  remainder(y: ArrayLike): BlockArray { return u.remainder(this, y); }
  mod(y: ArrayLike): BlockArray { return u.remainder(this, y); }
  power(y: ArrayLike): BlockArray { return u.power(this, y); }
  maximum(y: ArrayLike): BlockArray { return u.maximum(this, y); }
  minimum(y: ArrayLike): BlockArray { return u.minimum(this, y); }
  equal(y: ArrayLike): BlockArray { return u.equal(this, y); }
  notEqual(y: ArrayLike): BlockArray { return u.notEqual(this, y); }
  less(y: ArrayLike): BlockArray { return u.less(this, y); }
  lessEqual(y: ArrayLike): BlockArray { return u.lessEqual(this, y); }
  greater(y: ArrayLike): BlockArray { return u.greater(this, y); }
  greaterEqual(y: ArrayLike): BlockArray { return u.greaterEqual(this, y); }
  logicalAnd(y: ArrayLike): BlockArray { return u.logicalAnd(this, y); }
  logicalOr(y: ArrayLike): BlockArray { return u.logicalOr(this, y); }
  logicalXor(y: ArrayLike): BlockArray { return u.logicalXor(this, y); }
  bitwiseAnd(y: ArrayLike): BlockArray { return u.bitwiseAnd(this, y); }
  bitwiseOr(y: ArrayLike): BlockArray { return u.bitwiseOr(this, y); }
  bitwiseXor(y: ArrayLike): BlockArray { return u.bitwiseXor(this, y); }
  leftShift(y: ArrayLike): BlockArray { return u.leftShift(this, y); }
  rightShift(y: ArrayLike): BlockArray { return u.rightShift(this, y); }
  negative(): BlockArray { return u.negative(this); }
  positive(): BlockArray { return u.positive(this); }
  abs(): BlockArray { return u.absolute(this); }
  absolute(): BlockArray { return u.absolute(this); }
  sign(): BlockArray { return u.sign(this); }
  sqrt(): BlockArray { return u.sqrt(this); }
  square(): BlockArray { return u.square(this); }
  exp(): BlockArray { return u.exp(this); }
  log(): BlockArray { return u.log(this); }
  invert(): BlockArray { return u.invert(this); }
  logicalNot(): BlockArray { return u.logicalNot(this); }
  isnan(): BlockArray { return u.isnan(this); }
  isinf(): BlockArray { return u.isinf(this); }
  isfinite(): BlockArray { return u.isfinite(this); }
  clip(min: ArrayLike | null, max: ArrayLike | null): BlockArray { return sel.clip(this, min, max); }
  round(options?: { decimals?: number }): BlockArray { return sel.round(this, options); }

  // -- contractions as methods ----------------------------------------------------------------

  matmul(y: ArrayLike): BlockArray { return c.matmul(this, y); }
  dot(y: ArrayLike): BlockArray { return c.dot(this, y); }
  trace(options?: number | c.TraceOptions): BlockArray { return c.trace(this, options); }

  // -- reductions as methods -----------------------------------------------------------------

  sum(options?: r.SumOptions): BlockArray { return r.sum(this, options); }
  prod(options?: r.SumOptions): BlockArray { return r.prod(this, options); }
  mean(options?: r.SumOptions): BlockArray { return r.mean(this, options); }
  var(options?: r.VarOptions): BlockArray { return r.variance(this, options); }
  std(options?: r.VarOptions): BlockArray { return r.std(this, options); }
  min(options?: r.ReduceOptions): BlockArray { return r.min(this, options); }
  max(options?: r.ReduceOptions): BlockArray { return r.max(this, options); }
  argmin(options?: r.ArgOptions): BlockArray { return r.argmin(this, options); }
  argmax(options?: r.ArgOptions): BlockArray { return r.argmax(this, options); }
  all(options?: r.ReduceOptions): BlockArray { return r.all(this, options); }
  any(options?: r.ReduceOptions): BlockArray { return r.any(this, options); }
  ptp(options?: r.ReduceOptions): BlockArray { return r.ptp(this, options); }
  cumsum(options?: CumulativeOptions): BlockArray { return cumsum(this, options); }
  cumprod(options?: CumulativeOptions): BlockArray { return cumprod(this, options); }

  // -- sorting and searching (NumPy's sort and partition methods work in place: use nt.sort) ---

  argsort(options?: so.SortOptions): BlockArray { return so.argsort(this, options); }
  argpartition(kth: number | readonly number[], options?: so.PartitionOptions): BlockArray { return so.argpartition(this, kth, options); }
  searchsorted(v: ArrayLike, options?: SearchSortedOptions): BlockArray { return searchsorted(this, v, options); }

  toString(): string {
    return `BlockArray(shape=${formatShape(this.shape)}, dtype=${this.dtype}, blockShape=${formatShape(this.blockShape)})`;
  }
}

export type { AxisArg };
export { NDArray };
