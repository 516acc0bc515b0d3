// SPDX-License-Identifier: Apache-2.0
/**
 * NumPy indexing as metadata: index strings and parts, their resolution against a shape into a
 * ResolvedIndex (what every get/set implementation consumes), and the local reference get/set.
 */
export { Slice, slice, normalizeSlice, type NormalizedSlice, type SliceBound } from "./slice.js";
export {
  ELLIPSIS,
  toIndexParts,
  type Index,
  type IndexList,
  type IndexPart,
  type IntegerTypedArray,
  type LiteralIndexPart,
  type OpaqueArray,
} from "./parts.js";
export { parseIndex, INVALID_INDEX_MESSAGE } from "./parse.js";
export { formatIndex, formatDims } from "./format.js";
export { isOpaqueArray } from "./classify.js";
export { resolveIndex } from "./resolve.js";
export {
  bindMaskCounts,
  broadcastIndexShapes,
  isConcrete,
  knownShape,
  type AdvancedBlock,
  type AdvancedEntry,
  type AxisSelection,
  type Dim,
  type ResolvedIndex,
  type ResultAxis,
} from "./resolved.js";
export { checkValueShape, getLocal, setLocal } from "./apply-local.js";
