// SPDX-License-Identifier: Apache-2.0
/**
 * The `nt.linalg` namespace: NumPy's `numpy.linalg` on distributed arrays (plus scipy's
 * `solve_triangular` and a randomized SVD). docs/linalg.md describes the algorithms.
 */
export { cholesky } from "./cholesky.js";
export type { CholeskyOptions } from "./cholesky.js";
export { cond } from "./cond.js";
export { det, slogdet } from "./det.js";
export type { SlogdetResult } from "./det.js";
export { EIGH_LIMIT, eigh, eigvalsh } from "./eigh.js";
export type { EighOptions, EighResult } from "./eigh.js";
export { gram, gramAndProduct } from "./gram.js";
export type { GramOptions } from "./gram.js";
export { lstsq } from "./lstsq.js";
export type { LstsqOptions, LstsqResult } from "./lstsq.js";
export { matrixPower } from "./matrix-power.js";
export { multiDot } from "./multi-dot.js";
export { norm } from "./norm.js";
export type { NormOptions, NormOrder } from "./norm.js";
export { matrixRank, pinv } from "./pinv.js";
export type { MatrixRankOptions, PinvOptions } from "./pinv.js";
export { qr } from "./qr.js";
export type { QRResult, QrMode, QrOptions } from "./qr.js";
export { inv, solve } from "./solve.js";
export type { SolveOptions } from "./solve.js";
export { solveTriangular } from "./solve-triangular.js";
export type { SolveTriangularOptions } from "./solve-triangular.js";
export { svd, svdCompressed, svdvals } from "./svd.js";
export type { SVDResult, SvdCompressedOptions, SvdOptions } from "./svd.js";
export { LinAlgError } from "../../errors.js";
