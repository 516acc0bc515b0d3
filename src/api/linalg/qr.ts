// SPDX-License-Identifier: Apache-2.0
/** `nt.linalg.qr`: QR by direct TSQR (tall-skinny) or tiled Householder QR (src/linalg/qr.ts). */
import { qr as planQr } from "../../linalg/qr.js";
import type { BlockArray } from "../block-array.js";
import type { ArrayLike } from "../convert.js";
import { wrap } from "../convert.js";
import { eye, zeros } from "../creation.js";
import { double, held, linalgOp, named, perMatrix, requireStacked2d, rounded } from "./args.js";

export type QrMode = "reduced" | "complete" | "r";

export interface QrOptions {
  /** "reduced" (default): Q m×k, R k×n; "complete": Q m×m, R m×n; "r": R only (k = min(m, n)). */
  mode?: QrMode;
}

/** NumPy's QRResult: `const [Q, R] = nt.linalg.qr(a)` or `nt.linalg.qr(a).Q`. */
export type QRResult = readonly [Q: BlockArray, R: BlockArray] & { readonly Q: BlockArray; readonly R: BlockArray };

function modeOf(options: QrOptions | QrMode | undefined): QrMode {
  const mode = (typeof options === "string" ? options : options?.mode) ?? "reduced";
  if (mode === ("raw" as string)) {
    throw new RangeError("qr: mode 'raw' is not supported (tiled QR keeps its reflectors per tile, not in LAPACK's format); use 'reduced', 'complete' or 'r'");
  }
  if (mode !== "reduced" && mode !== "complete" && mode !== "r") throw new RangeError(`Unrecognized mode '${String(mode)}'`);
  return mode;
}

function qrMatrix(a: BlockArray, mode: QrMode): BlockArray[] {
  const [m, n] = a.shape as [number, number];
  const k = Math.min(m, n);
  const dtype = a.dtype;
  if (k === 0) {
    // NumPy's shapes: Q is the identity in complete mode, R all zeros.
    const r = zeros(mode === "complete" ? [m, n] : [k, n], { dtype });
    if (mode === "r") return [r];
    return [mode === "complete" ? eye(m, { dtype }) : zeros([m, k], { dtype }), r];
  }
  const x = held(a);
  const { q, r } = planQr(x, mode);
  x.release();
  return mode === "r" ? [wrap(r)] : [wrap(q!), wrap(r)];
}

/**
 * The QR factorization of a matrix (NumPy's `linalg.qr`): A = Q·R, Q with orthonormal columns, R
 * upper triangular. Tall-skinny matrices use direct TSQR (row blocks factored where they live, R
 * factors tree-merged), others tiled Householder QR; stacks (…, m, n) factor each matrix. R's
 * diagonal signs may differ from NumPy's (both are valid; QR fixes them only up to sign).
 *
 * @example
 * const [Q, R] = nt.linalg.qr(a);
 * const r = nt.linalg.qr(a, { mode: "r" });
 * @throws LinAlgError for input with fewer than 2 dimensions; RangeError for an unknown mode
 */
export function qr(a: ArrayLike, options: QrOptions & { mode: "r" }): BlockArray;
export function qr(a: ArrayLike, options: "r"): BlockArray;
export function qr(a: ArrayLike, options?: QrOptions | QrMode): QRResult;
export function qr(a: ArrayLike, options?: QrOptions | QrMode): QRResult | BlockArray {
  return qrOp(a, options);
}

const qrOp = linalgOp(function qr(a: ArrayLike, options?: QrOptions | QrMode): QRResult | BlockArray {
  const mode = modeOf(options);
  const { x, dtype } = double(a, "qr: a");
  try {
    requireStacked2d(x);
    const [m, n] = x.shape.slice(-2) as [number, number];
    const k = Math.min(m, n);
    const shapes = mode === "r" ? [[k, n]] : mode === "complete" ? [[m, m], [m, n]] : [[m, k], [k, n]];
    const out = rounded(perMatrix(x, shapes, shapes.map(() => dtype), (mat) => qrMatrix(mat, mode)), dtype);
    return mode === "r" ? out[0]! : named<QRResult>(["Q", "R"], out);
  } finally {
    x.dispose();
  }
}, (_a, options) => (modeOf(options) === "r" ? null : ["Q", "R"]));
