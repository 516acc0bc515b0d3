// SPDX-License-Identifier: Apache-2.0
/** Flattening for functions that work on the flattened array (axis null). */
import type { ArrayData } from "../plan/array-data.js";
import { reshape } from "../plan/reshape.js";

/** The C-order flattening of `x` as a new hold (a view when the layout allows it). */
export function ravelData(x: ArrayData): ArrayData {
  return reshape(x, [x.size]);
}
