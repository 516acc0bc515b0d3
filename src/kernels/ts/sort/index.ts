// SPDX-License-Identifier: Apache-2.0
/** The reference sorting, searching, set and statistics kernels (see kernels/sort-manifest.ts). */
import type { KernelTable } from "../../manifest.js";
import type { SortKernelAttrs } from "../../sort-manifest.js";
import { bincount, histogram } from "./histogram.js";
import { sortPieces } from "./pieces.js";
import { quantile } from "./quantile.js";
import { sortRuns } from "./runs.js";
import { sortSample, sortSplit } from "./sample-split.js";
import { isin, searchsorted } from "./search.js";
import { select } from "./select.js";
import { sort } from "./sort-lanes.js";

export const sortKernels: Pick<KernelTable, keyof SortKernelAttrs> = {
  sort,
  sortSample,
  sortSplit,
  sortPieces,
  sortRuns,
  searchsorted,
  isin,
  quantile,
  select,
  histogram,
  bincount,
};
