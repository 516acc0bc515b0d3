// SPDX-License-Identifier: Apache-2.0
/**
 * numts: NumPy-style block-partitioned arrays for TypeScript, from one machine to a cluster.
 *
 * @example
 * import * as nt from "numts";
 * const x = nt.arange(1e7);
 * console.log(await nt.sum(nt.exp(x.divide(1e7))).item());
 */
export { BlockArray } from "./api/block-array.js";
export { NDArray } from "./array/ndarray.js";
export type { Nested } from "./array/ndarray.js";
export type { Dtype } from "./array/dtype.js";
export type { ArrayLike } from "./api/convert.js";
export * from "./api/creation.js";
export * from "./api/ufuncs.js";
export * from "./api/reductions.js";
export * from "./api/cumulative.js";
export { where, clip, round, around, fix, astype, copy } from "./api/selection.js";
export { rechunk } from "./api/rechunk.js";
export { transpose } from "./api/transpose.js";
export { reshape, ravel, flatten } from "./api/reshape.js";
export { squeeze, expandDims, swapaxes, moveaxis, broadcastTo } from "./api/dims.js";
export { concatenate, stack, vstack, hstack, dstack, columnStack } from "./api/join.js";
export { split, arraySplit, hsplit, vsplit, dsplit } from "./api/split.js";
export { tile, repeat } from "./api/tile-repeat.js";
export { flip, fliplr, flipud, roll } from "./api/rearrange.js";
export { pad } from "./api/pad.js";
export { tril, triu, diag, diagonal } from "./api/triangle.js";
export * as random from "./api/random-namespace.js";
export * as linalg from "./api/linalg/index.js";
export { slice } from "./array/index/slice.js";
export type { Slice } from "./array/index/slice.js";
export type { Index, IndexPart } from "./array/index/parts.js";
export { nonzero, argwhere } from "./api/indexing/nonzero.js";
export { take, takeAlongAxis, type TakeOptions } from "./api/indexing/take.js";
export { put, type PutOptions } from "./api/indexing/put.js";
export { compress, type CompressOptions } from "./api/indexing/compress.js";
export type { ClipMode } from "./api/indexing/index-args.js";
export * as linearModel from "./models/linear-model/index.js";
export * as modelSelection from "./models/model-selection/index.js";
export * as preprocessing from "./models/preprocessing/index.js";
export { sort, argsort, partition, argpartition } from "./api/sort.js";
export { searchsorted } from "./api/searchsorted.js";
export { unique, isin, intersect1d, union1d, setdiff1d } from "./api/sets.js";
export { median, percentile, quantile, nanmedian, nanpercentile, nanquantile } from "./api/quantile.js";
export { histogram, bincount } from "./api/histogram.js";
export { isclose, allclose, arrayEqual, countNonzero } from "./api/closeness.js";
export { matmul, dot } from "./api/matmul.js";
export { vdot, inner, outer } from "./api/products.js";
export { tensordot } from "./api/tensordot.js";
export type { TensordotAxes, TensordotOptions } from "./api/tensordot.js";
export { einsum } from "./api/einsum.js";
export type { EinsumArg, EinsumOptions, EinsumSublist } from "./api/einsum.js";
export { trace } from "./api/trace.js";
export type { TraceOptions } from "./api/trace.js";
export { kron } from "./api/kron.js";
export { init, shutdown, stats, resetStats, explain, progress } from "./api/lifecycle.js";
export type { InitOptions, NodeStats, Explanation, Progress } from "./api/lifecycle.js";
export {
  AxisError,
  DtypeError,
  ExecutionError,
  IndexError,
  LinAlgError,
  NotFittedError,
  OutOfMemoryError,
  OverflowError,
  PendingShapeError,
  RuntimeStateError,
  ShapeError,
  SubscriptError,
} from "./errors.js";
