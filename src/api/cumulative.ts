// SPDX-License-Identifier: Apache-2.0
/**
 * Cumulative sums and products (`cumsum`, `cumprod`, `nancumsum`, `nancumprod`) as distributed
 * scans (plan/scan.ts). Like NumPy, integer and bool inputs accumulate in the default integer —
 * numts has no int64, so float64 (exact up to 2^53); axis null scans the flattened array.
 */
import { normalizeAxis } from "../array/axis.js";
import { type Dtype, isFloat, parseDtype } from "../array/dtype.js";
import type { ScanAttrs } from "../kernels/manifest.js";
import { scanArray } from "../plan/scan.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, releaseTemporaries, toData, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { ravelData } from "./ravel.js";

export interface CumulativeOptions {
  axis?: number | null;
  dtype?: Dtype;
}

function cumulative(op: ScanAttrs["op"]) {
  return arrayOp((a: ArrayLike, options: CumulativeOptions = {}): BlockArray => {
    const source = toData(a, `${op}: a`);
    try {
      const dtype = options.dtype === undefined ? (isFloat(source.dtype) ? source.dtype : "float64") : parseDtype(options.dtype, `${op}: dtype`);
      if (options.axis === null || options.axis === undefined) {
        const flat = ravelData(source);
        try {
          return wrap(scanArray(flat, op, 0, dtype));
        } finally {
          flat.release();
        }
      }
      return wrap(scanArray(source, op, normalizeAxis(options.axis, source.ndim), dtype));
    } finally {
      releaseTemporaries([a], [source]);
    }
  });
}

export const cumsum = cumulative("cumsum");
export const cumprod = cumulative("cumprod");
export const nancumsum = cumulative("nancumsum");
export const nancumprod = cumulative("nancumprod");
