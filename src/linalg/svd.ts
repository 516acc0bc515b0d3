// SPDX-License-Identifier: Apache-2.0
/**
 * Singular value decomposition of a distributed matrix by QR first (Chan, "An improved algorithm
 * for computing the singular value decomposition", ACM TOMS 8(1), 1982; NumS's svd does the same
 * for tall-skinny arrays): A = Q·R distributed (qr.ts: direct TSQR for tall-skinny A, tiled
 * Householder QR otherwise), then R = U_R·Σ·Vᵀ on one node (LAPACK gesdd, as NumPy)
 * and U = Q·U_R back where Q's row blocks live. A wide A is handled as Aᵀ.
 *
 * Why not a distributed bidiagonalization: it needs a pair of Householder reflections per column
 * (2·min(m, n) global reductions in sequence), while QR first does all O(m·n²) work in parallel
 * tile kernels and leaves only the k×k core (k = min(m, n)) to one node: O(k²) memory and O(k³)
 * time there. That bounds k (SVD_CORE_LIMIT), not m·n.
 */
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import { ArrayData } from "../plan/array-data.js";
import { regrid } from "../plan/compose.js";
import { materialize } from "../plan/materialize.js";
import { transposeView } from "../plan/views.js";
import type { Block } from "../runtime/block.js";
import { TileMatrix, blockView, run, subView } from "./tiles.js";
import { qr } from "./qr.js";

/** The largest k = min(m, n) whose k×k core is factored on one node (2 GiB of float64). */
export const SVD_CORE_LIMIT = 16384;

export interface Svd {
  readonly u: ArrayData | null;
  readonly s: ArrayData;
  readonly vt: ArrayData | null;
}

/** One block holding all of `a` (a view when it is one already). */
export function oneBlock(a: ArrayData): ArrayData {
  materialize(a);
  return regrid(a, ArrayGrid.fromChunks(a.shape, a.shape.map((d) => (d === 0 ? [] : [d]))));
}

/** SVD of 2-D `a` (m×n, float), NumPy's `full_matrices` and `compute_uv`. */
export function svd(a: ArrayData, fullMatrices: boolean, computeUv: boolean): Svd {
  const [m, n] = a.shape as [number, number];
  if (m < n) {
    const at = transposeView(a, [1, 0]);
    const r = svd(at, fullMatrices, computeUv);
    at.release();
    if (!r.u) return r;
    const u = transposeView(r.vt!, [1, 0]);
    const vt = transposeView(r.u, [1, 0]);
    r.u.release();
    r.vt!.release();
    return { u, s: r.s, vt };
  }
  const dtype = a.dtype;
  const k = n;
  const qMode = !computeUv ? "r" : fullMatrices && m > n ? "complete" : "reduced";
  const { q, r } = qr(a, qMode);
  // The k×k core: R's first k rows (complete mode's R is m×n), in one block.
  const rTop = regrid(r, ArrayGrid.fromChunks([k, n], [k === 0 ? [] : [k], n === 0 ? [] : [n]]));
  r.release();
  const core = rTop.grid.numBlocks === 0 ? null : rTop.slots[0]!;
  const view = core ? { block: core.block, offset: core.offset, shape: [k, n], strides: core.strides } : null;
  const outputs = computeUv ? [{ dtype, shape: [k, k] }, { dtype, shape: [k] }, { dtype, shape: [k, n] }] : [{ dtype, shape: [k] }];
  const blocks = view ? run("svd", { fullMatrices: false, computeUv }, [view], outputs, 0, true) : null;
  rTop.release();
  const s = single(blocks ? blocks[computeUv ? 1 : 0]! : null, [k], dtype);
  if (!computeUv) return { u: null, s, vt: null };
  const vt = single(blocks ? blocks[2]! : null, [k, n], dtype);
  const u = rotate(q!, blocks ? blocks[0]! : null, k, dtype);
  blocks?.[0]!.release();
  q!.release();
  return { u, s, vt };
}

/** An array over one block (or an empty array). */
function single(block: Block | null, shape: number[], dtype: Dtype): ArrayData {
  const grid = ArrayGrid.fromChunks(shape, shape.map((d) => (d === 0 ? [] : [d])));
  return ArrayData.fromSlots(grid, dtype, block ? [{ block, offset: 0, strides: stridesOf(shape) }] : []);
}

/**
 * U = Q·[U_R 0; 0 I]: Q's first k columns times U_R, tile by tile where Q's row blocks live; the
 * remaining columns of a complete Q are kept as they are.
 */
function rotate(q: ArrayData, ur: Block | null, k: number, dtype: Dtype): ArrayData {
  const [m, kq] = q.shape as [number, number];
  if (!ur || m === 0) return regrid(q, q.grid);
  // Q's rows in its row blocks; its first k columns in one block, the rest (complete mode) as is.
  const restChunks = kq > k ? [kq - k] : [];
  const tiles = TileMatrix.of(q, q.grid.chunks[0]!, [k, ...restChunks]);
  const out = TileMatrix.build(dtype, tiles.rowChunks, tiles.colChunks, (i, j) => {
    if (j === 1) return { ...tiles.tile(i, 1), block: tiles.tile(i, 1).block.retain() };
    const qi = tiles.tile(i, 0);
    const [ui] = run("gemm", {}, [qi, subView(blockView(ur), 0, k)], [{ dtype, shape: qi.shape }], tiles.owner(i, 0), true);
    return blockView(ui!);
  });
  tiles.release();
  const result = out.toData();
  out.release();
  return result;
}
