// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `gatherMatch` kernel (see kernels/gather-manifest.ts): one pass over the index
 * views, each value looked up once (its chunk names the source block holding the element), whole
 * runs copied at once where the index is constant along them (rows of a row gather: one memcpy
 * per row), and a tight loop for one index array (the common 1-d gather).
 */
import type { KernelFn } from "../../manifest.js";
import type { TypedArray } from "../../../array/dtype.js";
import { coalesce, forEachRun, sizeOf } from "../nd-iter.js";
import { chunkLookup } from "./chunk-lookup.js";
import { throwIfOutOfBounds } from "./offsets.js";

/**
 * Up to this many sources, a one-index run is walked once per source by `copyFrom`: a small
 * monomorphic loop whose independent loads overlap (several times faster than one pass that picks
 * the source per element, which the rest use).
 */
const FEW_SOURCES = 8;

/** The elements of a run whose index value falls in `[lo, hi)`, copied from one source. */
function copyFrom(
  od: TypedArray,
  o: number,
  os: number,
  d: TypedArray,
  ip: number,
  istep: number,
  count: number,
  size: number,
  lo: number,
  hi: number,
  sd: TypedArray,
  s: number,
  ss: number,
  stride: number,
): void {
  for (let i = 0; i < count; i++, ip += istep, o += os, s += ss) {
    let v = d[ip] as number;
    if (v < 0) v += size;
    if (v >= lo && v < hi) od[o] = sd[s + (v - lo) * stride]!;
  }
}

export const gatherMatch: KernelFn<"gatherMatch"> = (inputs, outputs, { sources, bounds, sizes, sourceOf, status }) => {
  const k = sources.length;
  const n = bounds.length;
  const srcs = inputs.slice(0, k);
  const index = inputs.slice(k, k + n);
  if (status) throwIfOutOfBounds(inputs[k + n]!);
  const out = outputs[0]!;
  if (sizeOf(out.shape) === 0) return;
  // Views walked together: the output, each source (its basic-axis positions), each index array.
  const c = coalesce(out.shape, [out.strides, ...sources.map((s) => s.dims), ...index.map((v) => v.strides)]);
  const last = c.shape.length - 1;
  const len = c.shape[last]!;
  const steps = c.strides.map((s) => s[last]!);
  const starts = [out.offset, ...sources.map((s, j) => srcs[j]!.offset + s.offset), ...index.map((v) => v.offset)];
  const od = out.data;
  const sd = srcs.map((v) => v.data);
  const lookups = bounds.map(chunkLookup);
  const radix = bounds.map((b) => b.length - 1);
  const idata = index.map((v) => v.data);
  const values = new Array<number>(n).fill(0);
  /** The source holding the element whose index values sit at `pos` (index views), or -1; fills `values`. */
  const locate = (pos: readonly number[], i: number): number => {
    let cand = 0;
    for (let e = 0; e < n; e++) {
      let v = idata[e]![pos[1 + k + e]! + i * steps[1 + k + e]!]!;
      if (v < 0) v += sizes[e]!;
      if (!(v >= 0 && v < sizes[e]!)) return -1; // reported by the status
      values[e] = v;
      cand = cand * radix[e]! + lookups[e]!(v);
    }
    return sourceOf[cand]!;
  };
  /** The element's offset in source `j` relative to that source's run start. */
  const within = (j: number): number => {
    const entries = sources[j]!.entries;
    let at = 0;
    for (let e = 0; e < n; e++) at += (values[e]! - entries[e]!.lo) * entries[e]!.stride;
    return at;
  };
  const constant = index.every((_, e) => steps[1 + k + e] === 0);
  forEachRun(c.shape, starts, c.strides, (pos) => {
    if (constant) {
      const j = locate(pos, 0);
      if (j < 0) return;
      const s = pos[1 + j]! + within(j);
      const ss = steps[1 + j]!;
      const os = steps[0]!;
      if (ss === 1 && os === 1) od.set(sd[j]!.subarray(s, s + len), pos[0]!);
      else for (let i = 0, o = pos[0]!; i < len; i++, o += os) od[o] = sd[j]![s + i * ss]!;
      return;
    }
    if (n === 1 && k <= FEW_SOURCES) {
      for (let j = 0; j < k; j++) {
        const e = sources[j]!.entries[0]!;
        copyFrom(od, pos[0]!, steps[0]!, idata[0]!, pos[1 + k]!, steps[1 + k]!, len, e.size, e.lo, e.hi, sd[j]!, pos[1 + j]!, steps[1 + j]!, e.stride);
      }
      return;
    }
    if (n === 1) {
      oneIndexRun(pos, len, steps);
      return;
    }
    for (let i = 0; i < len; i++) {
      const j = locate(pos, i);
      if (j >= 0) od[pos[0]! + i * steps[0]!] = sd[j]![pos[1 + j]! + i * steps[1 + j]! + within(j)]!;
    }
  });

  /** One index array along a run: per element a load, a chunk division and a copy. */
  function oneIndexRun(pos: readonly number[], count: number, st: readonly number[]): void {
    const d = idata[0]!;
    const size = sizes[0]!;
    const b = bounds[0]!;
    const c0 = b[1]! - b[0]!;
    const regular = b.every((x, i) => i === b.length - 1 || x === i * c0);
    const lastChunk = b.length - 2;
    const lookup = lookups[0]!;
    const base = sources.map((s, j) => pos[1 + j]! - s.entries[0]!.lo * s.entries[0]!.stride);
    const stride = sources.map((s) => s.entries[0]!.stride);
    const sstep = sources.map((_, j) => st[1 + j]!);
    const istep = st[1 + k]!;
    const os = st[0]!;
    let ip = pos[1 + k]!;
    let o = pos[0]!;
    for (let i = 0; i < count; i++, ip += istep, o += os) {
      let v = d[ip]!;
      if (v < 0) v += size;
      if (!(v >= 0 && v < size)) continue;
      const ch = regular ? Math.min((v / c0) | 0, lastChunk) : lookup(v);
      const j = sourceOf[ch]!;
      if (j >= 0) od[o] = sd[j]![base[j]! + i * sstep[j]! + v * stride[j]!]!;
    }
  }
};
