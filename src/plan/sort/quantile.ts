// SPDX-License-Identifier: Apache-2.0
/**
 * Quantiles and medians along axes. When every lane (the elements over the reduced axes at one
 * position of the kept axes) lies in one block, each block computes its lanes where it lives; when
 * the reduced axes span blocks, the array is first re-blocked so they do not (an exchange within
 * each lane's blocks); a single lane spanning blocks (axis null) uses the distributed selection
 * (select.ts) instead, so no node ever holds it whole.
 */
import type { Dtype } from "../../array/dtype.js";
import { ArrayGrid } from "../../array/grid.js";
import { NDArray } from "../../array/ndarray.js";
import { stridesOf } from "../../array/shape.js";
import type { QuantileAttrs } from "../../kernels/sort-manifest.js";
import { type QuantileSpec, medianOf, medianRanks, quantileOf, quantileRanks } from "../../kernels/ts/sort/quantile-math.js";
import { ownerOf } from "../../schedule/layout.js";
import { ArrayData, type Slot } from "../array-data.js";
import { context } from "../context.js";
import { materialize } from "../materialize.js";
import { submitOp } from "../submit.js";
import { upload } from "../transfer-local.js";
import { wholeAlong } from "./local.js";
import { selectRanks } from "./select.js";
import { sourcesOf } from "./sources.js";

export type QuantileRequest = Omit<QuantileAttrs, "axes">;

/**
 * The quantiles of `x` over `axes` (sorted) in `dtype`: shape [nq] (when `qAxis`) followed by x's
 * shape with the reduced axes of length 1. Synchronous (null when a single lane spans blocks:
 * use `quantileSelected`).
 */
export function quantileBlocks(x: ArrayData, axes: readonly number[], request: QuantileRequest, dtype: Dtype): ArrayData | null {
  const lanes = x.shape.reduce((p, n, d) => (axes.includes(d) ? p : p * n), 1);
  const spans = axes.some((d) => x.grid.gridShape[d]! > 1);
  if (spans && lanes <= 1) return null;
  const y = wholeAlong(x, axes);
  try {
    materialize(y);
    const nq = request.qAxis ? request.qs.length : 0;
    const lead = request.qAxis ? [nq] : [];
    const shape = [...lead, ...y.shape.map((n, d) => (axes.includes(d) ? 1 : n))];
    const grid = ArrayGrid.fromChunks(shape, [...lead.map((n) => (n === 0 ? [] : [n])), ...y.shape.map((_, d) => (axes.includes(d) ? [1] : y.grid.chunks[d]!))]);
    const nodes = context().scheduler.nodes;
    const slots: Slot[] = [];
    let i = 0;
    for (const entry of y.grid.entries()) {
      const slot = y.slots[i++]!;
      const blockShape = y.grid.blockShapeAt(entry);
      const outShape = [...lead, ...blockShape.map((n, d) => (axes.includes(d) ? 1 : n))];
      const { outputs } = submitOp({
        kernel: "quantile",
        attrs: { ...request, axes },
        inputs: [{ block: slot.block, offset: slot.offset, shape: blockShape, strides: slot.strides }],
        outputs: [{ dtype, shape: outShape }],
        owner: ownerOf(entry, y.grid.gridShape, nodes),
        final: true,
      });
      slots.push({ block: outputs[0]!, offset: 0, strides: stridesOf(outShape) });
    }
    // Blocks along reduced axes: one each after wholeAlong, so entries map 1:1 (q axis: one chunk).
    return ArrayData.fromSlots(grid, dtype, slots);
  } finally {
    y.release();
  }
}

/**
 * The quantiles of all of `x` (one lane) by distributed selection: a 1-D array of the quantiles
 * (or a 0-d one without `qAxis`).
 */
export async function quantileSelected(x: ArrayData, request: QuantileRequest, dtype: Dtype): Promise<ArrayData> {
  const spec: QuantileSpec = { dtype: x.dtype, out: dtype === "float32" ? "float32" : "float64", weak: request.weak };
  const isFloat = x.dtype === "float32" || x.dtype === "float64";
  const sel = await selectRanks(sourcesOf(x), x.dtype, isFloat, (count, nans) => {
    if (count === 0 || (request.nan === "propagate" && nans > 0)) return null;
    if (request.method === "median") return medianRanks(count);
    return request.qs.flatMap((q) => {
      const { lo, hi } = quantileRanks(count, q);
      return [lo, hi];
    });
  });
  const nanResult = sel.count === 0 || (request.nan === "propagate" && sel.nanCount > 0);
  const at = (r: number) => sel.values.get(r)!;
  const qs = request.method === "median" ? [0.5] : request.qs;
  const values = qs.map((q) => (nanResult ? NaN : request.method === "median" ? medianOf(at, sel.count, spec) : quantileOf(at, sel.count, q, spec)));
  const shape = request.qAxis ? [values.length] : [];
  const local = NDArray.zeros(shape, dtype);
  values.forEach((v, i) => (local.data[i] = v));
  return upload(local, ArrayGrid.regular(shape, shape.map((n) => Math.max(1, n))));
}
