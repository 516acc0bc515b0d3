// SPDX-License-Identifier: Apache-2.0
/**
 * Tiled Householder QR for 2-D-blocked matrices: communication-avoiding QR (CAQR; Demmel,
 * Grigori, Hoemmen & Langou, "Communication-optimal parallel and sequential QR and LU
 * factorizations", SIAM J. Sci. Comput. 34(1), 2012) in the tile formulation of Buttari, Langou,
 * Kurzak & Dongarra (Parallel Computing 35(1), 2009). For each tile column k:
 *
 *   leaves   [R_i; 0] = H_iᵀ·A_ik        (i ≥ k)   Householder QR where A_ik lives
 *            A_ij = H_iᵀ·A_ij            (j > k)   applied where A_ij lives
 *   tree     [R; 0] = H_abᵀ·[R_a; R_b]             pairwise merges of the R factors in the
 *            [A_aj; A_bj] = H_abᵀ·[A_aj; A_bj]      scheduler's order (plan/tree-reduce.ts)
 *
 * Every H is kept in compact WY form, I − V·T·Vᵀ (kernels `householder`, `applyHouseholder`), so
 * updates are gemm-rich, and Q is formed — when asked for — by applying the H's to the identity
 * in reverse order. Q is orthogonal to machine precision, as with LAPACK's geqrf. Memory: A's
 * size for the updated tiles, plus V and T for every tree node while Q is wanted (another A's size).
 */
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import type { ArrayData } from "../plan/array-data.js";
import { generate } from "../plan/creation.js";
import { type PartialState, treeReduce } from "../plan/tree-reduce.js";
import type { Block } from "../runtime/block.js";
import type { NodeId } from "../runtime/messages.js";
import { chunksOf, retileSize } from "./partition.js";
import { TileMatrix, blockView, run, subView } from "./tiles.js";
import { ZeroTiles } from "./zero.js";

/** A Householder transformation acting on the top `rows[p]` rows of tile rows `tiles[p]`. */
interface Reflector {
  readonly panel: number;
  readonly tiles: readonly number[];
  readonly rows: readonly number[];
  readonly v: readonly Block[];
  readonly t: Block;
}

export interface TiledQr {
  readonly q: ArrayData | null;
  readonly r: ArrayData;
}

/**
 * QR of `a` (m×n, any shape): mode "reduced" (Q m×k, R k×n, k = min(m, n)), "complete" (Q m×m,
 * R m×n) or "r" (R k×n only).
 */
export function tiledQr(a: ArrayData, mode: "reduced" | "complete" | "r"): TiledQr {
  const [m, n] = a.shape as [number, number];
  const ts = retileSize(a);
  const t = TileMatrix.of(a, chunksOf(m, ts), chunksOf(n, ts));
  const dtype = a.dtype;
  const keep = mode !== "r";
  const reflectors: Reflector[] = [];
  const panels = Math.min(t.rows, t.cols);
  for (let k = 0; k < panels; k++) factorPanel(t, k, dtype, keep ? reflectors : null);
  const kr = mode === "complete" ? m : Math.min(m, n);
  const r = upperPart(t, kr, ts, dtype);
  t.release();
  if (!keep) return { q: null, r };
  const q = formQ(reflectors, chunksOf(m, ts), chunksOf(mode === "complete" ? m : Math.min(m, n), ts), dtype);
  for (const h of reflectors) [...h.v, h.t].forEach((b) => b.release());
  return { q, r };
}

/** Factors tile column k and updates the tiles to its right. */
function factorPanel(t: TileMatrix, k: number, dtype: Dtype, reflectors: Reflector[] | null): void {
  const ck = t.colChunks[k]!;
  const tileOf = new Map<Block, number>();
  const leaves: PartialState[] = [];
  for (let i = k; i < t.rows; i++) {
    const mi = t.rowChunks[i]!;
    const ki = Math.min(mi, ck);
    const [r, tt, v] = run("householder", {}, [t.tile(i, k)], [{ dtype, shape: [ki, ck] }, { dtype, shape: [ki, ki] }, { dtype, shape: [mi, ki] }], t.owner(i, k));
    const h: Reflector = { panel: k, tiles: [i], rows: [mi], v: [v!], t: tt! };
    apply(t, h, true, k + 1, dtype);
    record(h, reflectors);
    tileOf.set(r!, i);
    leaves.push([r!]);
  }
  const [root] = treeReduce(leaves, t.owner(k, k), (x, y, final, owner) => {
    const [top, bottom] = [x[0]!, y[0]!].sort((p, q) => tileOf.get(p)! - tileOf.get(q)!) as [Block, Block];
    const rows = [top.shape[0]!, bottom.shape[0]!];
    const kr = Math.min(rows[0]! + rows[1]!, ck);
    const outputs = [{ dtype, shape: [kr, ck] }, { dtype, shape: [kr, kr] }, ...rows.map((r) => ({ dtype, shape: [r, kr] }))];
    const [r, tt, va, vb] = run("householder", { triangularInputs: true }, [blockView(top), blockView(bottom)], outputs, owner, final);
    const h: Reflector = { panel: k, tiles: [tileOf.get(top)!, tileOf.get(bottom)!], rows, v: [va!, vb!], t: tt! };
    apply(t, h, true, k + 1, dtype);
    record(h, reflectors);
    tileOf.set(r!, tileOf.get(top)!);
    return [r!];
  }) as [Block];
  t.set(k, k, root, blockView(root));
}

