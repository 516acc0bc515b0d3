// SPDX-License-Identifier: Apache-2.0
/** `kron`: the Kronecker product (NumPy's rules for operands of different dimensions). */
import { kron as kronPlan } from "../plan/kron.js";
import { expandDimsView } from "../plan/views.js";
import type { BlockArray } from "./block-array.js";
import { castTo, multiplyArrays, resultType, withArrays } from "./contract-args.js";
import { type ArrayLike, wrap } from "./convert.js";
import { arrayOp } from "./op.js";

/**
 * The Kronecker product: a block array whose block (i, j, ...) is `a[i, j, ...] * b`. The operand
 * with fewer dimensions gets leading length-1 axes; a 0-d operand multiplies.
 *
 * @example
 * const k = nt.kron(nt.eye(3), m);   // block-diagonal with three copies of m
 */
export const kron = arrayOp(function kron(a: ArrayLike, b: ArrayLike): BlockArray {
  return withArrays("kron", [a, b], ([x, y]) => {
    if (x!.ndim === 0 || y!.ndim === 0) return multiplyArrays(x!, y!);
    const nd = Math.max(x!.ndim, y!.ndim);
    const lead = (z: typeof x) => Array.from({ length: nd - z!.ndim }, (_, i) => i);
    const dtype = resultType([x!, y!]);
    const xs = [x!, y!].map((z) => {
      const c = castTo(z, dtype);
      if (c.ndim === nd) return c;
      const e = expandDimsView(c, lead(c));
      c.release();
      return e;
    });
    try {
      return wrap(kronPlan(xs[0]!, xs[1]!, dtype));
    } finally {
      for (const z of xs) z.release();
    }
  });
});
