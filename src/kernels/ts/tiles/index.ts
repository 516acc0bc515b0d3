// SPDX-License-Identifier: Apache-2.0
/** The TypeScript tile kernels of the distributed factorizations (reference and fallback). */
import type { KernelTable } from "../../manifest.js";
import { applyHouseholder, householder } from "./compact-wy.js";
import { panelLu } from "./panel-lu.js";
import { luSlogdet, rowExchange } from "./row-exchange.js";
import { schurUpdate } from "./schur-update.js";
import { tournament } from "./tournament.js";

export type TileKernelName = "schurUpdate" | "tournament" | "panelLu" | "rowExchange" | "luSlogdet" | "householder" | "applyHouseholder";

export const tileKernels: Pick<KernelTable, TileKernelName> = {
  schurUpdate,
  tournament,
  panelLu,
  rowExchange,
  luSlogdet,
  householder,
  applyHouseholder,
};
