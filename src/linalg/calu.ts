// SPDX-License-Identifier: Apache-2.0
/**
 * Blocked LU with row pivoting on tiles: Gaussian elimination of [A | B], tile column by tile
 * column. Step k, for the panel (tile column k) and the trailing columns j > k of A and every
 * column of B:
 *
 *   piv, L_·k, U_kk = factor the panel              see below
 *   exchange rows: the step's interchanges, applied to every trailing column
 *   U_kj = L_kk⁻¹·A_kj                               trsm on the new top tiles
 *   A_ij = A_ij − L_ik·U_kj             (i, j > k)   gemm where A_ij lives, its rows exchanged in
 *                                                     the same op
 *
 * The panel's pivots: when its tiles share a node, LAPACK's getrf of the stacked panel there
 * (partial pivoting, NumPy's pivots, no data moves). Across nodes, partial pivoting would need one
 * global reduction per column — thousands of round trips — so a tournament picks the panel's
 * pivots in one reduction (CALU: Grigori, Demmel & Xiang, "CALU: a communication optimal LU
 * factorization algorithm", SIAM J. Matrix Anal. Appl. 32(4), 2011): every tile proposes rows by
 * partial-pivoting LU where it lives, candidates merge pairwise by the same rule
 * (plan/tree-reduce.ts, co-located first), the rows are exchanged and L_ik = A_ik·U_kk⁻¹ where
 * A_ik lives. As stable as partial pivoting in practice (Grigori et al. §5).
 *
 * The new top tile of a column is gathered per node (one tile-sized partial per node moves); rows
 * moving down only ever come from the old top tile. B is eliminated with A, so solving needs only
 * U and the reduced B: no L is kept. Memory: A and B plus the tiles being updated.
 */
import type { Dtype } from "../array/dtype.js";
import type { ArrayData } from "../plan/array-data.js";
import { type PartialState, treeReduce } from "../plan/tree-reduce.js";
import type { Block } from "../runtime/block.js";
import type { NodeId } from "../runtime/messages.js";
import type { InputView } from "../runtime/runtime.js";
import { TileMatrix, blockView, run } from "./tiles.js";

/** One elimination step's interchanges (int32, LAPACK's ipiv in matrix positions) and diagonal tile factors. */
export interface Step {
  readonly top: number;
  readonly piv: Block;
  readonly lu: Block;
}

export interface Elimination {
  /** U's tiles above the diagonal (A's tile matrix: (k, j) for j > k); below it, released tiles. */
  readonly u: TileMatrix;
  /** B's tiles, reduced to L⁻¹·P·B (null without B). */
  readonly b: TileMatrix | null;
  readonly steps: readonly Step[];
  release(): void;
}

/**
 * Eliminates square `a` (tiles `chunks` × `chunks`) and, alongside, `b` (rows `chunks`, any column
 * chunks). With `raiseSingular`, an exactly zero pivot fails the result with LinAlgError("Singular
 * matrix") as numpy.linalg.solve.
 */
export function eliminate(a: ArrayData, b: ArrayData | null, chunks: readonly number[], raiseSingular: boolean): Elimination {
  const dtype = a.dtype;
  const u = TileMatrix.of(a, chunks, chunks);
  const bt = b ? TileMatrix.of(b, chunks, b.grid.chunks[1]!) : null;
  const p = chunks.length;
  const steps: Step[] = [];
  for (let k = 0; k < p; k++) {
    // Trailing columns: A's j > k, then B's; their old top tiles feed the exchanges.
    const columns: [TileMatrix, number][] = [];
    for (let j = k + 1; j < p; j++) columns.push([u, j]);
    if (bt) for (let j = 0; j < bt.cols; j++) columns.push([bt, j]);
    const oldTops = columns.map(([m, j]) => ({ ...m.tile(k, j), block: m.tile(k, j).block.retain() }));
    const step = factorPanel(u, k, dtype, raiseSingular);
    steps.push(step);
    // Column k + 1 feeds the next panel: its exchange, trsm and updates are urgent (lookahead).
    const next = (m: TileMatrix, j: number): boolean => m === u && j === k + 1;
    columns.forEach(([m, j], c) => {
      const top = exchangeTop(step, oldTops[c]!, m, k, j, dtype, next(m, j));
      const [ukj] = run("triangularSolve", { side: "left", lower: true, unitDiagonal: true }, [blockView(step.lu), blockView(top)], [{ dtype, shape: top.shape }], m.owner(k, j), true, next(m, j));
      top.release();
      m.set(k, j, ukj!);
    });
    columns.forEach(([m, j], c) => {
      for (let i = k + 1; i < p; i++) {
        // The exchange of this tile's rows happens inside the update (no pass of its own).
        const attrs = { exchange: { top: step.top, first: m.rowBounds[i]! } };
        const inputs = [u.tile(i, k), m.tile(k, j), m.tile(i, j), blockView(step.piv), oldTops[c]!];
        const [aij] = run("schurUpdate", attrs, inputs, [{ dtype, shape: [chunks[i]!, m.colChunks[j]!] }], m.owner(i, j), true, next(m, j));
        m.set(i, j, aij!);
      }
      oldTops[c]!.block.release();
    });
  }
  return {
    u,
    b: bt,
    steps,
    release() {
      u.release();
      bt?.release();
      for (const s of steps) [s.piv, s.lu].forEach((x) => x.release());
    },
  };
}

