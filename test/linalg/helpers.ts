// SPDX-License-Identifier: Apache-2.0
/**
 * Shared machinery for the nt.linalg tests: NumPy fixtures, the block layouts every case runs
 * under (one block, even, ragged, and non-square blocks), and reading results back as dense
 * float64 matrices for the residual checks of test/linalg-kernels/helpers.ts.
 */
import type { Dtype } from "../../src/array/dtype.js";
import { NDArray } from "../../src/array/ndarray.js";
import * as nt from "../../src/index.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { type Layout, layoutsFor } from "../helpers/runtime.js";
import { type Dense, dense } from "../linalg-kernels/helpers.js";

export { type Dense, dense };
export * from "../linalg-kernels/helpers.js";

export function fixture<T>(name: string): T {
  return readFixture<T>(`linalg/${name}`);
}

export const decode = (e: EncodedArray): NDArray => decodeArray(e);

/** layoutsFor plus blocks that are not square (about 30 % of the rows by 60 % of the columns). */
export function matrixLayouts(shape: readonly number[]): Layout[] {
  const layouts = layoutsFor(shape);
  if (shape.length === 2 && shape.every((d) => d > 2)) {
    layouts.push({ name: "non-square blocks", blockShape: [Math.max(1, Math.ceil(shape[0]! * 0.3)), Math.max(1, Math.ceil(shape[1]! * 0.6))] });
  }
  return layouts;
}

/** The fixture array distributed in `blockShape`. */
export function distributed(e: EncodedArray | NDArray, blockShape?: readonly number[]): nt.BlockArray {
  const a = e instanceof NDArray ? e : decode(e);
  return nt.array(a, blockShape ? { blockShape } : {});
}

/** The values of `x` as a dense float64 matrix (1-D as a column). */
export async function fetch(x: nt.BlockArray): Promise<Dense> {
  return dense(await x.toArray());
}

/** Relative tolerance for values compared with NumPy's, by dtype. */
export function tolOf(dtype: Dtype): number {
  return dtype === "float32" ? 2e-4 : 1e-9;
}

/** The largest absolute value (a scale for elementwise comparisons). */
export function maxAbs(a: Dense): number {
  let m = 0;
  for (const x of a.data) if (Number.isFinite(x)) m = Math.max(m, Math.abs(x));
  return m;
}
