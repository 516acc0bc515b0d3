// SPDX-License-Identifier: Apache-2.0
/**
 * How a reduce kernel walks its block: the block's axes coalesced (reduced and kept axes never
 * merge), split into kept axes (one output cell per index) and reduced axes (the cell's value
 * sequence, in C order). Shared by the TypeScript and native reduce kernels.
 */
import type { ReduceAttrs } from "../../manifest.js";
import type { View } from "../../view.js";
import { coalesce } from "../nd-iter.js";

export interface ReduceLayout {
  readonly shape: number[];
  /** Per coalesced axis: whether it is reduced. */
  readonly reduced: boolean[];
  /** Per input: strides over `shape`. */
  readonly inStrides: number[][];
  /** Output element strides over `shape` (0 on reduced axes). */
  readonly outStrides: number[];
  /** Global-index strides over `shape` for arg-reductions (0 on kept axes). */
  readonly indexStrides: number[];
  /** The global index of the sequence's first element: sum of indexBase[d]·indexStrides[d]. */
  readonly indexBase: number;
}

/** The block shape a reduce kernel iterates: the inputs' (equal to the output's with reduced axes restored). */
export function reduceLayout(inputs: readonly View[], out: View, attrs: ReduceAttrs): ReduceLayout {
  const shape = inputs.length > 0 ? inputs[0]!.shape : out.shape;
  const isReduced = shape.map((_, d) => attrs.axes.includes(d));
  const outStrides = shape.map((_, d) => (isReduced[d] ? 0 : out.strides[d]!));
  const idx = shape.map((_, d) => (isReduced[d] ? (attrs.indexStrides?.[d] ?? 0) : 0));
  let indexBase = 0;
  shape.forEach((_, d) => {
    if (isReduced[d]) indexBase += (attrs.indexBase?.[d] ?? 0) * idx[d]!;
  });
  const c = coalesce(
    shape,
    [...inputs.map((v) => v.strides), outStrides, idx],
    isReduced.map((r) => (r ? 1 : 0)),
  );
  const ni = inputs.length;
  return {
    shape: c.shape,
    reduced: c.groups.map((g) => g === 1),
    inStrides: c.strides.slice(0, ni),
    outStrides: c.strides[ni]!,
    indexStrides: c.strides[ni + 1]!,
    indexBase,
  };
}
