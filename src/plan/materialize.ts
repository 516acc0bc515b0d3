// SPDX-License-Identifier: Apache-2.0
/**
 * Materializing a lazy array: one fused kernel per output block evaluates the whole expression,
 * reading each input once. Each op is the last one producing its array block, so LSHS places it on
 * the block's owner and aligned elementwise chains move no data.
 */
import { stridesOf } from "../array/shape.js";
import { ownerOf } from "../schedule/layout.js";
import type { ArrayData, Slot } from "./array-data.js";
import { alignedView } from "./align.js";
import { compileExpr } from "./compile.js";
import { context } from "./context.js";
import { submitOp } from "./submit.js";

/** Computes a lazy array's blocks (no-op if it is materialized). */
export function materialize(a: ArrayData): void {
  if (a.isMaterialized) return;
  const { program, leaves } = compileExpr(a);
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  for (const entry of a.grid.entries()) {
    const owner = ownerOf(entry, a.grid.gridShape, nodes);
    const region = a.grid.blockRange(entry);
    const temps: { release(): void }[] = [];
    const inputs = leaves.map((leaf) => alignedView(leaf, region, owner, temps));
    const shape = a.grid.blockShapeAt(entry);
    const { outputs } = submitOp({
      kernel: "fused",
      attrs: { program },
      inputs,
      outputs: [{ dtype: a.dtype, shape }],
      owner,
      final: true,
    });
    for (const t of temps) t.release();
    slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(shape) });
  }
  a.setSlots(slots);
}
