// SPDX-License-Identifier: Apache-2.0
/**
 * Contractions of distributed arrays — einsum, and through it matmul, dot, tensordot, inner, trace
 * — planned over the block index space (NumS §3.3). Every output block sums terms, one per point
 * of the summed labels' chunks; a term multiplies one region of each operand (a view, or a
 * re-blocked piece, see contract-layout.ts). A block's terms are split into a few groups, each one
 * op: a `gemm` over all the group's products (accumulating in BLAS, beta = 1, no partial blocks)
 * when the contraction reads as a batched matrix product, else an `einsum` op. Groups exist for
 * parallelism — enough groups overall for every worker — and, on several nodes, so each node's
 * products run where their inputs live; their partial blocks are tree-merged with fused adds, the
 * last merge (or the single group's op) on the output block's owner.
 *
 * Where products run follows the classic "stationary operand" choice of distributed matrix
 * multiplication: the largest array stays where it is. When the output is at least as large as
 * every operand (square matmul) each output block's products run on its owner, so only operand
 * blocks move, each at most once to each node that needs it (copies stay cached): SUMMA's
 * communication on the layout's node grid. Otherwise (Xᵀ·Y, X·β, MTTKRP) products run where their
 * largest input block lives and only partial results move.
 */
import { type Dtype, itemSize } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import type { Block } from "../runtime/block.js";
import type { NodeId } from "../runtime/messages.js";
import type { InputView } from "../runtime/runtime.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { context } from "./context.js";
import { type GemmForm, gemmForm, gemmViews } from "./contract-gemm.js";
import { type LabeledOperand, RegionViews, labelBounds, labelChunks, labelLengths } from "./contract-layout.js";
import { addBlocks as add } from "./add-blocks.js";
import { fill } from "./creation.js";
import { materialize } from "./materialize.js";
import { submitOp } from "./submit.js";
import { treeReduce } from "./tree-reduce.js";

export type { LabeledOperand };

/** Products per op at most: bounds an op's input list and keeps ops of similar size. */
const MAX_TERMS_PER_OP = 32;

/**
 * Ops per worker a contraction aims for when output blocks are few: workers take ops from a shared
 * queue, so several per worker even out uneven progress (a core shared with another process)
 * for the price of a few small partial-block adds.
 */
const OPS_PER_WORKER = 4;

interface Term {
  readonly views: readonly InputView[];
  /** Where the term's largest input lives: products run near their inputs. */
  readonly home: NodeId;
}

interface Plan {
  readonly labels: readonly (readonly number[])[];
  readonly output: readonly number[];
  readonly dtype: Dtype;
  readonly gemm: GemmForm | null;
}

/**
 * Σ over the labels not in `output` of the product of the operands (NumPy's einsum with explicit
 * output). Operands must already have dtype `dtype` and broadcast-compatible lengths per label.
 */
