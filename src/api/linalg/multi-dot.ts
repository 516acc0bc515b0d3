// SPDX-License-Identifier: Apache-2.0
/** `nt.linalg.multiDot`: a chain of distributed matrix products in the cheapest order. */
import { ShapeError } from "../../errors.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, isTemporary, toData, wrap } from "../convert.js";
import { dot } from "../matmul.js";
import { arrayOp } from "../op.js";
import { reshape } from "../reshape.js";
import { require2d } from "./args.js";

/**
 * The split points of the cheapest parenthesization of a chain with dimensions p (matrix i is
 * p[i]×p[i+1]): the classic O(n³) dynamic program (Cormen et al., Introduction to Algorithms
 * §15.2), with NumPy's tie-breaking (the first k with the lowest cost).
 */
export function chainOrder(p: readonly number[]): number[][] {
  const n = p.length - 1;
  const m = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const s = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let l = 1; l < n; l++) {
    for (let i = 0; i < n - l; i++) {
      const j = i + l;
      m[i]![j] = Infinity;
      for (let k = i; k < j; k++) {
        const q = m[i]![k]! + m[k + 1]![j]! + p[i]! * p[k + 1]! * p[j + 1]!;
        if (q < m[i]![j]!) {
          m[i]![j] = q;
          s[i]![j] = k;
        }
      }
    }
  }
  return s;
}

/** dot over the chain i..j in the order `s`; products it makes are disposed once consumed. */
function product(arrays: readonly BlockArray[], s: readonly number[][], i: number, j: number): { x: BlockArray; made: boolean } {
  if (i === j) return { x: arrays[i]!, made: false };
  const left = product(arrays, s, i, s[i]![j]!);
  const right = product(arrays, s, s[i]![j]! + 1, j);
  const out = dot(left.x, right.x);
  for (const p of [left, right]) if (p.made) p.x.dispose();
  return { x: out, made: true };
}

/**
 * The product of two or more arrays in the order with the fewest scalar multiplications (NumPy's
 * `linalg.multi_dot`): the first may be a 1-D row and the last a 1-D column vector; the others
 * must be 2-D. Three arrays compare the two orders directly, more run the chain DP, with NumPy's
 * choices in ties.
 *
 * @example
 * const d = nt.linalg.multiDot([a, b, c, x]);
 * @throws RangeError("Expecting at least two arrays."); LinAlgError for arrays that are not 2-D;
 *   ShapeError for mismatched dimensions (dot's message)
 */
export const multiDot = arrayOp(function multiDot(arrays: readonly ArrayLike[]): BlockArray {
  if (!Array.isArray(arrays) || arrays.length < 2) throw new RangeError("Expecting at least two arrays.");
  if (arrays.length === 2) return dot(arrays[0]!, arrays[1]!);
  const xs = arrays.map((a, i) => {
    const d = toData(a, `multiDot: arrays[${i}]`);
    return wrap(isTemporary(a) ? d : d.retain());
  });
  const parts: BlockArray[] = [...xs];
  try {
    const [ndimFirst, ndimLast] = [xs[0]!.ndim, xs[xs.length - 1]!.ndim];
    if (ndimFirst === 1) xs[0] = parts[parts.push(reshape(xs[0]!, [1, xs[0]!.shape[0]!])) - 1]!;
    const last = xs.length - 1;
    if (ndimLast === 1) xs[last] = parts[parts.push(reshape(xs[last]!, [xs[last]!.shape[0]!, 1])) - 1]!;
    xs.forEach(require2d);
    xs.slice(1).forEach((b, i) => {
      const a = xs[i]!;
      if (a.shape[1] !== b.shape[0]) {
        throw new ShapeError(`shapes (${a.shape.join(",")}) and (${b.shape.join(",")}) not aligned: ${a.shape[1]} (dim 1) != ${b.shape[0]} (dim 0)`);
      }
    });
    let result: BlockArray;
    if (xs.length === 3) {
      const [[a0, a1b0], [b1c0, c1]] = [xs[0]!.shape, xs[2]!.shape] as [[number, number], [number, number]];
      const abFirst = a0 * b1c0 * (a1b0 + c1) < a1b0 * c1 * (a0 + b1c0);
      result = product(xs, [[0, 0, abFirst ? 1 : 0], [0, 0, 1], [0, 0, 0]], 0, 2).x;
    } else {
      result = product(xs, chainOrder([...xs.map((x) => x.shape[0]!), xs[last]!.shape[1]!]), 0, last).x;
    }
    if (ndimFirst === 2 && ndimLast === 2) return result;
    parts.push(result);
    return reshape(result, ndimFirst === 1 && ndimLast === 1 ? [] : [-1]);
  } finally {
    for (const p of parts) p.dispose();
  }
});
