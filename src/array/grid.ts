// SPDX-License-Identifier: Apache-2.0
/**
 * ArrayGrid: how an array of `shape` is cut into blocks. Along each axis the array is split into
 * consecutive chunks (Dask's `chunks`); a grid made from a `blockShape` has equal chunks except a
 * ragged last one (NumS's `ArrayGrid`). Irregular chunks arise from slicing and concatenation and
 * let those operations reuse blocks instead of copying them. Pure metadata; grid entries are
 * iterated in C order.
 */
import { ShapeError } from "../errors.js";
import { type Shape, formatShape, sizeOf, stridesOf } from "./shape.js";

export class ArrayGrid {
  readonly shape: readonly number[];
  /** Per axis, the chunk sizes (all >= 1; an axis of length 0 has no chunks). */
  readonly chunks: readonly (readonly number[])[];
  readonly gridShape: readonly number[];
  readonly numBlocks: number;
  /** Per axis, chunk start offsets plus the axis length at the end. */
  private readonly bounds: number[][];
  private readonly gridStrides: number[];

  private constructor(shape: Shape, chunks: readonly (readonly number[])[]) {
    this.shape = [...shape];
    this.chunks = chunks.map((c) => [...c]);
    this.gridShape = chunks.map((c) => c.length);
    this.numBlocks = sizeOf(this.gridShape);
    this.gridStrides = stridesOf(this.gridShape);
    this.bounds = chunks.map((c) => {
      const b = [0];
      for (const n of c) b.push(b[b.length - 1]! + n);
      return b;
    });
  }

  /** Equal blocks of `blockShape`, the last along each axis possibly smaller. */
  static regular(shape: Shape, blockShape: Shape): ArrayGrid {
    if (blockShape.length !== shape.length) {
      throw new ShapeError(
        `blockShape ${formatShape(blockShape)} must have one entry per axis of shape ${formatShape(shape)}`,
      );
    }
    for (const b of blockShape) {
      if (!Number.isInteger(b) || b < 1) {
        throw new ShapeError(`blockShape entries must be positive integers, got ${formatShape(blockShape)}`);
      }
    }
    return new ArrayGrid(
      shape,
      shape.map((n, i) => {
        const b = blockShape[i]!;
        const out: number[] = [];
        for (let s = 0; s < n; s += b) out.push(Math.min(b, n - s));
        return out;
      }),
    );
  }

  /** A grid from explicit per-axis chunk sizes (validated against `shape`). */
  static fromChunks(shape: Shape, chunks: readonly (readonly number[])[]): ArrayGrid {
    if (chunks.length !== shape.length) {
      throw new ShapeError(`chunks must have one entry per axis of shape ${formatShape(shape)}`);
    }
    chunks.forEach((c, i) => {
      const total = c.reduce((a, b) => a + b, 0);
      if (total !== shape[i] || c.some((n) => !Number.isInteger(n) || n < 1)) {
        throw new ShapeError(`chunks ${JSON.stringify(c)} do not partition axis ${i} of length ${shape[i]}`);
      }
    });
    return new ArrayGrid(shape, chunks);
  }

  get ndim(): number {
    return this.shape.length;
  }

  /** The largest block along each axis (the nominal block shape; 1 on empty axes). */
  get blockShape(): number[] {
    return this.chunks.map((c) => (c.length === 0 ? 1 : Math.max(...c)));
  }

  /** Whether every chunk but the last along each axis has the same size. */
  get isRegular(): boolean {
    return this.chunks.every((c) => c.slice(0, -1).every((n) => n === c[0]) && (c.length === 0 || c[c.length - 1]! <= c[0]!));
  }

  /** Grid entries in C order. */
  *entries(): Generator<number[]> {
    for (let flat = 0; flat < this.numBlocks; flat++) yield this.entryOf(flat);
  }

  entryOf(flat: number): number[] {
    return this.gridStrides.map((s, i) => Math.floor(flat / s) % this.gridShape[i]!);
  }

  flatIndex(entry: readonly number[]): number {
    let flat = 0;
    for (let i = 0; i < entry.length; i++) flat += entry[i]! * this.gridStrides[i]!;
    return flat;
  }

  /** Global coordinates of the block's first element. */
  blockStart(entry: readonly number[]): number[] {
    return entry.map((e, i) => this.bounds[i]![e]!);
  }

  /** Shape of the block at `entry`. */
  blockShapeAt(entry: readonly number[]): number[] {
    return entry.map((e, i) => this.chunks[i]![e]!);
  }

  /** Half-open global ranges `[start, stop)` per axis of the block at `entry`. */
  blockRange(entry: readonly number[]): Array<[number, number]> {
    return entry.map((e, i) => [this.bounds[i]![e]!, this.bounds[i]![e + 1]!]);
  }

  /** Chunk start offsets along `axis`, followed by the axis length: [0, c0, c0+c1, ..., n]. */
  boundaries(axis: number): readonly number[] {
    return this.bounds[axis]!;
  }

  /** The chunk index along `axis` containing global coordinate `x`. */
  chunkIndexOf(axis: number, x: number): number {
    const b = this.bounds[axis]!;
    let lo = 0;
    let hi = b.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (b[mid]! <= x) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  equals(other: ArrayGrid): boolean {
    return (
      this.shape.length === other.shape.length &&
      this.chunks.every((c, i) => c.length === other.chunks[i]!.length && c.every((n, j) => n === other.chunks[i]![j]))
    );
  }
}
