// SPDX-License-Identifier: Apache-2.0
/**
 * The weighted Gram matrix Xᵀ·diag(s)·X of a matrix split into row blocks — the Hessian of a GLM's
 * Newton step. Each row block's d×d term is one `gram` op (BLAS syrk, never forming diag(s)·X)
 * where the block lives; the partial terms are tree-merged (local merges first, then across
 * nodes), the last merge on the result's owner. Only d×d partial results cross the network.
 */
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import { ownerOf } from "../schedule/layout.js";
import { addBlocks } from "./add-blocks.js";
import { ArrayData } from "./array-data.js";
import { alignedView } from "./align.js";
import { context } from "./context.js";
import { fill } from "./creation.js";
import { materialize } from "./materialize.js";
import { submitOp } from "./submit.js";
import { type PartialState, treeReduce } from "./tree-reduce.js";

/**
 * Xᵀ·diag(s)·X (or XᵀX when `s` is null) as one d×d block, computed in `dtype` (float64 or
 * float32). `x` is m×d, `s` has length m; both may be lazy (they are computed first). A row block
 * of x split across columns is assembled whole on the block's owner.
 */
export function weightedGram(x: ArrayData, s: ArrayData | null, dtype: Dtype): ArrayData {
  if (x.ndim !== 2) throw new Error(`internal: weightedGram of a ${x.ndim}-d array`);
  materialize(x);
  if (s) materialize(s);
  const [m, d] = x.shape as [number, number];
  const grid = ArrayGrid.regular([d, d], [Math.max(1, d), Math.max(1, d)]);
  const nodes = context().scheduler.nodes;
  const owner = ownerOf([0, 0], grid.gridShape, nodes);
  if (m === 0) return fill(grid, dtype, 0);
  const rowChunks = x.grid.chunks[0]!;
  const partials: PartialState[] = [];
  let start = 0;
  for (let i = 0; i < rowChunks.length; i++) {
    const stop = start + rowChunks[i]!;
    const home = Math.max(0, x.slots[x.grid.flatIndex([i, 0])]!.block.node);
    const temps: { release(): void }[] = [];
    const inputs = [alignedView(x, [[start, stop], [0, d]], home, temps)];
    if (s) inputs.push(alignedView(s, [[start, stop]], home, temps));
    const { outputs } = submitOp({
      kernel: "gram",
      attrs: { weighted: s !== null },
      inputs,
      outputs: [{ dtype, shape: [d, d] }],
      owner,
      final: rowChunks.length === 1,
      home,
    });
    for (const t of temps) t.release();
    partials.push(outputs);
    start = stop;
  }
  const [block] = treeReduce(partials, owner, (a, b, final, o, home) => [addBlocks(a[0]!, b[0]!, [d, d], dtype, { owner: o, final, home })]);
  return ArrayData.fromSlots(grid, dtype, [{ block: block!, offset: 0, strides: stridesOf([d, d]) }]);
}
