// SPDX-License-Identifier: Apache-2.0
/**
 * Reference `quantile` kernel: quantiles or the median of every lane over the reduced axes of a
 * block that holds those axes whole. Each lane is copied out and sorted (the native engine may
 * select instead; results are the same values).
 */
import type { KernelFn } from "../../manifest.js";
import { cStrides, forEachIndexed } from "./order.js";
import { type QuantileSpec, medianOf, quantileOf } from "./quantile-math.js";

export const quantile: KernelFn<"quantile"> = (inputs, outputs, { axes, qs, qAxis, method, nan, weak }) => {
  const x = inputs[0]!;
  const out = outputs[0]!;
  const spec: QuantileSpec = { dtype: x.dtype, out: out.dtype === "float32" ? "float32" : "float64", weak };
  const kept = x.shape.map((_, d) => d).filter((d) => !axes.includes(d));
  const keptShape = x.shape.map((n, d) => (axes.includes(d) ? 1 : n));
  const lanes = keptShape.reduce((p, d) => p * d, 1);
  const laneStrides = cStrides(keptShape);
  const inner = { shape: axes.map((d) => x.shape[d]!), strides: axes.map((d) => x.strides[d]!) };
  const n = inner.shape.reduce((p, d) => p * d, 1);
  const lane = new Float64Array(n);
  const outer = { offset: x.offset, shape: kept.map((d) => x.shape[d]!), strides: kept.map((d) => x.strides[d]!) };
  const space = { indexBase: 0, indexStrides: kept.map((d) => laneStrides[d]!) };
  const nq = qAxis ? qs.length : 1;
  forEachIndexed(outer, space, (offset, laneIndex) => {
    let count = 0;
    let nans = 0;
    forEachIndexed({ offset, ...inner }, null, (o) => {
      const v = x.data[o]!;
      if (v !== v) nans++;
      else lane[count++] = v;
    });
    const sorted = lane.subarray(0, count).sort();
    const isNaN = count === 0 || (nan === "propagate" && nans > 0);
    const at = (r: number) => sorted[r]!;
    for (let j = 0; j < nq; j++) {
      const value = isNaN ? NaN : method === "median" ? medianOf(at, count, spec) : quantileOf(at, count, qs[j]!, spec);
      out.data[out.offset + j * lanes + laneIndex] = value;
    }
  });
};
