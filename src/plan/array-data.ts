// SPDX-License-Identifier: Apache-2.0
/**
 * ArrayData: the internal array behind a public BlockArray. Its metadata (grid, dtype) is known at
 * once; its contents are either materialized — one slot (a view on a stored block) per grid entry —
 * or a lazy elementwise expression over other arrays, which the planner fuses into the kernels of
 * whatever consumes it and materializes only when needed.
 *
 * Ownership: `holds` counts owners (the public wrapper, expressions using it as an argument). At
 * zero the array lets go of its blocks and of its expression's arguments.
 */
import type { Dtype } from "../array/dtype.js";
import type { ArrayGrid } from "../array/grid.js";
import type { ElementwiseOp } from "../kernels/ops.js";
import type { Block } from "../runtime/block.js";

/** A view on a stored block, covering one grid entry (its shape is the grid's block shape there). */
export interface Slot {
  readonly block: Block;
  readonly offset: number;
  readonly strides: readonly number[];
}

/** A scalar operand of an expression, already in the loop's dtype. */
export interface ScalarArg {
  readonly scalar: number;
  readonly dtype: Dtype;
}

export type ExprArg = ArrayData | ScalarArg;

/** One elementwise op over arrays and scalars; `argDtypes` are the loop's input dtypes. */
export interface Expr {
  readonly op: ElementwiseOp;
  readonly args: readonly ExprArg[];
  readonly argDtypes: readonly Dtype[];
}

export function isScalarArg(a: ExprArg): a is ScalarArg {
  return !(a instanceof ArrayData);
}

export class ArrayData {
  private slotList: Slot[] | null;
  private exprNode: Expr | null;
  private holds = 1;
  /** How many expressions or fused consumers have used this array (decides materialization). */
  consumers = 0;

  private constructor(
    readonly grid: ArrayGrid,
    readonly dtype: Dtype,
    slots: Slot[] | null,
    expr: Expr | null,
  ) {
    this.slotList = slots;
    this.exprNode = expr;
  }

  /** An array over blocks whose holds the caller hands over (one per slot). */
  static fromSlots(grid: ArrayGrid, dtype: Dtype, slots: Slot[]): ArrayData {
    if (slots.length !== grid.numBlocks) throw new Error(`expected ${grid.numBlocks} slots, got ${slots.length}`);
    return new ArrayData(grid, dtype, slots, null);
  }

  /** A lazy array; takes a hold on every array argument. */
  static fromExpr(grid: ArrayGrid, dtype: Dtype, expr: Expr): ArrayData {
    for (const a of expr.args) if (!isScalarArg(a)) a.retain();
    return new ArrayData(grid, dtype, null, expr);
  }

  get shape(): readonly number[] {
    return this.grid.shape;
  }

  get ndim(): number {
    return this.grid.ndim;
  }

  get size(): number {
    return this.grid.shape.reduce((a, b) => a * b, 1);
  }

  get isMaterialized(): boolean {
    return this.slotList !== null;
  }

  get expr(): Expr | null {
    return this.exprNode;
  }

  get isHeld(): boolean {
    return this.holds > 0;
  }

  /** The slots of a materialized array (see plan/materialize.ts for lazy ones). */
  get slots(): readonly Slot[] {
    if (!this.slotList) throw new Error("internal: slots of a lazy array (materialize it first)");
    return this.slotList;
  }

  /** Turns a lazy array into a materialized one (called by the materializer). */
  setSlots(slots: Slot[]): void {
    if (this.slotList) throw new Error("internal: array is already materialized");
    this.slotList = slots;
    const expr = this.exprNode;
    this.exprNode = null;
    if (expr) for (const a of expr.args) if (!isScalarArg(a)) a.release();
  }

  retain(): this {
    if (this.holds <= 0) throw new Error("internal: retain of a released array");
    this.holds++;
    return this;
  }

  release(): void {
    if (this.holds <= 0) return;
    if (--this.holds > 0) return;
    if (this.slotList) for (const s of this.slotList) s.block.release();
    this.slotList = null;
    const expr = this.exprNode;
    this.exprNode = null;
    if (expr) for (const a of expr.args) if (!isScalarArg(a)) a.release();
  }
}
