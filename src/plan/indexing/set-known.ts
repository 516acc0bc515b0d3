// SPDX-License-Identifier: Apache-2.0
/**
 * `x[index] = value` for integer arrays the planner knows. Each block of x that some position
 * hits is rewritten by one `scatter` on its owner; the values it needs are gathered (packed)
 * from the value's blocks where they live, laid out like the result of `x[index]`. Repeated
 * positions keep the last value, as NumPy's fixtures expect: duplicates are dropped here, before
 * anything runs, keeping the last.
 */
import type { OpaqueArray } from "../../array/index/parts.js";
import { type ResolvedIndex, knownShape } from "../../array/index/resolved.js";
import { sizeOf, stridesOf } from "../../array/shape.js";
import type { InputView } from "../../runtime/runtime.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { regrid } from "../compose.js";
import { context } from "../context.js";
import { materialize } from "../materialize.js";
import { submitOp } from "../submit.js";
import { type KnownPlan, knownPlan } from "./known-gather.js";
import { broadcastValue } from "./set-basic.js";

/** For every position of the advanced shape (C order): its coordinate along each indexed axis. */
function positionsOf(plan: KnownPlan, advShape: readonly number[]): Int32Array[] {
  const size = sizeOf(advShape);
  return plan.values.map((values, e) => {
    const out = new Int32Array(size);
    const strides = plan.valueStrides[e]!;
    const idx = advShape.map(() => 0);
    let at = 0;
    for (let k = 0; k < size; k++) {
      out[k] = values[at]!;
      for (let d = advShape.length - 1; d >= 0; d--) {
        at += strides[d]!;
        if (++idx[d]! < advShape[d]!) break;
        at -= strides[d]! * advShape[d]!;
        idx[d] = 0;
      }
    }
    return out;
  });
}

/** `x` with `value` (of x's dtype, checked) written at the concrete advanced index `r`. */
export function knownSet(x: ArrayData, r: ResolvedIndex<OpaqueArray>, value: ArrayData): ArrayData {
  materialize(x);
  const plan = knownPlan(x, r);
  const adv = r.advanced!;
  const p = adv.position;
  const advShape = adv.shape as number[];
  const advSize = sizeOf(advShape);
  const resultShape = knownShape(r);
  if (sizeOf(resultShape) === 0) return x.retain();
  const broadcast = broadcastValue(value, resultShape);
  materialize(broadcast);
  const v = value.size === 1 ? broadcast : regrid(broadcast, plan.grid);
  if (v !== broadcast) broadcast.release();
  const positions = positionsOf(plan, advShape);
  // The advanced positions each block of x receives (by its chunks along the indexed axes).
  const byBlock = new Map<number, number[]>();
  for (let k = 0; k < advSize; k++) {
    let key = 0;
    plan.axes.forEach((axis, e) => (key = key * x.grid.gridShape[axis]! + x.grid.chunkIndexOf(axis, positions[e]![k]!)));
    let list = byBlock.get(key);
    if (!list) byBlock.set(key, (list = []));
    list.push(k);
  }
  const advChunkStarts = advShape.map((_, d) => plan.grid.boundaries(p + d));
  const nodes = context().scheduler.nodes;
  const slots: Slot[] = [];
  try {
    for (const entry of x.grid.entries()) {
      const old = x.slots[x.grid.flatIndex(entry)]!;
      const share = () => slots.push({ block: old.block.retain(), offset: old.offset, strides: old.strides });
      const key = plan.axes.reduce((k, axis) => k * x.grid.gridShape[axis]! + entry[axis]!, 0);
      const ks = byBlock.get(key);
      const ints = r.axes.every((s, axis) => s.kind !== "int" || x.grid.chunkIndexOf(axis, s.index) === entry[axis]);
      // The run of each basic result axis inside this block.
      const runIdx = plan.dims.map((d, i) => (d === null || d.kind === "newaxis" ? 0 : plan.runs[i]!.findIndex((run) => run.chunk === entry[d.axis])));
      if (!ks || !ints || runIdx.some((j) => j < 0)) {
        share();
        continue;
      }
      const shape = x.grid.blockShapeAt(entry);
      const cs = stridesOf(shape);
      const lo = x.grid.blockStart(entry);
      let base = 0;
      r.axes.forEach((s, axis) => s.kind === "int" && (base += (s.index - lo[axis]!) * cs[axis]!));
      plan.dims.forEach((d, i) => d !== null && d.kind === "affine" && (base += plan.runs[i]![runIdx[i]!]!.local * cs[d.axis]!));
      // Last write wins: keep the last position per target element.
      const last = new Map<number, number>();
      for (const k of ks) last.set(plan.axes.reduce((t, axis, e) => t + (positions[e]![k]! - lo[axis]!) * cs[axis]!, 0), k);
      const unique = [...last.entries()].sort((a, b) => a[1] - b[1]);
      const owner = ownerOf(entry, x.grid.gridShape, nodes);
      const basicShape = plan.dims.flatMap((d, i) => (d === null ? [] : [plan.runs[i]![runIdx[i]!]!.len]));
      const pieceStrides = plan.dims.flatMap((d) => (d === null ? [] : [d.kind === "newaxis" ? 0 : d.step * cs[d.axis]!]));
      const strides = [...pieceStrides.slice(0, p), 0, ...pieceStrides.slice(p)];
      const pieces = valuePieces(v, value.size === 1, plan, runIdx, unique.map(([, k]) => k), advChunkStarts, basicShape, p, owner);
      const { outputs } = submitOp({
        kernel: "scatter",
        attrs: {
          base: true,
          fill: 0,
          pieces: pieces.map((g) => ({ axis: p, targets: Int32Array.from(g.at, (i) => base + unique[i]![0]), strides })),
        },
        inputs: [{ block: old.block, offset: old.offset, shape, strides: old.strides }, ...pieces.map((g) => g.view)],
        outputs: [{ dtype: x.dtype, shape }],
        owner,
        final: true,
      });
      for (const g of pieces) g.release();
      slots.push({ block: outputs[0]!, offset: 0, strides: cs });
    }
  } finally {
    v.release();
  }
  return ArrayData.fromSlots(x.grid, x.dtype, slots);
}

