// SPDX-License-Identifier: Apache-2.0
/**
 * The Gram matrix of a tall matrix, C = X̃ᵀ·diag(w)·X̃ with X̃ = X or [X, 1] — a GLM's Hessian, and
 * with the column of ones its intercept rows — and optionally P = X̃ᵀ·V (the gradient) in the same
 * pass. One `gram` op per row block of X, where that block lives: a weighted symmetric rank-k
 * update by row panels (docs/linalg-kernels.md), never forming diag(w)·X nor the column of ones.
 * The per-block results (n'×n' and n'×k numbers) are tree-merged with fused adds, so only they
 * cross the network; the final merge lands on the result's owner (node 0: it is one block).
 */
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import type { GlmGramAttrs, GramAttrs } from "../kernels/manifest.js";
import type { InputView } from "../runtime/runtime.js";
import { ownerOf } from "../schedule/layout.js";
import { addBlocks } from "../plan/add-blocks.js";
import { alignedView } from "../plan/align.js";
import { ArrayData } from "../plan/array-data.js";
import { fill } from "../plan/creation.js";
import { context } from "../plan/context.js";
import { materialize } from "../plan/materialize.js";
import { submitOp } from "../plan/submit.js";
import { type PartialState, treeReduce } from "../plan/tree-reduce.js";

export interface GramPlan {
  /** Row weights (length n), or null for ones. */
  readonly weights: ArrayData | null;
  /** V (n or n×k) for the product X̃ᵀ·V, or null. */
  readonly product: ArrayData | null;
  /** Read X as [X, 1]. */
  readonly appendOnes: boolean;
  /** Dtype of the results (float64 or float32); inputs of other dtypes are converted. */
  readonly dtype: Dtype;
}

/** [C] or, with a product, [C, P] for a 2-D `x` (rows n, columns d) and matching operands. */
export function gram(x: ArrayData, plan: GramPlan): ArrayData[] {
  const operands = [x, plan.weights, plan.product].filter((a): a is ArrayData => a !== null);
  for (const a of operands) materialize(a);
  const [n, d] = x.shape as [number, number];
  const order = d + (plan.appendOnes ? 1 : 0);
  const cShape = [order, order];
  const p = plan.product;
  const pShape = p ? (p.ndim === 1 ? [order] : [order, p.shape[1]!]) : [];
  const shapes = p ? [cShape, pShape] : [cShape];
  if (n === 0 || order === 0) return shapes.map((s) => fill(ArrayGrid.regular(s, s), plan.dtype, 0));

  const rowOperands = [plan.weights, p].filter((a): a is ArrayData => a !== null);
  const attrs = { weighted: plan.weights !== null, appendOnes: plan.appendOnes, product: p !== null };
  return rowBlockSums(x, rowOperands, [], { kernel: "gram", attrs }, shapes, plan.dtype);
}

/** What a GLM pass reads besides X: the target, sample weights, β, and the family. */
export interface GlmPassPlan {
  readonly y: ArrayData;
  readonly weights: ArrayData | null;
  /** d' coefficients (the intercept last with `appendOnes`). */
  readonly beta: ArrayData;
  readonly family: GlmGramAttrs["family"];
  readonly appendOnes: boolean;
}

/**
 * [C, P, L] = [X̃ᵀ·diag(ω·v(η))·X̃, X̃ᵀ·(ω·(μ − y)), Σω·ℓ] at η = X̃·β: everything a Newton step
 * of a canonical-link GLM needs, one `glmGram` op per row block of X (each row read once), the
 * three small results tree-merged like gram's. float64.
 */
export function glmPass(x: ArrayData, plan: GlmPassPlan): ArrayData[] {
  const operands = [x, plan.y, plan.weights, plan.beta].filter((a): a is ArrayData => a !== null);
  for (const a of operands) materialize(a);
  const order = x.shape[1]! + (plan.appendOnes ? 1 : 0);
  const shapes = [[order, order], [order], [1]];
  if (x.shape[0] === 0) return shapes.map((s) => fill(ArrayGrid.regular(s, s), "float64", 0));
  const rowOperands = [plan.y, plan.weights].filter((a): a is ArrayData => a !== null);
  const attrs = { family: plan.family, weighted: plan.weights !== null, appendOnes: plan.appendOnes };
  return rowBlockSums(x, rowOperands, [plan.beta], { kernel: "glmGram", attrs }, shapes, "float64");
}

type RowKernel = { kernel: "gram"; attrs: GramAttrs } | { kernel: "glmGram"; attrs: GlmGramAttrs };

/**
 * One `kernel` op per row block of x, where that block lives, reading the block, the same rows of
 * every row operand and the whole of every small operand; the ops' outputs (`shapes`) are summed
 * by a tree of fused adds ending on the result's owner.
 */
function rowBlockSums(x: ArrayData, rowOperands: readonly ArrayData[], small: readonly ArrayData[], op: RowKernel, shapes: readonly number[][], dtype: Dtype): ArrayData[] {
  const d = x.shape[1]!;
  const owner = ownerOf([0, 0], [1, 1], context().scheduler.nodes);
  const bounds = x.grid.boundaries(0);
  const partials: PartialState[] = [];
  const temps: { release(): void }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const rows: readonly [number, number] = [bounds[i]!, bounds[i + 1]!];
    // Each block's term is computed where the block lives (its home): only the small partial
    // results travel to the owner.
    const home = Math.max(0, x.slots[x.grid.flatIndex([i, 0])]!.block.node);
    const inputs: InputView[] = [alignedView(x, [rows, [0, d]], home, temps)];
    for (const v of rowOperands) inputs.push(alignedView(v, v.ndim === 1 ? [rows] : [rows, [0, v.shape[1]!]], home, temps));
    for (const v of small) inputs.push(alignedView(v, v.shape.map((len) => [0, len] as const), home, temps));
    const { outputs } = submitOp({
      ...op,
      inputs,
      outputs: shapes.map((shape) => ({ dtype, shape })),
      owner,
      final: bounds.length === 2,
      home,
    } as Parameters<typeof submitOp>[0]);
    partials.push(outputs);
  }
  for (const t of temps) t.release();
  const merged = treeReduce(partials, owner, (a, b, final, o, home) => a.map((blk, j) => addBlocks(blk, b[j]!, shapes[j]!, dtype, { owner: o, final, home })));
  return merged.map((block, j) => {
    const shape = shapes[j]!;
    return ArrayData.fromSlots(ArrayGrid.regular(shape, shape), dtype, [{ block, offset: 0, strides: stridesOf(shape) }]);
  });
}