/**
 * Factors panel k: its interchanges and diagonal factors, and L_ik in tiles (k+1..p−1, k). When
 * the panel's tiles all live on one node, LAPACK's getrf factors the stacked panel there (partial
 * pivoting exactly as LAPACK and NumPy; no data moves; fewer flops than a tournament); across
 * nodes a tournament picks the pivots with one reduction, the rows are exchanged and
 * L_ik = A_ik·U_kk⁻¹ where A_ik lives.
 */
function factorPanel(u: TileMatrix, k: number, dtype: Dtype, raiseSingular: boolean): Step {
  const p = u.rows;
  const top = u.rowBounds[k]!;
  const nodes = new Set(Array.from({ length: p - k }, (_, d) => u.tile(k + d, k).block.node));
  if (nodes.size === 1) {
    const panel = Array.from({ length: p - k }, (_, d) => u.tile(k + d, k));
    const r = Math.min(u.colChunks[k]!, u.rowBounds[p]! - top);
    const out = run("panelLu", { top, raiseSingular }, panel, [...panel.map((t) => ({ dtype, shape: t.shape })), { dtype: "int32", shape: [r] }], u.owner(k, k), false, true);
    const [lu, ...lower] = out.slice(0, p - k);
    lower.forEach((l, d) => u.set(k + 1 + d, k, l));
    u.set(k, k, lu!.retain());
    return { top, piv: out[p - k]!, lu: lu! };
  }
  const step = tournament(u, k, dtype, raiseSingular);
  const oldTop = { ...u.tile(k, k), block: u.tile(k, k).block.retain() };
  u.set(k, k, step.lu.retain());
  for (let i = k + 1; i < p; i++) {
    const exchanged = exchangeLower(step, oldTop, u.tile(i, k), u.rowBounds[i]!, dtype, u.owner(i, k), true);
    // A zero pivot (a singular panel) leaves a zero column of L, as getrf's; the tournament raised if asked to.
    const [lik] = run("triangularSolve", { side: "right", lower: false, skipZeroDiagonal: true }, [blockView(step.lu), blockView(exchanged)], [{ dtype, shape: [u.rowChunks[i]!, u.colChunks[k]!] }], u.owner(i, k), true, true);
    exchanged.release();
    u.set(i, k, lik!);
  }
  oldTop.block.release();
  return step;
}

/** The tournament of step k over the panel tiles A_kk … A_pk: interchanges and LU_kk. */
function tournament(u: TileMatrix, k: number, dtype: Dtype, raiseSingular: boolean): Step {
  const p = u.rows;
  const ck = u.colChunks[k]!;
  const top = u.rowBounds[k]!;
  const round = (attrs: { firstRows?: number[]; top?: number; raiseSingular: boolean }, inputs: InputView[], rows: number, owner: NodeId): Block[] => {
    const r = Math.min(rows, ck);
    return run("tournament", attrs, inputs, [{ dtype, shape: [r, ck] }, { dtype: "int32", shape: [r] }, { dtype, shape: [r, ck] }], owner, false, true);
  };
  const only = p - k === 1;
  const leaves: PartialState[] = [];
  for (let i = k; i < p; i++) {
    const attrs = { firstRows: [u.rowBounds[i]!], raiseSingular: only && raiseSingular, ...(only ? { top } : {}) };
    leaves.push(round(attrs, [u.tile(i, k)], u.rowChunks[i]!, u.owner(i, k)));
  }
  const [values, piv, lu] = treeReduce(leaves, u.owner(k, k), (x, y, final, owner) => {
    const rows = x[0]!.shape[0]! + y[0]!.shape[0]!;
    const attrs = { raiseSingular: final && raiseSingular, ...(final ? { top } : {}) };
    return round(attrs, [x[0], y[0], x[1], y[1]].map((b) => blockView(b!)), rows, owner);
  }) as [Block, Block, Block];
  values.release();
  return { top, piv, lu };
}

/** Tile (i, j) (rows from `first`) after the step's exchange: the displaced top rows replace its pivots. */
function exchangeLower(step: Step, oldTop: InputView, tile: InputView, first: number, dtype: Dtype, owner: NodeId, urgent: boolean): Block {
  const attrs = { top: step.top, first, sources: [first] };
  return run("rowExchange", attrs, [blockView(step.piv), oldTop, tile], [{ dtype, shape: tile.shape }], owner, true, urgent)[0]!;
}

/**
 * The new top tile of column j: the pivot rows, gathered on each node holding tiles of the column
 * (one op per node, chained, the top tile's owner last) so only one tile-sized partial per node
 * moves.
 */
function exchangeTop(step: Step, oldTop: InputView, m: TileMatrix, k: number, j: number, dtype: Dtype, urgent: boolean): Block {
  const byNode = new Map<NodeId, number[]>();
  for (let i = k + 1; i < m.rows; i++) {
    const node = m.tile(i, j).block.node;
    byNode.set(node, [...(byNode.get(node) ?? []), i]);
  }
  const owner = m.owner(k, j);
  const groups = [...byNode.entries()].sort(([a], [b]) => (a === owner ? 1 : 0) - (b === owner ? 1 : 0) || a - b).map(([, rows]) => rows);
  if (groups.length === 0) groups.push([]);
  let partial: Block | null = null;
  groups.forEach((rows, g) => {
    const attrs = { top: step.top, first: step.top, sources: rows.map((i) => m.rowBounds[i]!), base: partial !== null };
    const inputs = [blockView(step.piv), oldTop, ...(partial ? [blockView(partial)] : []), ...rows.map((i) => m.tile(i, j))];
    const [gathered] = run("rowExchange", attrs, inputs, [{ dtype, shape: oldTop.shape }], owner, g === groups.length - 1, urgent);
    partial?.release();
    partial = gathered!;
  });
  return partial!;
}
