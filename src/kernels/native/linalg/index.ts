// SPDX-License-Identifier: Apache-2.0
/** The native linear-algebra kernels, each falling back to its TypeScript twin for other dtypes. */
import type { KernelTable } from "../../manifest.js";
import { nativeCholesky } from "./cholesky.js";
import { nativeGemv, nativeGram } from "./gram.js";
import { nativeGlmGram } from "./glm-gram.js";
import type { TileAddon } from "../tiles/tile-addon.js";
import type { LapackAddon } from "./lapack-addon.js";
import { nativeInverse, nativeLu, nativeLuSolve, nativeSlogdet } from "./lu.js";
import { nativeQr } from "./qr.js";
import { nativeEigh, nativeSvd } from "./spectral.js";
import { nativeTriangularSolve } from "./triangular.js";

type LinalgName = "qr" | "cholesky" | "lu" | "luSolve" | "triangularSolve" | "gram" | "glmGram" | "gemv" | "svd" | "eigh" | "inverse" | "slogdet";

export function nativeLinalgKernels(addon: LapackAddon & TileAddon, ts: KernelTable): Pick<KernelTable, LinalgName> {
  return {
    qr: nativeQr(addon, ts.qr),
    cholesky: nativeCholesky(addon, ts.cholesky),
    lu: nativeLu(addon, ts.lu),
    luSolve: nativeLuSolve(addon, ts.luSolve),
    triangularSolve: nativeTriangularSolve(addon, ts.triangularSolve),
    gram: nativeGram(addon, ts.gram),
    glmGram: nativeGlmGram(addon, ts.glmGram),
    gemv: nativeGemv(addon, ts.gemv),
    svd: nativeSvd(addon, ts.svd),
    eigh: nativeEigh(addon, ts.eigh),
    inverse: nativeInverse(addon, ts.inverse),
    slogdet: nativeSlogdet(addon, ts.slogdet),
  };
}
