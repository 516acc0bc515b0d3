// SPDX-License-Identifier: Apache-2.0
/** Reference `sort` kernel: every lane along one axis of a block, sorted stably (NumPy's order). */
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { argsortStable, cStrides, forEachIndexed, gather, sameKind, sortValuesStable } from "./order.js";

function size(v: View): number {
  return v.shape.reduce((p, d) => p * d, 1);
}

/**
 * Calls `body(inOffset, outOffset)` for the first element of every lane along `axis`: the lane's
 * offset in the input view and in a contiguous C-order output of the same shape.
 */
export function forEachLane(view: View, axis: number, body: (inOffset: number, outOffset: number) => void): void {
  const outStrides = cStrides(view.shape);
  const outer = { offset: view.offset, shape: view.shape.filter((_, d) => d !== axis), strides: view.strides.filter((_, d) => d !== axis) };
  const space = { indexBase: 0, indexStrides: outStrides.filter((_, d) => d !== axis) };
  forEachIndexed(outer, space, body);
}

export const sort: KernelFn<"sort"> = (inputs, outputs, { axis: a, emit }) => {
  // Axis null: the view's elements in C order, as one lane.
  const x: View = a === null ? { ...inputs[0]!, offset: 0, data: gather(inputs[0]!), shape: [size(inputs[0]!)], strides: [1] } : inputs[0]!;
  const axis = a ?? 0;
  const n = x.shape[axis]!;
  if (n === 0 || x.shape.some((d) => d === 0)) return;
  const sIn = x.strides[axis]!;
  const sOut = cStrides(x.shape)[axis]!;
  const values = emit === "indices" ? null : outputs[0]!;
  const indices = emit === "values" ? null : outputs[emit === "both" ? 1 : 0]!;
  const lane = sameKind(x.data, n);
  const sorted = sameKind(x.data, n);
  forEachLane(x, axis, (inOff, outOff) => {
    for (let i = 0; i < n; i++) lane[i] = x.data[inOff + i * sIn]!;
    if (indices) {
      const order = argsortStable(lane);
      for (let i = 0; i < n; i++) {
        indices.data[indices.offset + outOff + i * sOut] = order[i]!;
        if (values) values.data[values.offset + outOff + i * sOut] = lane[order[i]!]!;
      }
    } else {
      sorted.set(lane);
      sortValuesStable(sorted, lane);
      for (let i = 0; i < n; i++) values!.data[values!.offset + outOff + i * sOut] = sorted[i]!;
    }
  });
};
