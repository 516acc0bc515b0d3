// SPDX-License-Identifier: Apache-2.0
/**
 * `x[index] = value` for basic indices (integers, slices, newaxis, ellipsis). Blocks are
 * immutable, so the result is a new array over x's layout: blocks the selection misses are
 * shared, blocks it covers entirely become views of the value when the value is laid out alike
 * (`x.set(":", y)` moves nothing), and the others are rewritten by one `scatter` op on their owner
 * (a copy of the block with the selected lattice overwritten).
 */
import type { OpaqueArray } from "../../array/index/parts.js";
import { type AxisSelection, type ResolvedIndex, knownShape } from "../../array/index/resolved.js";
import { shapesEqual, stridesOf } from "../../array/shape.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { alignedView } from "../align.js";
import { broadcastView } from "../axis-views.js";
import { context } from "../context.js";
import { materialize } from "../materialize.js";
import { submitOp } from "../submit.js";
import { squeezeView } from "../views.js";

/**
 * The selection positions `[from, to)` (in selection order) that fall in `[lo, hi)` of an axis,
 * and the first one's coordinate; null when none does.
 */
export function selectedRange(sel: AxisSelection, lo: number, hi: number): { from: number; to: number; first: number } | null {
  if (sel.kind === "int") return sel.index >= lo && sel.index < hi ? { from: 0, to: 1, first: sel.index } : null;
  if (sel.kind !== "slice") throw new Error("internal: an advanced axis has no selected range");
  const { start, step, length } = sel;
  let from: number;
  let to: number;
  if (step > 0) {
    from = Math.max(0, Math.ceil((lo - start) / step));
    to = Math.min(length, Math.floor((hi - 1 - start) / step) + 1);
  } else {
    from = Math.max(0, Math.ceil((start - (hi - 1)) / -step));
    to = Math.min(length, Math.floor((start - lo) / -step) + 1);
  }
  return from < to ? { from, to, first: start + from * step } : null;
}

/** `value` (of x's dtype, broadcastable to `shape` after leading length-1 axes) broadcast to `shape`. */
export function broadcastValue(value: ArrayData, shape: readonly number[]): ArrayData {
  const lead = value.ndim - shape.length;
  const v = lead > 0 ? squeezeView(value, Array.from({ length: lead }, (_, i) => i)) : value.retain();
  if (shapesEqual(v.shape, shape)) return v;
  try {
    return broadcastView(v, shape);
  } finally {
    v.release();
  }
}

/** `x` with `value` written at the basic index `r` (checked by `checkValueShape`). */
export function basicSet(x: ArrayData, r: ResolvedIndex<OpaqueArray>, value: ArrayData): ArrayData {
  const v = broadcastValue(value, knownShape(r));
  materialize(v);
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  // Per block: the selected range along each axis, and whether the selection covers it all.
  const hits = [...x.grid.entries()].map((entry) => {
    const range = x.grid.blockRange(entry);
    const hit = r.axes.map((sel, axis) => selectedRange(sel, range[axis]![0], range[axis]![1]));
    const shape = x.grid.blockShapeAt(entry);
    const full = hit.every((h, axis) => {
      const sel = r.axes[axis]!;
      return h !== null && (sel.kind === "int" ? shape[axis] === 1 : sel.kind === "slice" && sel.step === 1 && h.to - h.from === shape[axis]);
    });
    return { hit, full };
  });
  // x's own values are read only where the write leaves some of a block (a lazy x that is
  // overwritten everywhere is never computed).
  if (hits.some((h) => !h.full)) materialize(x);
  try {
    for (const entry of x.grid.entries()) {
      const { hit, full } = hits[x.grid.flatIndex(entry)]!;
      const old = full ? null : x.slots[x.grid.flatIndex(entry)]!;
      if (old && hit.some((h) => h === null)) {
        slots.push({ block: old.block.retain(), offset: old.offset, strides: old.strides });
        continue;
      }
      const range = x.grid.blockRange(entry);
      const shape = x.grid.blockShapeAt(entry);
      const owner = ownerOf(entry, x.grid.gridShape, nodes);
      const region = r.resultAxes.map((a): [number, number] => (a.kind === "slice" ? [hit[a.axis]!.from, hit[a.axis]!.to] : [0, 1]));
      const temps: { release(): void }[] = [];
      const view = alignedView(v, region, owner, temps);
      if (full && temps.length === 0) {
        // The value's view is this block: share it (its strides per source axis; integers have length 1).
        const strides = r.axes.map((_, axis) => {
          const i = r.resultAxes.findIndex((a) => a.kind === "slice" && a.axis === axis);
          return i < 0 ? 0 : view.strides[i]!;
        });
        slots.push({ block: view.block.retain(), offset: view.offset, strides });
        continue;
      }
      const cs = stridesOf(shape);
      const base = hit.reduce((o, h, axis) => o + (h!.first - range[axis]![0]) * cs[axis]!, 0);
      const pieceStrides = r.resultAxes.map((a) => (a.kind === "slice" ? (r.axes[a.axis] as { step: number }).step * cs[a.axis]! : 0));
      const piece = { block: view.block, offset: view.offset, shape: [1, ...view.shape], strides: [0, ...view.strides] };
      const { outputs } = submitOp({
        kernel: "scatter",
        attrs: { base: old !== null, fill: 0, pieces: [{ axis: 0, targets: Int32Array.of(base), strides: [0, ...pieceStrides] }] },
        inputs: old ? [{ block: old.block, offset: old.offset, shape, strides: old.strides }, piece] : [piece],
        outputs: [{ dtype: x.dtype, shape }],
        owner,
        final: true,
      });
      for (const t of temps) t.release();
      slots.push({ block: outputs[0]!, offset: 0, strides: cs });
    }
  } finally {
    v.release();
  }
  return ArrayData.fromSlots(x.grid, x.dtype, slots);
}
