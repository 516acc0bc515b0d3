// SPDX-License-Identifier: Apache-2.0
/**
 * `matmul` and `dot`: matrix products with NumPy's rules, planned as contractions (one gemm op
 * per output block over a block row × block column, BLAS reading blocks and transposed views in
 * place).
 */
import { ShapeError } from "../errors.js";
import type { BlockArray } from "./block-array.js";
import { contractArrays, multiplyArrays, remappedText, resultType, shapeText, withArrays } from "./contract-args.js";
import type { ArrayLike } from "./convert.js";
import { arrayOp } from "./op.js";

const SIGNATURE = "(n?,k),(k,m?)->(n?,m?)";

/** NumPy's message when batch dimensions do not broadcast (the ufunc iterator's wording). */
function batchMismatch(shapes: readonly (readonly number[])[], nbatch: number, core: readonly number[]): ShapeError {
  const remapped = shapes.map((s) => {
    const batch = s.slice(0, -2);
    const dims = [...Array<number>(nbatch - batch.length).fill(-1), ...batch, -1, -1];
    return `${shapeText(s)}->${remappedText(dims)} `;
  });
  return new ShapeError(
    `operands could not be broadcast together with remapped shapes [original->remapped]: ${remapped.join("")} and requested shape ${shapeText(core)}`,
  );
}

/**
 * The matrix product of two arrays (NumPy's `matmul`, the `@` operator): 1-D operands are promoted
 * to a row (first) or column (second) vector and the added axis removed from the result; N-D
 * operands are stacks of matrices in the last two axes whose batch axes broadcast.
 *
 * @example
 * const c = nt.matmul(a, b);        // or a.matmul(b)
 * @param x1 - left operand (at least 1-D)
 * @param x2 - right operand (at least 1-D)
 * @throws ShapeError for 0-d operands, mismatched core dimensions or batch axes that do not broadcast
 */
export const matmul = arrayOp(function matmul(x1: ArrayLike, x2: ArrayLike): BlockArray {
  return withArrays("matmul", [x1, x2], ([a, b]) => {
    [a!, b!].forEach((x, i) => {
      if (x.ndim === 0) {
        throw new ShapeError(`matmul: Input operand ${i} does not have enough dimensions (has 0, gufunc core with signature ${SIGNATURE} requires 1)`);
      }
    });
    const sa = a!.shape;
    const sb = b!.shape;
    const ka = sa[sa.length - 1]!;
    const kb = sb.length === 1 ? sb[0]! : sb[sb.length - 2]!;
    if (ka !== kb) {
      throw new ShapeError(`matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature ${SIGNATURE} (size ${kb} is different from ${ka})`);
    }
    const ba = sa.slice(0, -2);
    const bb = sb.slice(0, -2);
    const nbatch = Math.max(ba.length, bb.length);
    const batch: number[] = [];
    for (let i = 0; i < nbatch; i++) {
      const da = ba[i - (nbatch - ba.length)] ?? 1;
      const db = bb[i - (nbatch - bb.length)] ?? 1;
      if (da !== db && da !== 1 && db !== 1) {
        throw batchMismatch([sa, sb], nbatch, [sa[sa.length - 2]!, sb[sb.length - 1]!]);
      }
      batch.push(i);
    }
    // Labels: batch axes 0..nbatch-1 (right-aligned), then n, k, m.
    const [n, k, m] = [nbatch, nbatch + 1, nbatch + 2];
    const la = sa.length === 1 ? [k] : [...batch.slice(nbatch - ba.length), n, k];
    const lb = sb.length === 1 ? [k] : [...batch.slice(nbatch - bb.length), k, m];
    const out = [...batch, ...(sa.length > 1 ? [n] : []), ...(sb.length > 1 ? [m] : [])];
    return contractArrays([a!, b!], [la, lb], out, resultType([a!, b!]));
  });
});

/**
 * NumPy's `dot`: a product of 0-d operands, the inner product of vectors, the matrix product of
 * matrices, and for N-D operands a sum over the last axis of `a` and the second-to-last of `b`
 * (the last of `b` when it is 1-D).
 *
 * @example
 * const s = nt.dot(x, y);           // or x.dot(y)
 * @throws ShapeError when the summed axes differ in length ("shapes (2,3) and (4,5) not aligned")
 */
export const dot = arrayOp(function dot(a: ArrayLike, b: ArrayLike): BlockArray {
  return withArrays("dot", [a, b], ([x, y]) => {
    if (x!.ndim === 0 || y!.ndim === 0) return multiplyArrays(x!, y!);
    const ax = x!.ndim - 1;
    const ay = y!.ndim === 1 ? 0 : y!.ndim - 2;
    if (x!.shape[ax] !== y!.shape[ay]) {
      throw new ShapeError(
        `shapes ${shapeText(x!.shape)} and ${shapeText(y!.shape)} not aligned: ${x!.shape[ax]} (dim ${ax}) != ${y!.shape[ay]} (dim ${ay})`,
      );
    }
    // Labels: x's axes 0..ax, y's free axes after them; the summed pair shares label ax.
    const lx = x!.shape.map((_, i) => i);
    let next = x!.ndim;
    const ly = y!.shape.map((_, i) => (i === ay ? ax : next++));
    const out = [...lx.slice(0, -1), ...ly.filter((l) => l !== ax)];
    return contractArrays([x!, y!], [lx, ly], out, resultType([x!, y!]));
  });
});
