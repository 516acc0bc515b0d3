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
import { chunkFinder, groupByKey } from "./grouping.js";
import { type KnownPlan, knownPlan } from "./known-gather.js";
import { broadcastValue } from "./set-basic.js";

/** For every position of the advanced shape (C order): its coordinate along each indexed axis. */
function positionsOf(plan: KnownPlan, advShape: readonly number[]): Int32Array[] {
  const size = sizeOf(advShape);
  return plan.values.map((values, e) => {
    const strides = plan.valueStrides[e]!;
    // An entry of the advanced shape itself is read in order.
    if (values.length === size && strides.every((st, d) => st === stridesOf(advShape)[d] || advShape[d] === 1)) return Int32Array.from(values);
    const out = new Int32Array(size);
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
  const radix = plan.axes.map((axis) => x.grid.gridShape[axis]!);
  const finders = plan.axes.map((axis) => chunkFinder(x.grid, axis));
  const keys = new Int32Array(advSize);
  for (let k = 0; k < advSize; k++) {
    let key = 0;
    for (let e = 0; e < finders.length; e++) key = key * radix[e]! + finders[e]!(positions[e]![k]!);
    keys[k] = key;
  }
  const byBlock = new Map(groupByKey(keys, radix).map((g) => [g.chunks.reduce((k, c, e) => k * radix[e]! + c, 0), g.at]));
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
      // One value: a single piece written in position order, where the last write wins by
      // itself; values from several blocks keep only each element's last position first.
      const scalar = value.size === 1;
      const targets = offsetsIn(ks, plan.axes, positions, lo, cs);
      const unique = scalar ? null : lastWrites(targets, sizeOf(shape));
      const owner = ownerOf(entry, x.grid.gridShape, nodes);
      const basicShape = plan.dims.flatMap((d, i) => (d === null ? [] : [plan.runs[i]![runIdx[i]!]!.len]));
      const pieceStrides = plan.dims.flatMap((d) => (d === null ? [] : [d.kind === "newaxis" ? 0 : d.step * cs[d.axis]!]));
      const strides = [...pieceStrides.slice(0, p), 0, ...pieceStrides.slice(p)];
      const pieces = valuePieces(v, scalar, runIdx, unique ? unique.map((t) => ks[t]!) : ks, advChunkStarts, basicShape, p, owner);
      const { outputs } = submitOp({
        kernel: "scatter",
        attrs: {
          base: true,
          fill: 0,
          pieces: pieces.map((g) => ({ axis: p, targets: g.at.map((i) => base + targets[unique ? unique[i]! : i]!), strides })),
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

/** The offset in a block (at `lo`, C strides `cs`) of each position of `ks` along the indexed axes. */
function offsetsIn(ks: Int32Array, axes: readonly number[], positions: readonly Int32Array[], lo: readonly number[], cs: readonly number[]): Int32Array {
  const out = new Int32Array(ks.length);
  axes.forEach((axis, e) => {
    const pos = positions[e]!;
    const l = lo[axis]!;
    const c = cs[axis]!;
    for (let t = 0; t < ks.length; t++) out[t]! += (pos[ks[t]!]! - l) * c;
  });
  return out;
}

/** Indices into `targets` of the last write to each element (NumPy keeps the last value), ascending. */
function lastWrites(targets: Int32Array, blockSize: number): Int32Array {
  const writer = new Int32Array(blockSize).fill(-1);
  for (let t = 0; t < targets.length; t++) writer[targets[t]!] = t;
  let n = 0;
  for (let t = 0; t < targets.length; t++) if (writer[targets[t]!] === t) n++;
  const out = new Int32Array(n);
  for (let t = 0, i = 0; t < targets.length; t++) if (writer[targets[t]!] === t) out[i++] = t;
  return out;
}

/**
 * Packed values for positions `ks` (ascending), one piece per value block (`at` indexes `ks`); a
 * scalar value is one zero-stride view.
 */
function valuePieces(
  v: ArrayData,
  scalar: boolean,
  runIdx: readonly number[],
  ks: Int32Array,
  advChunkStarts: readonly (readonly number[])[],
  basicShape: readonly number[],
  p: number,
  owner: number,
): { view: InputView; at: Int32Array; release(): void }[] {
  const pieceShape = (n: number) => [...basicShape.slice(0, p), n, ...basicShape.slice(p)];
  if (scalar) {
    const s = v.slots[0]!;
    const shape = pieceShape(ks.length);
    const at = new Int32Array(ks.length);
    for (let i = 0; i < at.length; i++) at[i] = i;
    return [{ view: { block: s.block, offset: s.offset, shape, strides: shape.map(() => 0) }, at, release: () => undefined }];
  }
  const a = advChunkStarts.length;
  const advShape = advChunkStarts.map((b) => b[b.length - 1]!);
  const finders = advShape.map((_, d) => chunkFinder(v.grid, p + d));
  const radix = advShape.map((_, d) => v.grid.gridShape[p + d]!);
  // Each position's coordinates over the advanced shape, and its value block.
  const coords = advShape.map(() => new Int32Array(ks.length));
  const keys = new Int32Array(ks.length);
  for (let i = 0; i < ks.length; i++) {
    let rest = ks[i]!;
    for (let d = a - 1; d >= 0; d--) {
      const c = rest % advShape[d]!;
      rest = (rest - c) / advShape[d]!;
      coords[d]![i] = c;
    }
    let key = 0;
    for (let d = 0; d < a; d++) key = key * radix[d]! + finders[d]!(coords[d]![i]!);
    keys[i] = key;
  }
  return groupByKey(keys, radix).map((g) => {
    const slot = v.slots[v.grid.flatIndex([...runIdx.slice(0, p), ...g.chunks, ...runIdx.slice(p + a)])]!;
    const strides = [...slot.strides.slice(0, p), ...slot.strides.slice(p + a)];
    const offsets = new Int32Array(g.at.length);
    for (let d = 0; d < a; d++) {
      const start = advChunkStarts[d]![g.chunks[d]!]!;
      const stride = slot.strides[p + d]!;
      const c = coords[d]!;
      for (let t = 0; t < offsets.length; t++) offsets[t]! += (c[g.at[t]!]! - start) * stride;
    }
    const shape = pieceShape(offsets.length);
    const { outputs } = submitOp({
      kernel: "gather",
      attrs: { axis: p, ndim: 1, offsets: [offsets] },
      inputs: [{ block: slot.block, offset: slot.offset, shape: basicShape, strides }],
      outputs: [{ dtype: v.dtype, shape }],
      owner,
      final: false,
    });
    const block = outputs[0]!;
    return { view: { block, offset: 0, shape, strides: stridesOf(shape) }, at: g.at, release: () => block.release() };
  });
}
