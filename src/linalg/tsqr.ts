// SPDX-License-Identifier: Apache-2.0
/**
 * Direct TSQR (Benson, Gleich & Demmel, "Direct QR factorizations for tall-and-skinny matrices in
 * MapReduce architectures", IEEE BigData 2013; the tree of Demmel, Grigori, Hoemmen & Langou,
 * "Communication-optimal parallel and sequential QR and LU factorizations", SIAM J. Sci. Comput.
 * 34(1), 2012): every row block is factored where it lives, A_i = Q_i·R_i; the R factors are merged
 * pairwise, [R_a; R_b] = [Q_a'; Q_b']·R', in the order the scheduler gives (co-located partials
 * first, plan/tree-reduce.ts); then Q = Q_i·G_i back on the row blocks, where G_i is the product of
 * the merge factors on the path from leaf i to the root. Q is orthogonal to machine precision
 * (unlike indirect TSQR, Q = A·R⁻¹, which loses orthogonality with cond(A)).
 *
 * Preconditions: A is m×n with m ≥ n and n small enough that an n×n R fits one node; the columns
 * form one block (re-blocked if not). Memory: the leaves' factors are as large as A; merges hold
 * O(n²) per tree node; the result Q is m×n in A's row blocks and R is one n×n block.
 */
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { ArrayData } from "../plan/array-data.js";
import { type PartialState, treeReduce } from "../plan/tree-reduce.js";
import type { Block } from "../runtime/block.js";
import type { InputView } from "../runtime/runtime.js";
import { TileMatrix, blockView, run, subView } from "./tiles.js";

/** Leaves larger than this are factored as several row pieces (bounds each leaf's work buffer). */
const MAX_LEAF_BYTES = 32 * 2 ** 20;
/**
 * The leaf size aimed at: geqrt's panels of a leaf this size stay in cache, which made the
 * 125000×100 blocks of `bench tsqr` factor ~2× faster than in 32 MB leaves (2.4 s against 1.1 s
 * on 2 workers). Leaves keep at least 4·n rows (merges cost ~⅔·n³ each: wide matrices would
 * trade leaf work for merge work) and stay within MAX_LEAF_BYTES.
 */
const CACHED_LEAF_BYTES = 4 * 2 ** 20;

/** Rows per leaf piece for n columns. */
function leafRows(n: number): number {
  const bytesPerRow = 8 * Math.max(n, 1);
  const cached = Math.max(4 * n, Math.floor(CACHED_LEAF_BYTES / bytesPerRow));
  return Math.max(n, Math.min(Math.floor(MAX_LEAF_BYTES / bytesPerRow), cached));
}

/** A merge of the tree: its children's R blocks and its Q pieces (one per child). */
interface Merge {
  readonly children: readonly [Block, Block];
  readonly pieces: readonly [Block, Block];
}

/** A leaf: rows of a row block, its Q factor (reduced mode), and the row block it belongs to. */
interface Leaf {
  readonly tileRow: number;
  readonly rows: readonly [number, number];
  readonly q: Block | null;
  readonly r: Block;
}

export interface TsqrResult {
  /** Q (m×k) in A's row blocks, or null in mode "r". */
  readonly q: ArrayData | null;
  /** R (k×n), one block. */
  readonly r: ArrayData;
}

/** QR of tall-skinny `a` (2-D, m ≥ n) by direct TSQR; `mode` "r" computes R only. */
export function tsqr(a: ArrayData, mode: "reduced" | "r"): TsqrResult {
  const n = a.shape[1]!;
  const tiles = TileMatrix.of(a, a.grid.chunks[0]!, [n]);
  const dtype = a.dtype;
  const withQ = mode === "reduced";
  const leaves = factorLeaves(tiles, dtype, withQ);
  const merges = new Map<Block, Merge>();
  const [r] = treeReduce(
    leaves.map((l) => [l.r]),
    0,
    (pa, pb, final, owner) => [merge(pa, pb, dtype, withQ, merges, final, owner)],
  ) as [Block];
  const k = r.shape[0]!;
  const rData = ArrayData.fromSlots(ArrayGrid.fromChunks([k, n], [[k], [n]]), dtype, [{ block: r, offset: 0, strides: [n, 1] }]);
  const q = withQ ? assembleQ(tiles, leaves, merges, r, k, dtype) : null;
  tiles.release();
  return { q, r: rData };
}

