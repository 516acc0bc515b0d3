// SPDX-License-Identifier: Apache-2.0
/**
 * The native sorting kernels (native/sort/): radix sorts of order-preserving keys, NumPy's stable
 * order bit for bit. They take the common layouts (1-D pieces with unit stride, any strided view
 * for splitting and lanes); anything else falls back to the reference kernels.
 */
import { DTYPE_CODE, type TypedArray } from "../../array/dtype.js";
import type { KernelFn, KernelTable } from "../manifest.js";
import type { SortKernelAttrs } from "../sort-manifest.js";
import { isDense } from "../ts/sort/order.js";
import type { View } from "../view.js";
import type { NativeAddon } from "./addon.js";

declare module "./addon.js" {
  interface NativeAddon {
    sortPieces(
      dtype: number,
      values: readonly TypedArray[],
      offsets: readonly number[],
      lengths: readonly number[],
      indices: readonly TypedArray[] | null,
      indexOffsets: readonly number[] | null,
      outValues: TypedArray | null,
      outIndices: TypedArray | null,
      bins: number,
      binCounts: readonly number[] | null,
      byIndex: boolean,
    ): void;
    sortSplit(
      dtype: number,
      x: TypedArray,
      offset: number,
      shape: readonly number[],
      strides: readonly number[],
      indexBase: number,
      indexStrides: readonly number[],
      splitValues: readonly number[],
      splitIndices: readonly number[],
      mode: 0 | 1 | 2,
      outValues: readonly TypedArray[],
      outIndices: readonly TypedArray[] | null,
      pieces: readonly number[],
      bins: number,
      ranges: readonly number[],
      scratch: TypedArray | null,
    ): number[];
    sortLanes(
      dtype: number,
      x: TypedArray,
      offset: number,
      shape: readonly number[],
      strides: readonly number[],
      axis: number,
      outValues: TypedArray | null,
      outIndices: TypedArray | null,
    ): void;
    selectCount(dtype: number, x: TypedArray, offset: number, n: number, edges: readonly (readonly number[])[]): number[];
    selectCollect(dtype: number, x: TypedArray, offset: number, n: number, intervals: readonly (readonly number[])[]): number[];
    runStats(dtype: number, values: TypedArray, offset: number, n: number, indices: TypedArray | null, indexOffset: number, split: number): number[];
    sortRuns(
      dtype: number,
      values: TypedArray,
      offset: number,
      n: number,
      indices: TypedArray | null,
      indexOffset: number,
      mode: number,
      split: number,
      skipFirst: boolean,
      lastExtra: number,
      lastHasB: boolean,
      outValues: TypedArray | null,
      outIndex: TypedArray | null,
      outCounts: TypedArray | null,
    ): void;
  }
}

/** A contiguous output view as the typed array the addon writes from element 0. */
function out(v: View | undefined): TypedArray | null {
  return v ? v.data.subarray(v.offset) : null;
}

function sortLanes(addon: NativeAddon): KernelFn<"sort"> {
  return (inputs, outputs, { axis, emit }) => {
    const x = inputs[0]!;
    if (x.shape.some((d) => d === 0)) return;
    const values = emit === "indices" ? undefined : outputs[0];
    const indices = emit === "values" ? undefined : outputs[emit === "both" ? 1 : 0];
    addon.sortLanes(DTYPE_CODE[x.dtype], x.data, x.offset, x.shape, x.strides, axis ?? -1, out(values), out(indices));
  };
}