/**
 * Packed values for positions `ks` (in order), one piece per value block (`at` indexes `ks`); a
 * scalar value is one zero-stride view.
 */
function valuePieces(
  v: ArrayData,
  scalar: boolean,
  plan: KnownPlan,
  runIdx: readonly number[],
  ks: readonly number[],
  advChunkStarts: readonly (readonly number[])[],
  basicShape: readonly number[],
  p: number,
  owner: number,
): { view: InputView; at: number[]; release(): void }[] {
  const pieceShape = (n: number) => [...basicShape.slice(0, p), n, ...basicShape.slice(p)];
  if (scalar) {
    const s = v.slots[0]!;
    const shape = pieceShape(ks.length);
    return [{ view: { block: s.block, offset: s.offset, shape, strides: shape.map(() => 0) }, at: ks.map((_, i) => i), release: () => undefined }];
  }
  const advShape = advChunkStarts.map((b) => b[b.length - 1]!);
  const groups = new Map<number, { entry: number[]; local: number[][]; at: number[] }>();
  ks.forEach((k, i) => {
    // Unravel k over the advanced shape, then find its value block.
    const m = new Array<number>(advShape.length);
    for (let d = advShape.length - 1, rest = k; d >= 0; d--) {
      m[d] = rest % advShape[d]!;
      rest = Math.floor(rest / advShape[d]!);
    }
    const chunks = m.map((c, d) => v.grid.chunkIndexOf(p + d, c));
    const key = chunks.reduce((acc, c, d) => acc * v.grid.gridShape[p + d]! + c, 0);
    let g = groups.get(key);
    if (!g) {
      const entry = [...runIdx.slice(0, p), ...chunks, ...runIdx.slice(p + advShape.length)];
      groups.set(key, (g = { entry, local: [], at: [] }));
    }
    g.local.push(m.map((c, d) => c - advChunkStarts[d]![chunks[d]!]!));
    g.at.push(i);
  });
  return [...groups.values()].map((g) => {
    const slot = v.slots[v.grid.flatIndex(g.entry)]!;
    const a = advShape.length;
    const strides = [...slot.strides.slice(0, p), ...slot.strides.slice(p + a)];
    const offsets = Int32Array.from(g.local, (m) => m.reduce((o, c, d) => o + c * slot.strides[p + d]!, 0));
    const { outputs } = submitOp({
      kernel: "gather",
      attrs: { axis: p, ndim: 1, offsets },
      inputs: [{ block: slot.block, offset: slot.offset, shape: basicShape, strides }],
      outputs: [{ dtype: v.dtype, shape: pieceShape(offsets.length) }],
      owner,
      final: false,
    });
    const block = outputs[0]!;
    return { view: { block, offset: 0, shape: pieceShape(offsets.length), strides: stridesOf(pieceShape(offsets.length)) }, at: g.at, release: () => block.release() };
  });
}
