// SPDX-License-Identifier: Apache-2.0
/** The native tile kernels; the row exchange and slogdet only move or read a few rows and stay TypeScript. */
import type { KernelTable } from "../../manifest.js";
import type { TileKernelName } from "../../ts/tiles/index.js";
import type { LapackAddon } from "../linalg/lapack-addon.js";
import { nativeApplyHouseholder, nativeHouseholder } from "./compact-wy.js";
import { nativePanelLu } from "./panel-lu.js";
import { nativeSchurUpdate } from "./schur-update.js";
import type { TileAddon } from "./tile-addon.js";
import { nativeTournament } from "./tournament.js";

export function nativeTileKernels(addon: LapackAddon & TileAddon, ts: KernelTable): Pick<KernelTable, TileKernelName> {
  return {
    schurUpdate: nativeSchurUpdate(addon, ts.schurUpdate),
    tournament: nativeTournament(addon, ts.tournament),
    panelLu: nativePanelLu(addon, ts.panelLu),
    rowExchange: ts.rowExchange,
    luSlogdet: ts.luSlogdet,
    householder: nativeHouseholder(addon, ts.householder),
    applyHouseholder: nativeApplyHouseholder(addon, ts.applyHouseholder),
  };
}
