// SPDX-License-Identifier: Apache-2.0
/**
 * `nt.linalg.eigh` and `eigvalsh`: the symmetric eigenproblem on one node. The matrix is gathered
 * into one block on its first block's node and LAPACK syevd runs there (as NumPy), so n is limited
 * to EIGH_LIMIT; a distributed tridiagonalization is not implemented.
 */
import { ArrayGrid } from "../../array/grid.js";
import { stridesOf } from "../../array/shape.js";
import { oneBlock } from "../../linalg/svd.js";
import { run } from "../../linalg/tiles.js";
import { ArrayData } from "../../plan/array-data.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, wrap } from "../convert.js";
import { eye, zeros } from "../creation.js";
import { double, held, linalgOp, named, perMatrix, requireSquare, requireStacked2d, rounded } from "./args.js";

/** The largest n whose eigenproblem runs (on one node: 2 GiB of float64 for A, as much for V). */
export const EIGH_LIMIT = 16384;

export interface EighOptions {
  /** Which triangle is read: "L" (default) or "U". */
  UPLO?: "L" | "U";
}

/** NumPy's EighResult: `const [w, v] = nt.linalg.eigh(a)`, or `.eigenvalues`, `.eigenvectors`. */
export type EighResult = readonly [eigenvalues: BlockArray, eigenvectors: BlockArray] & {
  readonly eigenvalues: BlockArray;
  readonly eigenvectors: BlockArray;
};

function uploOf(options: EighOptions | "L" | "U" | undefined): "L" | "U" {
  const uplo = (typeof options === "string" ? options : options?.UPLO) ?? "L";
  if (uplo !== "L" && uplo !== "U") throw new RangeError("UPLO argument must be 'L' or 'U'");
  return uplo;
}

function eighMatrix(a: BlockArray, uplo: "L" | "U", computeV: boolean): BlockArray[] {
  const n = a.shape[0]!;
  const dtype = a.dtype;
  if (n === 0) return computeV ? [zeros([0], { dtype }), eye(0, { dtype })] : [zeros([0], { dtype })];
  const x = held(a);
  const whole = oneBlock(x);
  x.release();
  const slot = whole.slots[0]!;
  const outputs = [{ dtype, shape: [n] }, ...(computeV ? [{ dtype, shape: [n, n] }] : [])];
  const blocks = run("eigh", { uplo, computeV }, [{ block: slot.block, offset: slot.offset, shape: [n, n], strides: slot.strides }], outputs, slot.block.node < 0 ? 0 : slot.block.node, true);
  whole.release();
  return blocks.map((b) => wrap(ArrayData.fromSlots(ArrayGrid.fromChunks(b.shape, b.shape.map((d) => [d])), dtype, [{ block: b, offset: 0, strides: stridesOf(b.shape) }])));
}

function eighStack(a: ArrayLike, uplo: "L" | "U", computeV: boolean, fn: string): BlockArray[] {
  const { x, dtype } = double(a, `${fn}: a`);
  try {
    requireStacked2d(x);
    requireSquare(x);
    const n = x.shape[x.ndim - 1]!;
    if (n > EIGH_LIMIT) throw new RangeError(`${fn}: n = ${n} exceeds ${EIGH_LIMIT}: the eigenproblem is solved on one node`);
    const shapes = computeV ? [[n], [n, n]] : [[n]];
    return rounded(perMatrix(x, shapes, shapes.map(() => dtype), (m) => eighMatrix(m, uplo, computeV)), dtype);
  } finally {
    x.dispose();
  }
}

/**
 * Eigenvalues (ascending) and eigenvectors (columns) of a symmetric matrix (NumPy's
 * `linalg.eigh`), read from its lower (or upper) triangle. Runs on one node (n ≤ EIGH_LIMIT).
 * Eigenvector signs may differ from NumPy's.
 *
 * @example
 * const [w, v] = nt.linalg.eigh(a);
 * @throws LinAlgError for non-square input; RangeError beyond EIGH_LIMIT; the result rejects with
 *   LinAlgError("Eigenvalues did not converge") for NaN in the triangle read.
 */
export const eigh = linalgOp(
  (a: ArrayLike, options?: EighOptions | "L" | "U"): EighResult => named<EighResult>(["eigenvalues", "eigenvectors"], eighStack(a, uploOf(options), true, "eigh")),
  (_a: ArrayLike, _options?: EighOptions | "L" | "U") => ["eigenvalues", "eigenvectors"],
);

/** The eigenvalues of a symmetric matrix, ascending (NumPy's `linalg.eigvalsh`). */
export const eigvalsh = linalgOp((a: ArrayLike, options?: EighOptions | "L" | "U"): BlockArray => eighStack(a, uploOf(options), false, "eigvalsh")[0]!, (_a: ArrayLike, _o?: EighOptions | "L" | "U") => null);
