// SPDX-License-Identifier: Apache-2.0
/**
 * The scheduling experiments: logistic regression (Newton steps), X + Y, sum, Xᵀ·Y (tall-skinny),
 * square X @ Y and MTTKRP. Each builds its inputs on the current cluster (not timed) and returns
 * the computation to time, which resolves to a check value, plus the communication lower bound of
 * the computation where one is known.
 */
import type { BlockArray } from "../../src/api/block-array.js";
import * as nt from "../../src/index.js";
import { nodeGrid } from "../../src/schedule/layout.js";
import { hashed, normalish } from "../inputs.js";
import { newtonStep } from "./newton.js";

export type ExperimentName = "logreg" | "add" | "sum" | "xty" | "matmul" | "mttkrp";

export const EXPERIMENTS: readonly ExperimentName[] = ["logreg", "add", "sum", "xty", "matmul", "mttkrp"];

/** Sizes of one experiment set; blocks are the default (about one per worker) unless given. */
export interface Sizes {
  /** Tall-skinny inputs: rows, columns, rows per block (0: default). */
  readonly rows: number;
  readonly cols: number;
  readonly rowBlock: number;
  /**
   * Logistic regression: rows, features, Newton steps (five fit the main problem to sklearn's
   * tolerance, ‖g‖∞ < 1e-4), rows per block (0: default).
   */
  readonly logregRows: number;
  readonly logregCols: number;
  readonly newtonSteps: number;
  readonly logregRowBlock: number;
  /** Square matmul: side and block side (0: default; square blocks keep k's chunks aligned). */
  readonly square: number;
  readonly squareBlock: number;
  /** MTTKRP: tensor side, rank, block side (0: default). */
  readonly tensor: number;
  readonly rank: number;
  readonly tensorBlock: number;
}

/** The main experiment set (`numts bench lshs`). */
export const MAIN_SIZES: Sizes = {
  rows: 1_000_000,
  cols: 64,
  rowBlock: 0,
  logregRows: 1_000_000,
  logregCols: 100,
  newtonSteps: 5,
  logregRowBlock: 0,
  square: 4096,
  squareBlock: 1024,
  tensor: 400,
  rank: 100,
  tensorBlock: 0,
};

/** NumS's simulated problems (nums-measured §4a): X 8192×64 in 256×64 blocks, 2048² in 128². */
export const NUMS_SIZES: Sizes = {
  rows: 8192,
  cols: 64,
  rowBlock: 256,
  logregRows: 8192,
  logregCols: 64,
  newtonSteps: 1,
  logregRowBlock: 256,
  square: 2048,
  squareBlock: 128,
  tensor: 400,
  rank: 100,
  tensorBlock: 0,
};

export interface Prepared {
  /** Submits the computation; the caller waits for the result, then asks `check`. */
  readonly run: () => BlockArray;
  /** The least bytes any placement must move for this computation, or null where unknown. */
  readonly lowerBoundBytes: number | null;
}

const F64 = 8;

function blocks(shape: readonly number[], block: number, rest: readonly number[]): number[] | undefined {
  return block > 0 ? [block, ...rest] : undefined;
}

