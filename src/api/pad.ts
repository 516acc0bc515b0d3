// SPDX-License-Identifier: Apache-2.0
/** `np.pad` with the `constant` and `edge` modes (see plan/pad.ts for the layout). */
import { allocTyped, type Dtype } from "../array/dtype.js";
import { asPairs } from "../array/pad-width.js";
import { ShapeError } from "../errors.js";
import { pad as planPad } from "../plan/pad.js";
import type { BlockArray } from "./block-array.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";
import { withData } from "./with-data.js";

export type PadWidth = number | readonly number[] | readonly (readonly number[])[];

export interface PadOptions {
  /** "constant" (default) or "edge". */
  mode?: "constant" | "edge";
  /** Values for the constant mode: one, a (before, after) pair, or one pair per axis (default 0). */
  constantValues?: PadWidth;
}

/** NumPy's pad modes numts does not implement yet (named so the error says so, not "unknown"). */
const OTHER_MODES = ["empty", "linear_ramp", "maximum", "mean", "median", "minimum", "reflect", "symmetric", "wrap"];

/** `value` as stored in `dtype` (NumPy's unsafe cast of the pad value into the array). */
function storedAs(value: number, dtype: Dtype): number {
  if (dtype === "bool") return value !== 0 ? 1 : 0;
  const cell = allocTyped(dtype, 1);
  cell[0] = value;
  return cell[0]!;
}

/**
 * `np.pad(array, pad_width, mode="constant")`: `array` with `pad_width[d] = [before, after]`
 * elements added along each axis, set to `constantValues` or, in "edge" mode, to the edge value.
 * @example nt.pad([1, 2], [[1, 2]], { constantValues: 9 }) // [9, 1, 2, 9, 9]
 */
export const pad = arrayOp(function pad(array: ArrayLike, padWidth: PadWidth, options: PadOptions = {}): BlockArray {
  const mode = options.mode ?? "constant";
  if (mode !== "constant" && mode !== "edge") {
    if (OTHER_MODES.includes(mode)) throw new ShapeError(`pad: mode '${mode}' is not implemented in numts (use 'constant' or 'edge')`);
    throw new ShapeError(`mode '${String(mode)}' is not supported`);
  }
  if (mode === "edge" && options.constantValues !== undefined) {
    throw new ShapeError("unsupported keyword arguments for mode 'edge': {'constant_values'}");
  }
  return withData(array, "pad: array", (x) => {
    const widths = asPairs(padWidth, x.ndim, "pad_width", true);
    if (mode === "edge") {
      widths.forEach(([b, a], d) => {
        if (x.shape[d] === 0 && (b > 0 || a > 0)) {
          throw new ShapeError(`can't extend empty axis ${d} using modes other than 'constant' or 'empty'`);
        }
      });
      return wrap(planPad(x, widths, { kind: "edge" }));
    }
    const values = asPairs(options.constantValues ?? 0, x.ndim, "constant_values", false).map(
      ([b, a]): [number, number] => [storedAs(b, x.dtype), storedAs(a, x.dtype)],
    );
    return wrap(planPad(x, widths, { kind: "constant", values }));
  });
});