function sortSplit(addon: NativeAddon): KernelFn<"sortSplit"> {
  return (inputs, outputs, attrs) => {
    const x = inputs[0]!;
    const { pieces, withIndex } = attrs;
    const scratch = attrs.scratch ? out(outputs[outputs.length - 1]) : null;
    if (attrs.scratch) outputs = outputs.slice(0, -1);
    const nv = pieces ? pieces.length : outputs.length === 0 ? 0 : 1;
    const mode = outputs.length === 0 ? 0 : pieces ? 2 : 1;
    const vs = outputs.slice(0, nv).map((o) => out(o)!);
    const is = withIndex && mode !== 0 ? outputs.slice(nv).map((o) => out(o)!) : null;
    return addon.sortSplit(DTYPE_CODE[x.dtype], x.data, x.offset, x.shape, x.strides, attrs.indexBase, attrs.indexStrides, attrs.splitValues, attrs.splitIndices, mode, vs, is, pieces ?? [], attrs.bins, attrs.ranges, scratch);
  };
}

function sortPieces(addon: NativeAddon, fallback: KernelFn<"sortPieces">): KernelFn<"sortPieces"> {
  return (inputs, outputs, attrs) => {
    const { withIndex, emit, runs, split } = attrs;
    if (inputs.some((v) => v.shape[0]! > 1 && v.strides[0] !== 1) || (runs && emit === "indices")) return fallback(inputs, outputs, attrs);
    const m = withIndex ? inputs.length / 2 : inputs.length;
    const vals = inputs.slice(0, m);
    const idx = withIndex ? inputs.slice(m) : null;
    const values = emit === "indices" ? undefined : outputs[0];
    const indices = emit === "values" ? undefined : outputs[emit === "both" ? 1 : 0];
    addon.sortPieces(
      DTYPE_CODE[vals[0]!.dtype],
      vals.map((v) => v.data),
      vals.map((v) => v.offset),
      vals.map((v) => v.shape[0]!),
      idx ? idx.map((v) => v.data) : null,
      idx ? idx.map((v) => v.offset) : null,
      out(values),
      // Indices are carried only when they are output (equal keys are kept in input order anyway).
      withIndex ? out(indices) : null,
      attrs.bins,
      attrs.binCounts,
      attrs.byIndex,
    );
    if (!runs) return undefined;
    const v = values!;
    return addon.runStats(DTYPE_CODE[v.dtype], v.data, v.offset, v.shape[0]!, indices ? indices.data : null, indices ? indices.offset : 0, split);
  };
}

function select(addon: NativeAddon, fallback: KernelFn<"select">): KernelFn<"select"> {
  return (inputs, outputs, attrs) => {
    const x = inputs[0]!;
    if (attrs.positions || !isDense(x)) return fallback(inputs, outputs, attrs);
    const n = x.shape.reduce((p, d) => p * d, 1);
    const f = attrs.collect ? addon.selectCollect : addon.selectCount;
    return f.call(addon, DTYPE_CODE[x.dtype], x.data, x.offset, n, attrs.edges);
  };
}

const RUN_MODES = { unique: 0, union: 1, intersect: 2, setdiff: 3 } as const;

function sortRuns(addon: NativeAddon): KernelFn<"sortRuns"> {
  return (inputs, outputs, { mode, split, skipFirst, lastExtra, lastHasB, emit }) => {
    const [values, indices] = inputs as [View, View | undefined];
    const at = (what: "values" | "index" | "counts") => out(emit.includes(what) ? outputs[emit.indexOf(what)] : undefined);
    addon.sortRuns(DTYPE_CODE[values.dtype], values.data, values.offset, values.shape[0]!, indices ? indices.data : null, indices ? indices.offset : 0, RUN_MODES[mode], split, skipFirst, lastExtra, lastHasB, at("values"), at("index"), at("counts"));
  };
}

/** The native sorting kernels, falling back to `ts` where a layout is not supported. */
export function nativeSortKernels(addon: NativeAddon, ts: Pick<KernelTable, keyof SortKernelAttrs>): Partial<KernelTable> {
  return {
    sort: sortLanes(addon),
    sortSplit: sortSplit(addon),
    sortPieces: sortPieces(addon, ts.sortPieces),
    sortRuns: sortRuns(addon),
    select: select(addon, ts.select),
  };
}
