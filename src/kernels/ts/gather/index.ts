// SPDX-License-Identifier: Apache-2.0
/** The TypeScript indexing kernels (see kernels/gather-manifest.ts). */
import type { GatherKernelAttrs } from "../../gather-manifest.js";
import type { KernelTable } from "../../manifest.js";
import { gather, scatter } from "./gather.js";
import { argwhere, compress, maskCount } from "./mask.js";
import { maskMerge, maskScatter } from "./mask-group.js";
import { gatherMatch } from "./match-gather.js";
import { indexBounds, scatterMatch, selectMerge } from "./match.js";

export const gatherKernels: Pick<KernelTable, keyof GatherKernelAttrs> = {
  gather,
  scatter,
  gatherMatch,
  selectMerge,
  scatterMatch,
  indexBounds,
  maskCount,
  compress,
  argwhere,
  maskMerge,
  maskScatter,
};
