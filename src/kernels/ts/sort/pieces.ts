// SPDX-License-Identifier: Apache-2.0
/**
 * Reference `sortPieces` kernel: the last step of the sample sort. A bucket arrives as pieces (one
 * per source block, in source order, each in its source's order), so sorting their concatenation
 * stably gives NumPy's stable order.
 */
import type { KernelFn } from "../../manifest.js";
import { compareValues, sameKind, sortValuesStable } from "./order.js";
import { runStats } from "./runs.js";

export const sortPieces: KernelFn<"sortPieces"> = (inputs, outputs, { withIndex, emit, runs, split }) => {
  const m = withIndex ? inputs.length / 2 : inputs.length;
  const n = inputs.slice(0, m).reduce((s, v) => s + v.shape[0]!, 0);
  const values = sameKind(inputs[0]!.data, n);
  const indices = withIndex ? new Int32Array(n) : null;
  let k = 0;
  for (let j = 0; j < m; j++) {
    const v = inputs[j]!;
    const len = v.shape[0]!;
    for (let i = 0; i < len; i++) {
      values[k + i] = v.data[v.offset + i * v.strides[0]!]!;
      if (indices) {
        const ix = inputs[m + j]!;
        indices[k + i] = ix.data[ix.offset + i * ix.strides[0]!]!;
      }
    }
    k += len;
  }
  const valuesOut = emit === "indices" ? null : outputs[0]!;
  const indicesOut = emit === "values" ? null : outputs[emit === "both" ? 1 : 0]!;
  let sortedValues = values;
  let sortedIndices: Int32Array | null = null;
  if (indices) {
    // Order by (value, global index): NumPy's stable order whatever order the pieces came in.
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((a, b) => compareValues(values[a]!, values[b]!) || indices[a]! - indices[b]!);
    sortedValues = sameKind(values, n);
    sortedIndices = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      sortedValues[i] = values[order[i]!]!;
      sortedIndices[i] = indices[order[i]!]!;
    }
  } else {
    sortedValues = sameKind(values, n);
    sortedValues.set(values);
    sortValuesStable(sortedValues, values);
  }
  if (valuesOut) valuesOut.data.set(sortedValues, valuesOut.offset);
  if (indicesOut) {
    if (!sortedIndices) throw new Error("sortPieces: indices requested without index pieces");
    indicesOut.data.set(sortedIndices, indicesOut.offset);
  }
  return runs ? runStats(sortedValues, 0, n, sortedIndices, 0, split) : undefined;
};
