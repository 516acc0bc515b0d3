// SPDX-License-Identifier: Apache-2.0
/**
 * Bounds of index arrays whose values only the nodes know. NumPy reports the first out-of-bounds
 * value (index arrays in order, each in C order); a result fails with that same message whichever
 * of its blocks is read, so every consumer reads one status: each index block is checked where it
 * lives, and the partial statuses (six numbers each) are tree-merged into one block.
 */
import { stridesOf } from "../../array/shape.js";
import type { Block } from "../../runtime/block.js";
import { ownerOf } from "../../schedule/layout.js";
import type { ArrayData } from "../array-data.js";
import { IndexError } from "../../errors.js";
import { context, requireRuntime } from "../context.js";
import { materialize } from "../materialize.js";
import { submitOp, wholeBlockView } from "../submit.js";
import { treeReduce } from "../tree-reduce.js";

/** An index array to check against an axis of `size` (the message names `axis`). */
export interface BoundsSpec {
  readonly data: ArrayData;
  readonly axis: number;
  readonly size: number;
}

const STATUS = { dtype: "float64", shape: [6] } as const;

/**
 * The status block of `specs` (checked in order): `[found, order, position, value, axis, size]`.
 * The caller owns one hold on it.
 */
export function boundsStatus(specs: readonly BoundsSpec[]): Block {
  const nodes = context().scheduler.nodes;
  const partials: Block[][] = [];
  specs.forEach((spec, order) => {
    const { data, axis, size } = spec;
    materialize(data);
    const flatStrides = stridesOf(data.shape);
    for (const entry of data.grid.entries()) {
      const slot = data.slots[data.grid.flatIndex(entry)]!;
      const start = data.grid.blockStart(entry);
      const { outputs } = submitOp({
        kernel: "indexBounds",
        attrs: {
          checks: [{ kind: "index", order, axis, size, flatBase: start.reduce((s, c, d) => s + c * flatStrides[d]!, 0), flatStrides }],
        },
        inputs: [{ block: slot.block, offset: slot.offset, shape: data.grid.blockShapeAt(entry), strides: slot.strides }],
        outputs: [STATUS],
        owner: ownerOf(entry, data.grid.gridShape, nodes),
        final: false,
      });
      partials.push(outputs);
    }
  });
  if (partials.length === 0) {
    const { outputs } = submitOp({ kernel: "indexBounds", attrs: { checks: [] }, inputs: [], outputs: [STATUS], owner: 0, final: false });
    return outputs[0]!;
  }
  return treeReduce(partials, 0, (a, b, final, owner) => {
    const { outputs } = submitOp({
      kernel: "indexBounds",
      attrs: { checks: [{ kind: "status" }, { kind: "status" }] },
      inputs: [wholeBlockView(a[0]!), wholeBlockView(b[0]!)],
      outputs: [STATUS],
      owner,
      final,
    });
    return outputs;
  })[0]!;
}

/**
 * Reads a status on the driver and rejects with NumPy's IndexError when it reports a value out of
 * bounds: for results with no elements (no block would fail), which NumPy still checks.
 */
export async function readStatus(status: Block): Promise<void> {
  const runtime = requireRuntime(context());
  status.retain();
  try {
    const s = await runtime.read(status);
    if (s[0] === 1) throw new IndexError(`index ${s[3]} is out of bounds for axis ${s[4]} with size ${s[5]}`);
  } finally {
    status.release();
  }
}