export function contract(operands: readonly LabeledOperand[], output: readonly number[], dtype: Dtype): ArrayData {
  for (const x of operands) materialize(x.data);
  const sizes = labelLengths(operands);
  const chunks = labelChunks(operands, sizes);
  const grid = ArrayGrid.fromChunks(
    output.map((l) => sizes.get(l)!),
    output.map((l) => chunks.get(l)!),
  );
  if (grid.numBlocks === 0) return ArrayData.fromSlots(grid, dtype, []);
  const summed = [...sizes.keys()].filter((l) => !output.includes(l)).sort((a, b) => a - b);
  if (summed.some((l) => sizes.get(l) === 0)) return fill(grid, dtype, 0);

  const labels = operands.map((x) => x.labels);
  const plan: Plan = { labels, output, dtype, gemm: gemmForm(labels, output, dtype) };
  const regions = new RegionViews(operands, labelBounds(chunks));
  const nodes = context().scheduler.nodes;
  const sumGrid = summed.map((l) => chunks.get(l)!.length);
  const termCount = sumGrid.reduce((p, n) => p * n, 1);
  const parallel = Math.ceil((OPS_PER_WORKER * context().workers) / grid.numBlocks);
  const outputStays = keepsOutput(operands, grid.shape, dtype);
  const slots: Slot[] = [];
  for (const entry of grid.entries()) {
    const owner = ownerOf(entry, grid.gridShape, nodes);
    const chunkOf = new Map(output.map((l, i) => [l, entry[i]!]));
    const terms: Term[] = [];
    for (let t = 0; t < termCount; t++) {
      let r = t;
      for (let s = summed.length - 1; s >= 0; s--) {
        chunkOf.set(summed[s]!, r % sumGrid[s]!);
        r = Math.floor(r / sumGrid[s]!);
      }
      const views = operands.map((_, i) => regions.view(i, chunkOf, owner));
      terms.push({ views, home: outputStays ? owner : homeOf(views) });
    }
    const blockShape = grid.blockShapeAt(entry);
    const groups = split(terms, parallel);
    let block: Block;
    if (groups.length === 1) {
      block = submitGroup(plan, groups[0]!, blockShape, owner, true);
    } else {
      // A stationary output's groups are parallelism on its owner, not placement choices: they
      // are pinned there (final) like a single group. Left free, LSHS greedily computes a product
      // where an input block already sits and ships the partial, which saves a transfer now but
      // loads the busiest node more than SUMMA does — worse under its own objective.
      const partials = groups.map((g) => [submitGroup(plan, g, blockShape, owner, outputStays, g[0]!.home)]);
      block = treeReduce(partials, owner, (a, b, final, o, home) => [add(a[0]!, b[0]!, blockShape, dtype, { owner: o, final, home })])[0]!;
    }
    slots.push({ block, offset: 0, strides: stridesOf(blockShape) });
  }
  regions.release();
  return ArrayData.fromSlots(grid, dtype, slots);
}

/** Whether the output is at least as large as every operand (then it is the array that stays put). */
function keepsOutput(operands: readonly LabeledOperand[], shape: readonly number[], dtype: Dtype): boolean {
  const outputBytes = shape.reduce((p, n) => p * n, 1) * itemSize(dtype);
  return operands.every((x) => x.data.size * itemSize(x.data.dtype) <= outputBytes);
}

function homeOf(views: readonly InputView[]): NodeId {
  let best = views[0]!;
  for (const v of views) if (v.block.nbytes > best.block.nbytes) best = v;
  return Math.max(0, best.block.node);
}

/**
 * Splits a block's terms into groups: at least `parallel` (so all workers get work when output
 * blocks are few), at least one per node holding inputs, and none above MAX_TERMS_PER_OP.
 * Terms are ordered by home node first so a group's inputs sit together.
 */
function split(terms: readonly Term[], parallel: number): Term[][] {
  const homes = new Set(terms.map((t) => t.home)).size;
  const count = Math.min(terms.length, Math.max(parallel, homes, Math.ceil(terms.length / MAX_TERMS_PER_OP)));
  const ordered = terms.map((t, i) => ({ t, i })).sort((x, y) => x.t.home - y.t.home || x.i - y.i).map((x) => x.t);
  const groups: Term[][] = [];
  let start = 0;
  for (let g = 0; g < count; g++) {
    const end = Math.round(((g + 1) * ordered.length) / count);
    groups.push(ordered.slice(start, end));
    start = end;
  }
  return groups;
}

/** One op computing the sum of a group's terms: gemm when every term reads as one, else einsum. */
function submitGroup(plan: Plan, group: readonly Term[], blockShape: readonly number[], owner: NodeId, final: boolean, home?: NodeId): Block {
  const pairs = plan.gemm ? group.map((t) => gemmViews(plan.gemm!, plan.labels, t.views)) : [];
  if (plan.gemm && pairs.every((p) => p !== null)) {
    const [a, b] = pairs[0]!;
    const batch = a.shape.slice(0, -2);
    const { outputs } = submitOp({
      kernel: "gemm",
      attrs: { terms: group.length },
      inputs: pairs.flatMap((p) => p!),
      outputs: [{ dtype: plan.dtype, shape: [...batch, a.shape[a.shape.length - 2]!, b.shape[b.shape.length - 1]!] }],
      owner,
      final,
      home,
    });
    return outputs[0]!;
  }
  const { outputs } = submitOp({
    kernel: "einsum",
    attrs: { inputs: plan.labels, output: plan.output, terms: group.length },
    inputs: group.flatMap((t) => t.views),
    outputs: [{ dtype: plan.dtype, shape: blockShape }],
    owner,
    final,
    home,
  });
  return outputs[0]!;
}
