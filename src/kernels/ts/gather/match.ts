// SPDX-License-Identifier: Apache-2.0
/**
 * The reference "match" kernels, for index arrays whose values only the nodes see: each source
 * block gathers (or receives) the elements whose indices fall inside it, and the pieces merge by
 * selection. Also the bounds status of such index arrays. Loops walk coalesced runs (no call
 * per element).
 */
import type { MatchSource } from "../../gather-manifest.js";
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { coalesce, forEachElement, forEachRun, sizeOf } from "../nd-iter.js";
import { chunkLookup } from "./chunk-lookup.js";
import { copyInto, throwIfOutOfBounds } from "./offsets.js";

/**
 * Calls `hit(at, k, offs)` for each element (C order over `shape`) whose index values all fall
 * in their entries' ranges: `at` is its offset relative to the source's base, `offs[v]` the
 * offset of `also[v]` at it. Index views and `also` views are walked alongside.
 */
function forEachMatch(shape: readonly number[], source: MatchSource, index: readonly View[], also: readonly View[], hit: (at: number, offs: readonly number[]) => void): void {
  if (sizeOf(shape) === 0) return;
  const n = index.length;
  const views = [...index, ...also];
  const c = coalesce(shape, [source.dims, ...views.map((v) => v.strides)]);
  const last = c.shape.length - 1;
  const len = c.shape[last]!;
  const steps = c.strides.map((s) => s[last]!);
  const { entries } = source;
  const lo = entries.map((e) => e.lo);
  const hi = entries.map((e) => e.hi);
  const size = entries.map((e) => e.size);
  const stride = entries.map((e) => e.stride);
  const data = index.map((v) => v.data);
  const offs = new Array<number>(also.length).fill(0);
  forEachRun(c.shape, [source.offset, ...views.map((v) => v.offset)], c.strides, (starts) => {
    const pos = [...starts];
    for (let i = 0; i < len; i++) {
      let at = pos[0]!;
      let e = 0;
      for (; e < n; e++) {
        let v = data[e]![pos[e + 1]!]!;
        if (v < 0) v += size[e]!;
        if (v < lo[e]! || v >= hi[e]!) break;
        at += (v - lo[e]!) * stride[e]!;
      }
      if (e === n) {
        for (let j = 0; j < offs.length; j++) offs[j] = pos[n + 1 + j]!;
        hit(at, offs);
      }
      for (let j = 0; j < pos.length; j++) pos[j]! += steps[j]!;
    }
  });
}

export const selectMerge: KernelFn<"selectMerge"> = (inputs, outputs, { bounds, sizes, pieceOf, status }) => {
  const n = bounds.length;
  const index = inputs.slice(0, n);
  if (status) throwIfOutOfBounds(inputs[n]!);
  const pieces = inputs.slice(n + (status ? 1 : 0));
  const out = outputs[0]!;
  if (sizeOf(out.shape) === 0) return;
  const od = out.data;
  const lookups = bounds.map(chunkLookup);
  const radix = bounds.map((b) => b.length - 1);
  const data = index.map((v) => v.data);
  const pd = pieces.map((p) => p.data);
  const po = pieces.map((p) => p.offset);
  const c = coalesce(out.shape, [out.strides, ...index.map((v) => v.strides)]);
  const last = c.shape.length - 1;
  const len = c.shape[last]!;
  const steps = c.strides.map((s) => s[last]!);
  // Pieces are contiguous blocks of the output's shape: element i sits at piece offset + i.
  let i = 0;
  const constant = index.every((_, e) => steps[e + 1] === 0);
  forEachRun(c.shape, [out.offset, ...index.map((v) => v.offset)], c.strides, (starts) => {
    if (constant && steps[0] === 1) {
      // The index is constant along the run (rows of a row gather): one piece, one copy.
      let cand = 0;
      for (let e = 0; e < n; e++) {
        const v = data[e]![starts[e + 1]!]!;
        cand = cand * radix[e]! + lookups[e]!(v < 0 ? v + sizes[e]! : v);
      }
      const p = pieceOf[cand]!;
      od.set(pd[p]!.subarray(po[p]! + i, po[p]! + i + len), starts[0]!);
      i += len;
      return;
    }
    const pos = [...starts];
    for (let k = 0; k < len; k++, i++) {
      let cand = 0;
      for (let e = 0; e < n; e++) {
        const v = data[e]![pos[e + 1]!]!;
        cand = cand * radix[e]! + lookups[e]!(v < 0 ? v + sizes[e]! : v);
      }
      const p = pieceOf[cand]!;
      od[pos[0]!] = pd[p]![po[p]! + i]!;
      for (let j = 0; j < pos.length; j++) pos[j]! += steps[j]!;
    }
  });
};

export const scatterMatch: KernelFn<"scatterMatch"> = (inputs, outputs, { status, sources }) => {
  const out = outputs[0]!;
  copyInto(inputs[0]!, out);
  let next = 1;
  if (status) throwIfOutOfBounds(inputs[next++]!);
  const od = out.data;
  for (const source of sources) {
    const value = inputs[next++]!;
    const index = inputs.slice(next, next + source.entries.length);
    next += source.entries.length;
    const vd = value.data;
    const base = out.offset;
    forEachMatch(value.shape, source, index, [value], (at, [v]) => {
      od[base + at] = vd[v!]!;
    });
  }
};

export const indexBounds: KernelFn<"indexBounds"> = (inputs, outputs, { checks }) => {
  // Best so far: [found, order, position, value, axis, size].
  const best = [0, Infinity, Infinity, 0, 0, 0];
  const offer = (order: number, position: number, value: number, axis: number, size: number) => {
    if (best[0] === 1 && (order > best[1]! || (order === best[1] && position >= best[2]!))) return;
    best.splice(0, 6, 1, order, position, value, axis, size);
  };
  checks.forEach((check, i) => {
    const v = inputs[i]!;
    if (check.kind === "status") {
      const s = v.data;
      if (s[v.offset] === 1) offer(s[v.offset + 1]!, s[v.offset + 2]!, s[v.offset + 3]!, s[v.offset + 4]!, s[v.offset + 5]!);
      return;
    }
    const { order, size, axis, flatBase, flatStrides } = check;
    forEachElement(v.shape, [v.offset, flatBase], [v.strides, flatStrides], (_, [o, flat]) => {
      const x = v.data[o!]!;
      if (x < -size || x >= size) offer(order, flat!, x, axis, size);
    });
  });
  const out = outputs[0]!;
  for (let k = 0; k < 6; k++) out.data[out.offset + k] = best[k]!;
};
