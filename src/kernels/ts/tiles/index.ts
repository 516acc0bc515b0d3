// SPDX-License-Identifier: Apache-2.0
/** The TypeScript tile kernels of the distributed factorizations (reference and fallback). */
import type { KernelTable } from "../../manifest.js";
import { applyHouseholder, householder } from "./compact-wy.js";
import { luSlogdet, rowExchange } from "./row-exchange.js";
import { schurUpdate } from "./schur-update.js";
import { tournament } from "./tournament.js";

export type TileKernelName = "schurUpdate" | "tournament" | "rowExchange" | "luSlogdet" | "householder" | "applyHouseholder";

export const tileKernels: Pick<KernelTable, TileKernelName> = {
  schurUpdate,
  tournament,
  rowExchange,
  luSlogdet,
  householder,
  applyHouseholder,
};
