// SPDX-License-Identifier: Apache-2.0
/**
 * Counting into bins over a whole array (`histogram`, `bincount`): every block counts its elements
 * (or sums their weights) into a float64 vector where it lives, and the vectors are tree-summed
 * (the `combine` kernel), so only one small vector per block moves.
 */
import { ArrayGrid } from "../../array/grid.js";
import type { KernelAttrs } from "../../kernels/manifest.js";
import type { InputView } from "../../runtime/runtime.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData } from "../array-data.js";
import { alignedView } from "../align.js";
import { context } from "../context.js";
import { fill } from "../creation.js";
import { materialize } from "../materialize.js";
import { submitOp, wholeBlockView } from "../submit.js";
import { treeReduce } from "../tree-reduce.js";

/**
 * The float64 vector of `length` bins summed over x's blocks by `kernel` (weights, shaped like x,
 * are read over each block's region).
 */
export function binSums<N extends "histogram" | "bincount">(x: ArrayData, weights: ArrayData | null, kernel: N, attrs: KernelAttrs[N], length: number): ArrayData {
  const grid = ArrayGrid.fromChunks([length], [length === 0 ? [] : [length]]);
  materialize(x);
  if (weights) materialize(weights);
  if (x.grid.numBlocks === 0 || length === 0) return fill(grid, "float64", 0);
  const nodes = context().scheduler.nodes;
  const partials = [...x.grid.entries()].map((entry, i) => {
    const owner = ownerOf(entry, x.grid.gridShape, nodes);
    const slot = x.slots[i]!;
    const temps: { release(): void }[] = [];
    const inputs: InputView[] = [{ block: slot.block, offset: slot.offset, shape: x.grid.blockShapeAt(entry), strides: slot.strides }];
    if (weights) inputs.push(alignedView(weights, x.grid.blockRange(entry), owner, temps));
    const { outputs } = submitOp({ kernel, attrs, inputs, outputs: [{ dtype: "float64", shape: [length] }], owner, final: x.grid.numBlocks === 1 });
    for (const t of temps) t.release();
    return outputs;
  });
  const [total] = treeReduce(partials, 0, (a, b, final, owner) => {
    const { outputs } = submitOp({
      kernel: "combine",
      attrs: { op: "sum" },
      inputs: [wholeBlockView(a[0]!), wholeBlockView(b[0]!)],
      outputs: [{ dtype: "float64", shape: [length] }],
      owner,
      final,
    });
    return outputs;
  });
  return ArrayData.fromSlots(grid, "float64", [{ block: total!, offset: 0, strides: [1] }]);
}