function record(h: Reflector, reflectors: Reflector[] | null): void {
  if (reflectors) reflectors.push(h);
  else [...h.v, h.t].forEach((b) => b.release());
}

/** Applies H (or Hᵀ) to tile columns j ≥ `from` of `m`, replacing the top rows it acts on. */
function apply(m: TileMatrix, h: Reflector, transpose: boolean, from: number, dtype: Dtype): void {
  for (let j = from; j < m.cols; j++) {
    const pieces = h.tiles.map((i, p) => subView(m.tile(i, j), 0, h.rows[p]!));
    const owner: NodeId = m.owner(h.tiles[0]!, j);
    const single = h.tiles.length === 1;
    const outs = run("applyHouseholder", { transpose }, [...h.v.map(blockView), blockView(h.t), ...pieces], pieces.map((p) => ({ dtype, shape: p.shape })), owner, single && h.rows[0] === m.rowChunks[h.tiles[0]!]);
    h.tiles.forEach((i, p) => replaceTop(m, i, j, outs[p]!, dtype));
  }
}

/** Tile (i, j) with its top rows replaced by `block` (the whole tile when it covers it). */
function replaceTop(m: TileMatrix, i: number, j: number, block: Block, dtype: Dtype): void {
  const tile = m.tile(i, j);
  const rows = block.shape[0]!;
  if (rows === tile.shape[0]) return m.set(i, j, block);
  const [whole] = run("assemble", { starts: [[0, 0], [rows, 0]], fill: 0 }, [blockView(block), subView(tile, rows, tile.shape[0]!)], [{ dtype, shape: tile.shape }], m.owner(i, j), true);
  block.release();
  m.set(i, j, whole!);
}

/** R: the first `kr` rows of the factored tiles, zeros below the diagonal tiles. */
function upperPart(t: TileMatrix, kr: number, ts: number, dtype: Dtype): ArrayData {
  const rowChunks = chunksOf(kr, ts);
  const zeros = new ZeroTiles(dtype);
  const r = TileMatrix.build(dtype, rowChunks, t.colChunks, (i, j) => {
    const shape = [rowChunks[i]!, t.colChunks[j]!];
    if (i > j || i >= t.rows) return zeros.view(shape);
    const tile = t.tile(i, j);
    if (i < j) return { ...subView(tile, 0, shape[0]!), block: tile.block.retain() };
    // Diagonal tile: the tree's R (its rows), then zeros down to the tile's rows.
    const rk = tile.shape[0]!;
    if (rk === shape[0]) return { ...tile, block: tile.block.retain() };
    if (rk > shape[0]!) return { ...subView(tile, 0, shape[0]!), block: tile.block.retain() };
    const [block] = run("assemble", { starts: [[0, 0]], fill: 0 }, [tile], [{ dtype, shape }], t.owner(i, j), true);
    return blockView(block!);
  });
  zeros.release();
  const out = r.toData();
  r.release();
  return out;
}

/** Q·[I; 0] (m × kq) by applying the reflectors in reverse order to the identity's tiles. */
function formQ(reflectors: readonly Reflector[], rowChunks: number[], colChunks: number[], dtype: Dtype): ArrayData {
  const m = rowChunks.reduce((s, c) => s + c, 0);
  const kq = colChunks.reduce((s, c) => s + c, 0);
  const eye = generate(ArrayGrid.fromChunks([m, kq], [rowChunks, colChunks]), dtype, { kind: "eye", k: 0 });
  const q = TileMatrix.of(eye);
  eye.release();
  for (let r = reflectors.length - 1; r >= 0; r--) apply(q, reflectors[r]!, false, reflectors[r]!.panel, dtype);
  const out = q.toData();
  q.release();
  return out;
}
