// SPDX-License-Identifier: Apache-2.0
/**
 * Creation kernels: every element is a function of its global C-order position, so an array is the
 * same whatever its block shape.
 */
import type { Generator, KernelFn } from "../manifest.js";
import { forEachElement } from "./nd-iter.js";
import { fillRandom } from "./random/fill.js";
import { permutationLocal } from "./random/permutation.js";

type ElementFn = (flat: number, coords: readonly number[]) => number;

function elementFn(g: Exclude<Generator, { kind: "random" | "permutation" }>, globalShape: readonly number[]): ElementFn {
  switch (g.kind) {
    case "arange":
      return (i) => g.start + i * g.step;
    case "linspace": {
      const div = g.endpoint ? g.num - 1 : g.num;
      const step = div > 0 ? (g.stop - g.start) / div : NaN;
      // NumPy: start + i*step, with the last point set to stop exactly when endpoint.
      return (i) => (g.endpoint && i === g.num - 1 && g.num > 1 ? g.stop : div > 0 ? g.start + i * step : g.start);
    }
    case "eye":
      return (_, c) => +(c[c.length - 1]! - c[c.length - 2]! === g.k);
    case "tri":
      return (_, c) => +(c[c.length - 1]! - c[c.length - 2]! <= g.k);
    case "hashed":
      return (i) => hashed(i, g.salt) * g.scale;
  }
  void globalShape;
}

/** peer_bench.py's deterministic input: lowbias32 hash of (i + salt·0x9E3779B9), in [-0.5, 0.5). */
export function hashed(i: number, salt: number): number {
  let h = (i + Math.imul(salt, 0x9e3779b9)) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h = (h ^ (h >>> 15)) >>> 0;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h = (h ^ (h >>> 16)) >>> 0;
  return h / 4294967296 - 0.5;
}

export const generate: KernelFn<"generate"> = (_inputs, outputs, { globalShape, blockStart, generator }) => {
  const out = outputs[0]!;
  // Random arrays fill whole runs per call (a closure per element would be several times slower).
  if (generator.kind === "random") return fillRandom(out, globalShape, blockStart, generator);
  if (generator.kind === "permutation") {
    const perm = permutationLocal(generator.n, generator.key, generator.stream);
    const start = blockStart[0]!;
    for (let i = 0; i < out.shape[0]!; i++) out.data[out.offset + i * out.strides[0]!] = perm[start + i]!;
    return;
  }
  const f = elementFn(generator, globalShape);
  const nd = out.shape.length;
  const gstrides = globalStrides(globalShape);
  const rowLength = nd === 0 ? 1 : out.shape[nd - 1]!;
  const rowShape = nd === 0 ? [] : [...out.shape.slice(0, -1), 1];
  const coords = blockStart.slice();
  // Rows along the last axis are contiguous in the output and consecutive in the global flat
  // index, so the per-element work is one call of `f`.
  forEachElement(rowShape, [out.offset], [out.strides], (row, [o]) => {
    let r = row;
    let flat = 0;
    for (let d = nd - 2; d >= 0; d--) {
      coords[d] = blockStart[d]! + (r % out.shape[d]!);
      r = Math.floor(r / out.shape[d]!);
    }
    for (let d = 0; d < nd - 1; d++) flat += coords[d]! * gstrides[d]!;
    const c0 = nd === 0 ? 0 : blockStart[nd - 1]!;
    flat += c0;
    const data = out.data;
    for (let j = 0; j < rowLength; j++) {
      if (nd > 0) coords[nd - 1] = c0 + j;
      data[o! + j] = f(flat + j, coords);
    }
  });
};

function globalStrides(shape: readonly number[]): number[] {
  const strides: number[] = [];
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d]!;
  }
  return strides;
}
