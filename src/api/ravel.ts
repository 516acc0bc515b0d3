// SPDX-License-Identifier: Apache-2.0
/** Flattening for functions that work on the flattened array (axis null). */
import { RuntimeStateError } from "../errors.js";
import type { ArrayData } from "../plan/array-data.js";

/**
 * The C-order flattening of `x` as a new hold (`x` itself, retained, when it is already 1-D).
 * TEMPORARY until reshape lands: n-d inputs are rejected.
 */
export function ravelData(x: ArrayData): ArrayData {
  if (x.ndim === 1) return x.retain();
  throw new RuntimeStateError("flattening n-d arrays needs reshape, which is not merged yet");
}
