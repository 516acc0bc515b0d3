// SPDX-License-Identifier: Apache-2.0
/**
 * `nt.linalg.svd`, `svdvals` and `svdCompressed`: the SVD by distributed QR then the k×k core on
 * one node (src/linalg/svd.ts), and the randomized SVD of Halko, Martinsson & Tropp for large
 * low-rank matrices.
 */
import { svd as planSvd, SVD_CORE_LIMIT } from "../../linalg/svd.js";
import type { BlockArray } from "../block-array.js";
import { type ArrayLike, wrap } from "../convert.js";
import { eye, zeros } from "../creation.js";
import { matmul } from "../matmul.js";
import { defaultRng } from "../random.js";
import { split } from "../split.js";
import { transpose } from "../transpose.js";
import { double, floatArray, held, linalgOp, named, perMatrix, requireStacked2d, rounded } from "./args.js";
import { qr } from "./qr.js";

export interface SvdOptions {
  /** U is m×m and Vh n×n (default), else m×k and k×n, k = min(m, n). */
  fullMatrices?: boolean;
  /** Compute U and Vh (default); else only the singular values. */
  computeUv?: boolean;
  /** Accepted for NumPy compatibility; the general algorithm runs either way (same values). */
  hermitian?: boolean;
}

/** NumPy's SVDResult: `const [U, S, Vh] = nt.linalg.svd(a)`, or `.U`, `.S`, `.Vh`. */
export type SVDResult = readonly [U: BlockArray, S: BlockArray, Vh: BlockArray] & { readonly U: BlockArray; readonly S: BlockArray; readonly Vh: BlockArray };

function requireCoreSize(m: number, n: number, fn: string): void {
  const k = Math.min(m, n);
  if (k > SVD_CORE_LIMIT) {
    throw new RangeError(`${fn}: min(m, n) = ${k} exceeds ${SVD_CORE_LIMIT}: the k×k core of the SVD is factored on one node (use svdCompressed for a low-rank approximation)`);
  }
}

function svdMatrix(a: BlockArray, fullMatrices: boolean, computeUv: boolean): BlockArray[] {
  const [m, n] = a.shape as [number, number];
  const k = Math.min(m, n);
  const dtype = a.dtype;
  if (k === 0) {
    const s = zeros([0], { dtype });
    if (!computeUv) return [s];
    return fullMatrices ? [eye(m, { dtype }), s, eye(n, { dtype })] : [zeros([m, 0], { dtype }), s, zeros([0, n], { dtype })];
  }
  const x = held(a);
  const r = planSvd(x, fullMatrices, computeUv);
  x.release();
  return computeUv ? [wrap(r.u!), wrap(r.s), wrap(r.vt!)] : [wrap(r.s)];
}

const svdOp = linalgOp(
  function svd(a: ArrayLike, options: SvdOptions = {}): SVDResult | BlockArray {
    const { fullMatrices = true, computeUv = true } = options;
    const { x, dtype } = double(a, "svd: a");
    try {
      requireStacked2d(x);
      const [m, n] = x.shape.slice(-2) as [number, number];
      requireCoreSize(m, n, "svd");
      const k = Math.min(m, n);
      const shapes = !computeUv ? [[k]] : fullMatrices ? [[m, m], [k], [n, n]] : [[m, k], [k], [k, n]];
      const out = rounded(perMatrix(x, shapes, shapes.map(() => dtype), (mat) => svdMatrix(mat, fullMatrices, computeUv)), dtype);
      return computeUv ? named<SVDResult>(["U", "S", "Vh"], out) : out[0]!;
    } finally {
      x.dispose();
    }
  },
  (_a, options) => (options?.computeUv === false ? null : ["U", "S", "Vh"]),
);

/**
 * Singular value decomposition (NumPy's `linalg.svd`): A = U·diag(S)·Vh, S descending. The matrix
 * is first reduced by distributed QR (TSQR for tall-skinny, tiled Householder otherwise; a wide
 * matrix through its transpose); the min(m, n)-square core is then factored on one node (LAPACK
 * gesdd, as NumPy), so min(m, n) is limited to SVD_CORE_LIMIT. Signs of singular vectors may
 * differ from NumPy's (pairs of columns of U and rows of Vh flip together).
 *
 * @example
 * const [U, S, Vh] = nt.linalg.svd(a, { fullMatrices: false });
 * @throws LinAlgError("SVD did not converge") for NaN (and ±Inf, which NumPy mishandles)
 */
