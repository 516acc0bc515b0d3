// SPDX-License-Identifier: Apache-2.0
/**
 * Data-dependent errors: a `check` op per block, on the block's owner, that copies the block or
 * fails with the given error, so everything computed from the result rejects with it.
 */
import { stridesOf } from "../array/shape.js";
import type { CheckAttrs } from "../kernels/manifest.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { context } from "./context.js";
import { materialize } from "./materialize.js";
import { submitOp } from "./submit.js";

export function checkValues(x: ArrayData, check: CheckAttrs["check"], errorName: CheckAttrs["errorName"], message: string): ArrayData {
  materialize(x);
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  for (const entry of x.grid.entries()) {
    const slot = x.slots[x.grid.flatIndex(entry)]!;
    const shape = x.grid.blockShapeAt(entry);
    const { outputs } = submitOp({
      kernel: "check",
      attrs: { check, errorName, message },
      inputs: [{ block: slot.block, offset: slot.offset, shape, strides: slot.strides }],
      outputs: [{ dtype: x.dtype, shape }],
      owner: ownerOf(entry, x.grid.gridShape, nodes),
      final: true,
    });
    slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(shape) });
  }
  return ArrayData.fromSlots(x.grid, x.dtype, slots);
}
