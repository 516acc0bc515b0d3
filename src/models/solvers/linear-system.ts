// SPDX-License-Identifier: Apache-2.0
/**
 * The Newton system H·x = b (p×p, symmetric): uploaded to one node and solved there by Cholesky
 * (native LAPACK kernels), after a symmetric diagonal scaling (Jacobi equilibration, so features
 * on different scales do not cost accuracy). The one place to swap for `nt.linalg.solve` once the
 * distributed linear algebra lands.
 */
import * as nt from "../../index.js";
import { positiveDefiniteSolve } from "../../api/linalg/positive-definite-solve.js";
import { LinAlgError } from "../../errors.js";
import { allFinite } from "./dense.js";

/** x with H·x = b, or null when H is not (numerically) positive definite. */
export async function solvePositiveDefinite(h: Float64Array, b: Float64Array): Promise<Float64Array | null> {
  const p = b.length;
  const scale = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    const d = h[i * p + i]!;
    scale[i] = d > 0 && Number.isFinite(d) ? 1 / Math.sqrt(d) : 1;
  }
  const hs = new Float64Array(p * p);
  const bs = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    bs[i] = b[i]! * scale[i]!;
    for (let j = 0; j < p; j++) hs[i * p + j] = h[i * p + j]! * scale[i]! * scale[j]!;
  }
  using ha = nt.array(hs, { shape: [p, p] });
  using ba = nt.array(bs);
  using xa = positiveDefiniteSolve(ha, ba);
  let x: Float64Array;
  try {
    x = Float64Array.from((await xa.toArray()).data as Float64Array);
  } catch (e) {
    if (e instanceof LinAlgError) return null;
    throw e;
  }
  for (let i = 0; i < p; i++) x[i]! *= scale[i]!;
  return allFinite(x) ? x : null;
}
