// SPDX-License-Identifier: Apache-2.0
/**
 * The Kronecker product. Along each axis the result's chunks are a's chunks times b's length, so
 * output block e is kron(a's block e, b): one block-local `einsum` op per block of `a`, on a's
 * owner, with `b` read whole (assembled once when it has several blocks — kron's second operand
 * is usually the small one). The op's labels `ij,kl->ikjl` written contiguously are exactly the
 * merged (i·k, j·l) block.
 */
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { sizeOf, stridesOf } from "../array/shape.js";
import type { InputView } from "../runtime/runtime.js";
import { ownerOf } from "../schedule/layout.js";
import { ArrayData, type Slot } from "./array-data.js";
import { alignedView } from "./align.js";
import { context } from "./context.js";
import { materialize } from "./materialize.js";
import { submitOp } from "./submit.js";

/** kron(a, b) for arrays of equal ndim and dtype `dtype`. */
export function kron(a: ArrayData, b: ArrayData, dtype: Dtype): ArrayData {
  materialize(a);
  materialize(b);
  const nd = a.ndim;
  const shape = a.shape.map((n, d) => n * b.shape[d]!);
  if (sizeOf(shape) === 0) {
    return ArrayData.fromSlots(ArrayGrid.fromChunks(shape, shape.map((n) => (n === 0 ? [] : [n]))), dtype, []);
  }
  const grid = ArrayGrid.fromChunks(shape, a.grid.chunks.map((c, d) => c.map((x) => x * b.shape[d]!)));
  const la = a.shape.map((_, d) => d);
  const lb = b.shape.map((_, d) => nd + d);
  const output = la.flatMap((l) => [l, nd + l]);
  const nodes = context().scheduler.nodes;
  const temps: { release(): void }[] = [];
  let whole: InputView | null = null;
  const slots: Slot[] = [];
  for (const entry of a.grid.entries()) {
    const owner = ownerOf(entry, grid.gridShape, nodes);
    whole ??= alignedView(b, b.shape.map((n) => [0, n] as const), owner, temps);
    const slot = a.slots[a.grid.flatIndex(entry)]!;
    const blockShape = grid.blockShapeAt(entry);
    const { outputs } = submitOp({
      kernel: "einsum",
      attrs: { inputs: [la, lb], output },
      inputs: [{ block: slot.block, offset: slot.offset, shape: a.grid.blockShapeAt(entry), strides: slot.strides }, whole],
      outputs: [{ dtype, shape: blockShape }],
      owner,
      final: true,
    });
    slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(blockShape) });
  }
  for (const t of temps) t.release();
  return ArrayData.fromSlots(grid, dtype, slots);
}
