// SPDX-License-Identifier: Apache-2.0
/**
 * A flat (1-D, C order) reading of an array, for the contractions that NumPy defines on flattened
 * operands (vdot, outer). Its blocks are the slabs of the source along axis 0: a slab that is one
 * block stored contiguously is a view of it; any other slab is assembled into one block.
 */
import { forEachInBox } from "../array/box.js";
import { ArrayGrid } from "../array/grid.js";
import { stridesOf } from "../array/shape.js";
import type { InputView } from "../runtime/runtime.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { context } from "./context.js";
import { materialize } from "./materialize.js";
import { submitOp } from "./submit.js";
import { expandDimsView } from "./views.js";

/** `a` flattened; the caller owns the returned array (one hold). */
export function ravel(a: ArrayData): ArrayData {
  if (a.ndim === 1) return a.retain();
  if (a.ndim === 0) return expandDimsView(a, [0]);
  materialize(a);
  const rest = a.shape.slice(1);
  const restSize = rest.reduce((p, n) => p * n, 1);
  if (a.size === 0) return ArrayData.fromSlots(ArrayGrid.fromChunks([0], [[]]), a.dtype, []);
  const grid = ArrayGrid.fromChunks([a.size], [a.grid.chunks[0]!.map((c) => c * restSize)]);
  const nodes = context().scheduler.nodes;
  const last = a.grid.gridShape.map((g) => g - 1);
  const slots: Slot[] = [];
  a.grid.chunks[0]!.forEach((rows, c) => {
    const lo = [c, ...rest.map(() => 0)];
    const hi = [c, ...last.slice(1)];
    const slot = a.slots[a.grid.flatIndex(lo)]!;
    const blockShape = a.grid.blockShapeAt(lo);
    const single = hi.every((h, d) => h === lo[d]);
    if (single && blockShape.every((n, d) => n === 1 || slot.strides[d] === stridesOf(blockShape)[d])) {
      slot.block.retain();
      slots.push({ block: slot.block, offset: slot.offset, strides: [1] });
      return;
    }
    const inputs: InputView[] = [];
    const starts: number[][] = [];
    forEachInBox(lo, hi, (entry) => {
      const s = a.slots[a.grid.flatIndex(entry)]!;
      inputs.push({ block: s.block, offset: s.offset, shape: a.grid.blockShapeAt(entry), strides: s.strides });
      starts.push([0, ...a.grid.blockStart(entry).slice(1)]);
    });
    const { outputs } = submitOp({
      kernel: "assemble",
      attrs: { starts, fill: 0 },
      inputs,
      outputs: [{ dtype: a.dtype, shape: [rows, ...rest] }],
      owner: ownerOf([c], grid.gridShape, nodes),
      final: true,
    });
    slots.push({ block: outputs[0]!, offset: 0, strides: [1] });
  });
  return ArrayData.fromSlots(grid, a.dtype, slots);
}
