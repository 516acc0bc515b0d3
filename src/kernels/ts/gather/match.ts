// SPDX-License-Identifier: Apache-2.0
/**
 * The reference "match" kernels, for index arrays whose values only the nodes see: each source
 * block gathers (or receives) the elements whose indices fall inside it, and the pieces merge by
 * selection. Also the bounds status of such index arrays.
 */
import type { MatchSource } from "../../gather-manifest.js";
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { forEachElement } from "../nd-iter.js";
import { copyInto, normalized, throwIfOutOfBounds } from "./offsets.js";

/**
 * Calls `hit(i, offset)` for each element `i` (C order over `shape`) whose index values all fall
 * in their entries' ranges, with its offset relative to the source's base; `also` views are
 * walked alongside (their offsets are passed in `offs` after the index views').
 */
function forEachMatch(
  shape: readonly number[],
  source: MatchSource,
  index: readonly View[],
  also: readonly View[],
  hit: (offset: number, offs: readonly number[]) => void,
): void {
  const views = [...index, ...also];
  const entries = source.entries;
  const n = index.length;
  forEachElement(
    shape,
    [source.offset, ...views.map((v) => v.offset)],
    [source.dims, ...views.map((v) => v.strides)],
    (_, offs) => {
      let at = offs[0]!;
      for (let e = 0; e < n; e++) {
        const m = entries[e]!;
        const v = normalized(index[e]!.data[offs[e + 1]!]!, m.size);
        if (v < m.lo || v >= m.hi) return;
        at += (v - m.lo) * m.stride;
      }
      hit(at, offs);
    },
  );
}

export const gatherMatch: KernelFn<"gatherMatch"> = (inputs, outputs, { source, status }) => {
  const src = inputs[0]!;
  const n = source.entries.length;
  const index = inputs.slice(1, 1 + n);
  if (status) throwIfOutOfBounds(inputs[1 + n]!);
  const out = outputs[0]!;
  const od = out.data;
  const sd = src.data;
  forEachMatch(out.shape, source, index, [out], (at, offs) => {
    od[offs[n + 1]!] = sd[src.offset + at]!;
  });
};

/** The chunk of `bounds` (boundaries, ascending) holding `v`. */
function chunkOf(bounds: readonly number[], v: number): number {
  let lo = 0;
  let hi = bounds.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const selectMerge: KernelFn<"selectMerge"> = (inputs, outputs, { bounds, sizes, pieceOf, status }) => {
  const n = bounds.length;
  const index = inputs.slice(0, n);
  if (status) throwIfOutOfBounds(inputs[n]!);
  const pieces = inputs.slice(n + (status ? 1 : 0));
  const out = outputs[0]!;
  const od = out.data;
  forEachElement(out.shape, [out.offset, ...index.map((v) => v.offset)], [out.strides, ...index.map((v) => v.strides)], (i, offs) => {
    let cand = 0;
    for (let e = 0; e < n; e++) {
      const b = bounds[e]!;
      cand = cand * (b.length - 1) + chunkOf(b, normalized(index[e]!.data[offs[e + 1]!]!, sizes[e]!));
    }
    const p = pieces[pieceOf[cand]!]!;
    // Pieces are contiguous blocks of the output's shape.
    od[offs[0]!] = p.data[p.offset + i]!;
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
    const at0 = index.length + 1;
    forEachMatch(value.shape, source, index, [value], (at, offs) => {
      od[out.offset + at] = vd[offs[at0]!]!;
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