export function svd(a: ArrayLike, options: SvdOptions & { computeUv: false }): BlockArray;
export function svd(a: ArrayLike, options?: SvdOptions): SVDResult;
export function svd(a: ArrayLike, options?: SvdOptions): SVDResult | BlockArray {
  return svdOp(a, options);
}

/** The singular values, descending (NumPy's `linalg.svdvals`, `svd(x, compute_uv=False)`). */
export const svdvals = linalgOp((x: ArrayLike): BlockArray => svd(x, { computeUv: false }), (_x: ArrayLike) => null);

export interface SvdCompressedOptions {
  /** The rank of the approximation. */
  k: number;
  /** Extra random directions sampled beyond k (default 10, as Dask). */
  oversampling?: number;
  /** Power iterations, each re-orthonormalized by QR (default 2; improves slowly decaying spectra). */
  powerIterations?: number;
  /** Seed of the random test matrix (nt.random.defaultRng): the same seed gives the same result. */
  seed?: number | bigint;
}

function checkCount(v: unknown, name: string, min: number): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < min) throw new RangeError(`svdCompressed: ${name} must be an integer >= ${min}, got ${String(v)}`);
  return v;
}

/**
 * A rank-k SVD of a large matrix by randomized range finding (Halko, Martinsson & Tropp, "Finding
 * structure with randomness", SIAM Review 53(2), 2011, Algorithms 4.4 and 5.1; Dask's
 * `svd_compressed`): Y = A·Ω for a Gaussian Ω (n × (k + oversampling)), `powerIterations` rounds
 * of Y = A·(Aᵀ·Y) with TSQR re-orthonormalization, Q = qr(Y), then the SVD of the small Qᵀ·A.
 * Everything m- or n-sized stays distributed; only (k + p)-sized factors meet on one node.
 *
 * @example
 * const [U, S, Vh] = nt.linalg.svdCompressed(a, { k: 20, seed: 0 });
 */
export const svdCompressed = linalgOp(
  function svdCompressed(a: ArrayLike, options: SvdCompressedOptions): SVDResult {
    const k = checkCount(options?.k, "k", 1);
    const p = checkCount(options.oversampling ?? 10, "oversampling", 0);
    const iterations = checkCount(options.powerIterations ?? 2, "powerIterations", 0);
    const x = floatArray(a, "svdCompressed: a");
    const trash: BlockArray[] = [x];
    const keep = <T extends BlockArray>(t: T): T => (trash.push(t), t);
    try {
      if (x.ndim !== 2) throw new RangeError(`svdCompressed: a must be 2-D, got ${x.ndim}-D`);
      const [m, n] = x.shape as [number, number];
      if (k > Math.min(m, n)) throw new RangeError(`svdCompressed: k = ${k} exceeds min(m, n) = ${Math.min(m, n)}`);
      const l = Math.min(k + p, m, n);
      const omega = keep(defaultRng(options.seed).standardNormal([n, l], { dtype: x.dtype }));
      const orth = (y: BlockArray): BlockArray => keep(qr(y).Q);
      let q = orth(keep(matmul(x, omega)));
      for (let i = 0; i < iterations; i++) {
        const z = orth(keep(matmul(keep(transpose(x)), q)));
        q = orth(keep(matmul(x, z)));
      }
      const b = keep(matmul(keep(transpose(q)), x));
      const [ub, s, vt] = svd(b, { fullMatrices: false }).map(keep);
      const first = (v: BlockArray, axis: number): BlockArray => split(v, [k], { axis }).map(keep)[0]!;
      const u = matmul(q, first(ub!, 1));
      return named<SVDResult>(["U", "S", "Vh"], [u, first(s!, 0).copy(), first(vt!, 0).copy()]);
    } finally {
      for (const t of trash) t.dispose();
    }
  },
  (_a: ArrayLike, _options: SvdCompressedOptions) => ["U", "S", "Vh"],
);
