// SPDX-License-Identifier: Apache-2.0
/**
 * Triangles and diagonal matrices block by block. A block entirely inside the kept triangle is a
 * view of the source block, a block entirely outside it is a zero-stride view of one shared zero
 * (no memory, no op), and only blocks the diagonal crosses are assembled: one piece per row
 * (tril/triu) or per diagonal element (diag), with zeros elsewhere.
 */
import { ArrayGrid } from "../array/grid.js";
import type { InputView } from "../runtime/runtime.js";
import type { ArrayData } from "./array-data.js";
import { type Piece, compose } from "./compose.js";
import { fill } from "./creation.js";
import { materialize } from "./materialize.js";

/** Runs `fn` with a factory of zero-stride views on one zero of `dtype`, made on first use. */
function withZero<T>(dtype: ArrayData["dtype"], fn: (zero: (shape: readonly number[]) => InputView) => T): T {
  let zero: ArrayData | null = null;
  try {
    return fn((shape) => {
      zero ??= fill(ArrayGrid.regular([1], [1]), dtype, 0);
      return { block: zero.slots[0]!.block, offset: 0, shape, strides: shape.map(() => 0) };
    });
  } finally {
    (zero as ArrayData | null)?.release();
  }
}

/**
 * `tril` (`lower`: keep column - row <= k) or `triu` (keep column - row >= k) of the last two axes
 * of `x` (at least 2-d).
 */
export function triangle(x: ArrayData, k: number, lower: boolean): ArrayData {
  materialize(x);
  const nd = x.ndim;
  return withZero(x.dtype, (zero) =>
    compose(x.grid, x.dtype, (entry, shape) => {
      const range = x.grid.blockRange(entry);
      const [r0, r1] = range[nd - 2]!;
      const [c0, c1] = range[nd - 1]!;
      const keepAll = lower ? c1 - 1 - r0 <= k : c0 - (r1 - 1) >= k;
      const dropAll = lower ? c0 - (r1 - 1) > k : c1 - 1 - r0 < k;
      const slot = x.slots[x.grid.flatIndex(entry)]!;
      const at0 = shape.map(() => 0);
      if (keepAll) return { pieces: [{ view: { block: slot.block, offset: slot.offset, shape, strides: slot.strides }, at: at0 }] };
      if (dropAll) return { pieces: [{ view: zero(shape), at: at0 }] };
      const pieces: Piece[] = [];
      for (let i = r0; i < r1; i++) {
        const from = lower ? c0 : Math.max(c0, i + k);
        const to = lower ? Math.min(c1, i + k + 1) : c1;
        if (to <= from) continue;
        const offset = slot.offset + (i - r0) * slot.strides[nd - 2]! + (from - c0) * slot.strides[nd - 1]!;
        const pieceShape = [...shape.slice(0, nd - 2), 1, to - from];
        const at = [...at0.slice(0, nd - 2), i - r0, from - c0];
        pieces.push({ view: { block: slot.block, offset, shape: pieceShape, strides: slot.strides }, at });
      }
      return { pieces, fill: 0 };
    }),
  );
}

/** The square matrix of layout `grid` with 1-d `v` on its k-th diagonal and zeros elsewhere. */
export function diagMatrix(v: ArrayData, k: number, grid: ArrayGrid): ArrayData {
  materialize(v);
  const rowOff = Math.max(0, -k);
  const colOff = Math.max(0, k);
  const n = v.shape[0]!;
  return withZero(v.dtype, (zero) =>
    compose(grid, v.dtype, (entry, shape) => {
      const [[r0, r1], [c0, c1]] = grid.blockRange(entry) as [[number, number], [number, number]];
      const t0 = Math.max(0, r0 - rowOff, c0 - colOff);
      const t1 = Math.min(n, r1 - rowOff, c1 - colOff);
      if (t1 <= t0) return { pieces: [{ view: zero(shape), at: [0, 0] }] };
      const pieces: Piece[] = [];
      for (let t = t0; t < t1; t++) {
        const chunk = v.grid.chunkIndexOf(0, t);
        const slot = v.slots[chunk]!;
        const offset = slot.offset + (t - v.grid.boundaries(0)[chunk]!) * slot.strides[0]!;
        pieces.push({ view: { block: slot.block, offset, shape: [1, 1], strides: [0, 0] }, at: [t + rowOff - r0, t + colOff - c0] });
      }
      return { pieces, fill: 0 };
    }),
  );
}
