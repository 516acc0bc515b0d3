// SPDX-License-Identifier: Apache-2.0
/**
 * The reference `reduce` kernel: for every output cell, evaluate the program over the cell's
 * value sequence (C order over the reduced axes) tile by tile, and feed the values to the op's
 * accumulator. The whole block of values is never materialized.
 */
import type { TypedArray } from "../../../array/dtype.js";
import type { KernelFn } from "../../manifest.js";
import { compileProgram } from "../elementwise/compile.js";
import { makeAccumulator } from "./accumulators.js";
import { reduceLayout } from "./layout.js";

const TILE = 4096;
const tile = new Float64Array(TILE);

/** Odometer over `dims` of `shape`, calling `body(offsets)` with offsets[v] advanced by strides[v]. */
function odometer(
  shape: readonly number[],
  dims: readonly number[],
  strides: readonly (readonly number[])[],
  start: readonly number[],
  body: (offs: readonly number[]) => void,
): void {
  if (dims.some((d) => shape[d] === 0)) return;
  const offs = [...start];
  const idx = dims.map(() => 0);
  for (;;) {
    body(offs);
    let k = dims.length - 1;
    for (; k >= 0; k--) {
      const d = dims[k]!;
      for (let v = 0; v < offs.length; v++) offs[v]! += strides[v]![d]!;
      if (++idx[k]! < shape[d]!) break;
      for (let v = 0; v < offs.length; v++) offs[v]! -= strides[v]![d]! * shape[d]!;
      idx[k] = 0;
    }
    if (k < 0) return;
  }
}

export const reduce: KernelFn<"reduce"> = (inputs, outputs, attrs) => {
  const out = outputs[0]!;
  const L = reduceLayout(inputs, out, attrs);
  const res = attrs.program.results[0]!;
  const acc = makeAccumulator(attrs.op, attrs.program.regs[res]!, out.dtype);
  const nd = L.shape.length;
  const kept = [...Array(nd).keys()].filter((d) => !L.reduced[d]);
  const red = [...Array(nd).keys()].filter((d) => L.reduced[d]);
  const ni = inputs.length;
  // The run axis: the innermost reduced axis (a length-1 pseudo axis when nothing is reduced).
  const runAxis = red.length > 0 ? red[red.length - 1]! : -1;
  const outer = red.slice(0, -1);
  const runLen = runAxis >= 0 ? L.shape[runAxis]! : 1;
  const S = L.inStrides.map((s) => (runAxis >= 0 ? s[runAxis]! : 0));
  const istep = runAxis >= 0 ? L.indexStrides[runAxis]! : 0;
  const seg = compileProgram(
    attrs.program,
    S.map((s) => s === 0),
  );
  const D: TypedArray[] = inputs.map((v) => v.data);
  const W = [tile];
  const WO = [0];
  // Strides per "view" for the odometers: inputs, then output, then global index.
  const all = [...L.inStrides, L.outStrides, L.indexStrides];
  const O = new Array<number>(ni).fill(0);
  odometer(L.shape, kept, all, [...inputs.map((v) => v.offset), 0, L.indexBase], (cell) => {
    acc.reset();
    let p = 0;
    odometer(L.shape, outer, all, cell, (offs) => {
      for (let v = 0; v < ni; v++) O[v] = offs[v]!;
      let i0 = offs[ni + 1]!;
      for (let done = 0; done < runLen; ) {
        const n = Math.min(TILE, runLen - done);
        seg(n, D, O, S, W, WO);
        acc.feed(tile, n, p, i0, istep);
        for (let v = 0; v < ni; v++) O[v]! += n * S[v]!;
        i0 += n * istep;
        p += n;
        done += n;
      }
    });
    acc.write(outputs, cell[ni]!);
  });
};