/** Factors every row block (in pieces of about `leafRows` rows) where it lives. */
function factorLeaves(tiles: TileMatrix, dtype: Dtype, withQ: boolean): Leaf[] {
  const n = tiles.colChunks[0]!;
  const leaves: Leaf[] = [];
  const maxRows = leafRows(n);
  for (let i = 0; i < tiles.rows; i++) {
    const rows = tiles.rowChunks[i]!;
    // Pieces of at most maxRows rows, but none thinner than n (a piece's R is then square).
    const pieces = Math.max(1, Math.min(Math.ceil(rows / maxRows), Math.floor(rows / Math.max(n, 1))));
    const single = tiles.rows === 1 && pieces === 1;
    for (let p = 0; p < pieces; p++) {
      const r0 = Math.round((p * rows) / pieces);
      const r1 = Math.round(((p + 1) * rows) / pieces);
      const k = Math.min(r1 - r0, n);
      const outputs = [...(withQ ? [{ dtype, shape: [r1 - r0, k] }] : []), { dtype, shape: [k, n] }];
      const out = run("qr", { mode: withQ ? "reduced" : "r" }, [subView(tiles.tile(i, 0), r0, r1)], outputs, tiles.owner(i, 0), single);
      leaves.push({ tileRow: i, rows: [r0, r1], q: withQ ? out[0]! : null, r: out[withQ ? 1 : 0]! });
    }
  }
  return leaves;
}

/** One merge of R factors: [R_a; R_b] = [Q_a'; Q_b']·R' (tpqrt when both are square triangles). */
function merge(pa: PartialState, pb: PartialState, dtype: Dtype, withQ: boolean, merges: Map<Block, Merge>, final: boolean, owner: number): Block {
  const [ra, rb] = [pa[0]!, pb[0]!];
  const n = ra.shape[1]!;
  const k = Math.min(ra.shape[0]! + rb.shape[0]!, n);
  const qShapes = withQ ? [ra, rb].map((x) => ({ dtype, shape: [x.shape[0]!, k] })) : [];
  const out = run("qr", { mode: withQ ? "reduced" : "r", splitQ: withQ, triangularInputs: true }, [blockView(ra), blockView(rb)], [...qShapes, { dtype, shape: [k, n] }], owner, final);
  const r = out[out.length - 1]!;
  if (withQ) {
    // The children stay held until Q is assembled: the map is keyed by them.
    ra.retain();
    rb.retain();
    merges.set(r, { children: [ra, rb], pieces: [out[0]!, out[1]!] });
  }
  return r;
}

/**
 * Q = Q_i·G_i per leaf, G accumulated top-down (G_child = Q_piece·G_parent), each product on the
 * node owning the leaf's row block.
 */
function assembleQ(tiles: TileMatrix, leaves: readonly Leaf[], merges: Map<Block, Merge>, root: Block, k: number, dtype: Dtype): ArrayData {
  const g = new Map<Block, Block | null>([[root, null]]);
  const stack: Block[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const mg = merges.get(node);
    if (!mg) continue;
    const parent = g.get(node)!;
    mg.children.forEach((child, c) => {
      const piece = mg.pieces[c]!;
      g.set(child, parent ? run("gemm", {}, [blockView(piece), blockView(parent)], [{ dtype, shape: [piece.shape[0]!, k] }], 0)[0]! : piece.retain());
      stack.push(child);
    });
  }
  // Leaf products, then the row blocks' Q: one leaf per row block is its block; pieces are assembled.
  const parts: InputView[][] = tiles.rowChunks.map(() => []);
  for (const leaf of leaves) {
    const gi = g.get(leaf.r) ?? null;
    const owner = tiles.owner(leaf.tileRow, 0);
    const whole = leaf.rows[1] - leaf.rows[0] === tiles.rowChunks[leaf.tileRow];
    const qi = gi ? run("gemm", {}, [blockView(leaf.q!), blockView(gi)], [{ dtype, shape: [leaf.rows[1] - leaf.rows[0], k] }], owner, whole)[0]! : leaf.q!.retain();
    parts[leaf.tileRow]!.push(blockView(qi));
  }
  const q = TileMatrix.build(dtype, tiles.rowChunks, [k], (i) => {
    const ps = parts[i]!;
    if (ps.length === 1) return ps[0]!;
    const starts = ps.map((_, p) => [Math.round((p * tiles.rowChunks[i]!) / ps.length), 0]);
    const [block] = run("assemble", { starts, fill: 0 }, ps, [{ dtype, shape: [tiles.rowChunks[i]!, k] }], tiles.owner(i, 0), true);
    for (const p of ps) p.block.release();
    return blockView(block!);
  });
  for (const v of g.values()) v?.release();
  for (const mg of merges.values()) for (const b of [...mg.children, ...mg.pieces]) b.release();
  for (const leaf of leaves) leaf.q?.release();
  const out = q.toData();
  q.release();
  return out;
}
