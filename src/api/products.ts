// SPDX-License-Identifier: Apache-2.0
/** `vdot`, `inner` and `outer`: the vector products of NumPy, over arrays of any dimension. */
import { resolveUfunc } from "../array/ufunc-resolve.js";
import { ShapeError } from "../errors.js";
import { elementwise } from "../plan/elementwise.js";
import { reshape } from "../plan/reshape.js";
import { expandDimsView } from "../plan/views.js";
import type { BlockArray } from "./block-array.js";
import { contractArrays, multiplyArrays, resultType, shapeText, withArrays } from "./contract-args.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";

/**
 * The dot product of two arrays read flat (NumPy's `vdot`; numts has no complex dtypes, so nothing
 * is conjugated). The arrays may have different shapes but must have the same size.
 *
 * @example
 * const s = await nt.vdot(a, b).item();
 * @throws ShapeError when the sizes differ ("cannot reshape array of size 4 into shape (3,)")
 */
export const vdot = arrayOp(function vdot(a: ArrayLike, b: ArrayLike): BlockArray {
  return withArrays("vdot", [a, b], ([x, y]) => {
    if (x!.size !== y!.size) throw new ShapeError(`cannot reshape array of size ${y!.size} into shape (${x!.size},)`);
    const dtype = resultType([x!, y!]);
    if (x!.shape.every((n, i) => n === y!.shape[i]) && x!.ndim === y!.ndim) {
      const labels = x!.shape.map((_, i) => i);
      return contractArrays([x!, y!], [labels, labels], [], dtype);
    }
    const fx = reshape(x!, [x!.size]);
    const fy = reshape(y!, [y!.size]);
    try {
      return contractArrays([fx, fy], [[0], [0]], [], dtype);
    } finally {
      fx.release();
      fy.release();
    }
  });
});

/**
 * NumPy's `inner`: sums over the last axes of both arrays (a 0-d operand multiplies); the result's
 * shape is `a.shape[:-1] + b.shape[:-1]`.
 *
 * @example
 * const g = nt.inner(x, x);          // Gram matrix of x's rows
 * @throws ShapeError when the last axes differ in length
 */
export const inner = arrayOp(function inner(a: ArrayLike, b: ArrayLike): BlockArray {
  return withArrays("inner", [a, b], ([x, y]) => {
    if (x!.ndim === 0 || y!.ndim === 0) return multiplyArrays(x!, y!);
    const ax = x!.ndim - 1;
    const ay = y!.ndim - 1;
    if (x!.shape[ax] !== y!.shape[ay]) {
      // NumPy computes inner as dot(a, b with its last two axes swapped) and reports that.
      const swapped = ay === 0 ? y!.shape : [...y!.shape.slice(0, -2), y!.shape[ay]!, y!.shape[ay - 1]!];
      throw new ShapeError(
        `shapes ${shapeText(x!.shape)} and ${shapeText(swapped)} not aligned: ${x!.shape[ax]} (dim ${ax}) != ${y!.shape[ay]} (dim ${Math.max(ay - 1, 0)})`,
      );
    }
    // x's free axes 0..ax-1, y's free axes after them; the last axes share one label.
    const k = x!.ndim + y!.ndim;
    const lx = x!.shape.map((_, i) => (i === ax ? k : i));
    const ly = y!.shape.map((_, i) => (i === ay ? k : ax + i));
    const out = [...lx.slice(0, -1), ...ly.slice(0, -1)];
    return contractArrays([x!, y!], [lx, ly], out, resultType([x!, y!]));
  });
});

/**
 * NumPy's `outer`: `out[i, j] = a.flat[i] * b.flat[j]`, with multiply's dtypes. It is a lazy
 * elementwise product of broadcast views, so it fuses into whatever consumes it.
 *
 * @example
 * const m = nt.outer(u, v);
 */
export const outer = arrayOp(function outer(a: ArrayLike, b: ArrayLike): BlockArray {
  return withArrays("outer", [a, b], ([x, y]) => {
    const fx = reshape(x!, [x!.size]);
    const fy = reshape(y!, [y!.size]);
    const col = expandDimsView(fx, [1]);
    const row = expandDimsView(fy, [0]);
    try {
      const loop = resolveUfunc("multiply", [{ dtype: x!.dtype }, { dtype: y!.dtype }]);
      return wrap(elementwise("multiply", [col, row], loop.inputs, loop.output, [fx.size, fy.size]));
    } finally {
      for (const t of [fx, fy, col, row]) t.release();
    }
  });
});
