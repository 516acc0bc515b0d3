// SPDX-License-Identifier: Apache-2.0
/**
 * x = A⁻¹·b for a small symmetric positive-definite A held in one block (a Newton system: the
 * tree-reduced Hessian): `cholesky` (lower), then two `triangularSolve`s, chained on one node.
 * A that is not positive definite rejects with LinAlgError("Matrix is not positive definite").
 * A stand-in for the distributed `nt.linalg.solve` of the linalg branch, for one-block systems.
 */
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import { alignedView } from "../plan/align.js";
import { ArrayData } from "../plan/array-data.js";
import { materialize } from "../plan/materialize.js";
import { submitOp, wholeBlockView } from "../plan/submit.js";

/** Solves A·x = b for A (n×n, float64) and b (n): one block on node 0. */
export function positiveDefiniteSolve(a: ArrayData, b: ArrayData): ArrayData {
  materialize(a);
  materialize(b);
  const n = a.shape[0]!;
  const temps: { release(): void }[] = [];
  const av = alignedView(a, [[0, n], [0, n]], 0, temps);
  const bv = alignedView(b, [[0, n]], 0, temps);
  const l = submitOp({ kernel: "cholesky", attrs: {}, inputs: [av], outputs: [{ dtype: "float64", shape: [n, n] }], owner: 0, final: false }).outputs[0]!;
  const z = submitOp({
    kernel: "triangularSolve",
    attrs: { side: "left", lower: true },
    inputs: [wholeBlockView(l), bv],
    outputs: [{ dtype: "float64", shape: [n] }],
    owner: 0,
    final: false,
  }).outputs[0]!;
  for (const t of temps) t.release();
  const x = submitOp({
    kernel: "triangularSolve",
    attrs: { side: "left", lower: true, transA: true },
    inputs: [wholeBlockView(l), wholeBlockView(z)],
    outputs: [{ dtype: "float64", shape: [n] }],
    owner: 0,
    final: true,
  }).outputs[0]!;
  l.release();
  z.release();
  return ArrayData.fromSlots(ArrayGrid.regular([n], [Math.max(n, 1)]), "float64", [{ block: x, offset: 0, strides: stridesOf([n]) }]);
}