/** Builds the inputs of `name` on the current cluster (computed before returning). */
export async function prepare(name: ExperimentName, sizes: Sizes, nodes: number): Promise<Prepared> {
  const { rows: n, cols: d } = sizes;
  const tall = (salt: number) => normalish([n, d], salt, blocks([n, d], sizes.rowBlock, [d]));
  switch (name) {
    case "add": {
      const [x, y] = [tall(1), tall(2)];
      await Promise.all([x.wait(), y.wait()]);
      return { run: () => nt.add(x, y), lowerBoundBytes: 0 };
    }
    case "sum": {
      const x = tall(1);
      await x.wait();
      return { run: () => nt.sum(x), lowerBoundBytes: (holders(x, nodes) - 1) * F64 };
    }
    case "xty": {
      const [x, y] = [tall(1), tall(2)];
      await Promise.all([x.wait(), y.wait()]);
      return { run: () => nt.matmul(x.T, y), lowerBoundBytes: (holders(x, nodes) - 1) * d * d * F64 };
    }
    case "matmul": {
      const s = sizes.square;
      const bs = sizes.squareBlock > 0 ? [sizes.squareBlock, sizes.squareBlock] : undefined;
      const [a, b] = [normalish([s, s], 1, bs), normalish([s, s], 2, bs)];
      await Promise.all([a.wait(), b.wait()]);
      return { run: () => nt.matmul(a, b), lowerBoundBytes: summaBytes(s, a.data.grid.gridShape as [number, number], nodes) };
    }
    case "mttkrp": {
      const [i, r] = [sizes.tensor, sizes.rank];
      const tb = sizes.tensorBlock > 0 ? [sizes.tensorBlock, sizes.tensorBlock, sizes.tensorBlock] : undefined;
      const t = normalish([i, i, i], 1, tb);
      const [bm, cm] = [normalish([i, r], 2, tb ? [tb[0]!, r] : undefined), normalish([i, r], 3, tb ? [tb[0]!, r] : undefined)];
      await Promise.all([t.wait(), bm.wait(), cm.wait()]);
      return { run: () => nt.einsum("ijk,jr,kr->ir", t, bm, cm), lowerBoundBytes: null };
    }
    case "logreg":
      return prepareLogreg(sizes, nodes);
  }
}

async function prepareLogreg(sizes: Sizes, nodes: number): Promise<Prepared> {
  const [n, d] = [sizes.logregRows, sizes.logregCols];
  const x = normalish([n, d], 11, blocks([n, d], sizes.logregRowBlock, [d]));
  // Labels from a known model plus noise, so the Newton steps have something to fit. Every
  // temporary is disposed here: one left to the garbage collector would free its blocks at a
  // random time, and placements (which see live memory) would differ from run to run.
  const y = await labels(x, n, d);
  await x.wait();
  const run = () => {
    let beta = nt.zeros([d]);
    for (let s = 0; s < sizes.newtonSteps; s++) {
      const next = newtonStep(x, y, beta);
      beta.dispose();
      beta = next;
    }
    return beta;
  };
  // Per step: β to every other node holding rows, and one d-long gradient and one d×d Hessian
  // partial back from each of them.
  const others = holders(x, nodes) - 1;
  return { run, lowerBoundBytes: sizes.newtonSteps * others * (d + d + d * d) * F64 };
}

/** y = [x·w + noise > 0] for w = (i − d/2)/d, as float64, with x's row blocks. */
async function labels(x: BlockArray, n: number, d: number): Promise<BlockArray> {
  using ramp = nt.arange(d, { dtype: "float64" });
  using truth = nt.divide(nt.subtract(ramp, d / 2), d);
  // Uniform noise of the signal's spread (x·w has standard deviation ≈ 2.9): about a fifth of
  // the labels disagree with the model, and Newton converges in five steps.
  using noise = hashed([n], 12, [x.data.grid.chunks[0]![0]!], 10);
  using xw = nt.matmul(x, truth);
  using noisy = nt.add(xw, noise);
  using positive = nt.greater(noisy, 0);
  const y = positive.astype("float64");
  await y.wait();
  return y;
}

/** Nodes holding at least one block of `x`. */
function holders(x: BlockArray, nodes: number): number {
  return Math.min(nodes, x.data.grid.numBlocks);
}

/**
 * Bytes SUMMA moves for C = A·B (n×n, `grid` blocks) on the layout's node grid R×C: every node
 * receives the blocks of its block rows of A and block columns of B it does not own.
 */
export function summaBytes(n: number, grid: readonly [number, number], nodes: number): number {
  const [r, c] = nodeGrid(grid, nodes) as [number, number];
  const panel = n * n * F64;
  return nodes * ((panel / r) * (1 - 1 / c) + (panel / c) * (1 - 1 / r));
}

/** The check value of a result: the sum of its elements (of |β| for logistic regression). */
export async function check(name: ExperimentName, result: BlockArray): Promise<number> {
  using total = nt.sum(name === "logreg" ? nt.absolute(result) : result);
  return Number(await total.item());
}
