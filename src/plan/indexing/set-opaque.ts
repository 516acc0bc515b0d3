// SPDX-License-Identifier: Apache-2.0
/**
 * `x[index] = value` through index arrays only the nodes know. Which blocks of x an index value
 * hits is unknown, so every block of x the basic part of the index reaches is rewritten by one
 * `scatterMatch` on its owner, reading every result block's index and value views that share its
 * basic chunks, in C order (so the last write wins, as in NumPy).
 */
import type { OpaqueArray } from "../../array/index/parts.js";
import { type ResolvedIndex, knownShape } from "../../array/index/resolved.js";
import { sizeOf, stridesOf } from "../../array/shape.js";
import type { MatchSource } from "../../kernels/gather-manifest.js";
import type { Block } from "../../runtime/block.js";
import type { InputView } from "../../runtime/runtime.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { alignedView } from "../align.js";
import { regrid } from "../compose.js";
import { context } from "../context.js";
import { materialize } from "../materialize.js";
import { submitOp, wholeBlockView } from "../submit.js";
import { type IndexInput, matchPlan } from "./opaque-gather.js";
import { broadcastValue } from "./set-basic.js";

/** `x` with `value` (of x's dtype, checked) written through the index arrays `inputs` of `r`. */
export function opaqueSet(x: ArrayData, r: ResolvedIndex<OpaqueArray>, inputs: readonly IndexInput[], status: Block | null, value: ArrayData): ArrayData {
  materialize(x);
  const resultShape = knownShape(r);
  if (sizeOf(resultShape) === 0) return x.retain();
  const plan = matchPlan(x, r, inputs);
  const broadcast = broadcastValue(value, resultShape);
  materialize(broadcast);
  const v = regrid(broadcast, plan.grid);
  broadcast.release();
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  try {
    for (const entry of x.grid.entries()) {
      const old = x.slots[x.grid.flatIndex(entry)]!;
      const ints = r.axes.every((s, axis) => s.kind !== "int" || x.grid.chunkIndexOf(axis, s.index) === entry[axis]);
      const runIdx = plan.dims.map((d, i) => (d === null || d.kind === "newaxis" ? 0 : plan.runs[i]!.findIndex((run) => run.chunk === entry[d.axis])));
      if (!ints || runIdx.some((j) => j < 0)) {
        slots.push({ block: old.block.retain(), offset: old.offset, strides: old.strides });
        continue;
      }
      const shape = x.grid.blockShapeAt(entry);
      const cs = stridesOf(shape);
      const lo = x.grid.blockStart(entry);
      const hi = lo.map((l, d) => l + shape[d]!);
      const owner = ownerOf(entry, x.grid.gridShape, nodes);
      let base = 0;
      r.axes.forEach((s, axis) => s.kind === "int" && (base += (s.index - lo[axis]!) * cs[axis]!));
      plan.dims.forEach((d, i) => d !== null && d.kind === "affine" && (base += plan.runs[i]![runIdx[i]!]!.local * cs[d.axis]!));
      const dims = plan.dims.map((d) => (d === null || d.kind === "newaxis" ? 0 : d.step * cs[d.axis]!));
      const entries = inputs.map((input) => ({ stride: cs[input.axis]!, lo: lo[input.axis]!, hi: hi[input.axis]!, size: input.size }));
      const temps: { release(): void }[] = [];
      const sources: MatchSource[] = [];
      const views: InputView[] = [];
      for (const out of plan.grid.entries()) {
        if (plan.dims.some((d, i) => d !== null && out[i] !== runIdx[i])) continue;
        const region = plan.grid.blockRange(out);
        const slot = v.slots[plan.grid.flatIndex(out)]!;
        views.push({ block: slot.block, offset: slot.offset, shape: plan.grid.blockShapeAt(out), strides: slot.strides });
        for (const ex of plan.expanded) views.push(alignedView(ex, region, owner, temps));
        sources.push({ offset: base, dims, entries });
      }
      const { outputs } = submitOp({
        kernel: "scatterMatch",
        attrs: { status: status !== null, sources },
        inputs: [{ block: old.block, offset: old.offset, shape, strides: old.strides }, ...(status ? [wholeBlockView(status)] : []), ...views],
        outputs: [{ dtype: x.dtype, shape }],
        owner,
        final: true,
      });
      for (const t of temps) t.release();
      slots.push({ block: outputs[0]!, offset: 0, strides: cs });
    }
  } finally {
    v.release();
    for (const ex of plan.expanded) ex.release();
  }
  return ArrayData.fromSlots(x.grid, x.dtype, slots);
}
