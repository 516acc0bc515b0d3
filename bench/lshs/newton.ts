// SPDX-License-Identifier: Apache-2.0
/**
 * One Newton step of logistic regression on a row-blocked X (NumS §5.4): μ = sigmoid(Xβ),
 * g = Xᵀ(μ − y), H = Xᵀ·diag(μ(1 − μ))·X with one `gram` op per row block tree-reduced, and
 * β − H⁻¹g solved on one node. Only β, and d- and d×d-sized partial results, cross the network.
 */
import { wrap } from "../../src/api/convert.js";
import type { BlockArray } from "../../src/api/block-array.js";
import * as nt from "../../src/index.js";
import { ArrayGrid } from "../../src/array/grid.js";
import { stridesOf } from "../../src/array/shape.js";
import { ArrayData } from "../../src/plan/array-data.js";
import { context } from "../../src/plan/context.js";
import { weightedGram } from "../../src/plan/gram.js";
import { materialize } from "../../src/plan/materialize.js";
import { submitOp, wholeBlockView } from "../../src/plan/submit.js";
import type { Block } from "../../src/runtime/block.js";
import { ownerOf } from "../../src/schedule/layout.js";

/**
 * x = A⁻¹b for a single-block d×d A and a single-block b, on A's owner: LU with partial pivoting,
 * then the two triangular solves. (A stand-in until the distributed `nt.linalg.solve` lands.)
 */
export function solveOnOneNode(a: BlockArray, b: BlockArray): BlockArray {
  const [A, B] = [a.data, b.data];
  materialize(A);
  materialize(B);
  if (A.grid.numBlocks !== 1 || B.grid.numBlocks !== 1) throw new Error("solveOnOneNode: single-block operands only");
  const d = A.shape[0]!;
  const owner = ownerOf([0, 0], [1, 1], context().scheduler.nodes);
  const [lu, piv] = submitOp({
    kernel: "lu",
    attrs: {},
    inputs: [wholeBlockView(A.slots[0]!.block)],
    outputs: [
      { dtype: "float64", shape: [d, d] },
      { dtype: "int32", shape: [d] },
    ],
    owner,
    final: true,
  }).outputs as [Block, Block];
  const { outputs } = submitOp({
    kernel: "luSolve",
    attrs: {},
    inputs: [wholeBlockView(lu), wholeBlockView(piv), wholeBlockView(B.slots[0]!.block)],
    outputs: [{ dtype: "float64", shape: [...B.shape] }],
    owner,
    final: true,
  });
  lu.release();
  piv.release();
  return wrap(ArrayData.fromSlots(ArrayGrid.regular(B.shape, B.shape.map((n) => Math.max(1, n))), "float64", [{ block: outputs[0]!, offset: 0, strides: stridesOf(B.shape) }]));
}

/** β after one Newton step of unpenalized logistic regression (X n×d row-blocked, y in {0, 1}). */
export function newtonStep(x: BlockArray, y: BlockArray, beta: BlockArray): BlockArray {
  // Each array that gets blocks is disposed as soon as its consumers are planned, so memory is
  // freed at a deterministic point (not whenever the garbage collector finds a temporary) and
  // at most two n-long vectors are live at once besides X and y.
  using z = nt.matmul(x, beta);
  using mu = nt.reciprocal(nt.add(1, nt.exp(nt.negative(z))));
  let h: BlockArray;
  {
    using s = nt.multiply(mu, nt.subtract(1, mu));
    h = wrap(weightedGram(x.data, s.data, "float64"));
  }
  let g: BlockArray;
  {
    using residual = nt.subtract(mu, y);
    using xt = x.T;
    g = nt.matmul(xt, residual);
  }
  using step = solveOnOneNode(h, g);
  h.dispose();
  g.dispose();
  return nt.subtract(beta, step);
}
