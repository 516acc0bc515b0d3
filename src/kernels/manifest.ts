// SPDX-License-Identifier: Apache-2.0
/**
 * The manifest of block kernels: every kernel's name and the type of its attributes. This is the
 * whole RPC surface between the runtime and the kernels (NumS's kernel_interface, typed). A kernel
 * receives input views and preallocated contiguous output views plus its attrs, and fills the
 * outputs; it never sees nodes or placement. Attrs must survive structured clone (plain data and
 * typed arrays) so they can cross worker and network boundaries.
 */
import type { Dtype } from "../array/dtype.js";
import type { ReduceOp } from "./ops.js";
import type { Program } from "./program.js";
import type { SortKernelAttrs } from "./sort-manifest.js";
import type { View } from "./view.js";

export interface FusedAttrs {
  readonly program: Program;
}

/**
 * Reduce the value computed by `program` (one result) over `axes` of the block. Outputs are the
 * partial states of `op` (see REDUCE_STATES), each with the block's shape and reduced axes of
 * length 1. For arg-reductions, the index written is global:
 * `sum over reduced axes d of (indexBase[d] + i_d) * indexStrides[d]`.
 */
export interface ReduceAttrs {
  readonly op: ReduceOp;
  readonly program: Program;
  readonly axes: readonly number[];
  readonly indexBase?: readonly number[];
  readonly indexStrides?: readonly number[];
}

/** Merge two partial states of `op` elementwise: inputs are A's state views then B's. */
export interface CombineAttrs {
  readonly op: ReduceOp;
}

/**
 * C = A · B for 2-D views (A m×k, B k×n), or a batch of them when the views have leading batch
 * axes (all equal). Transposed inputs arrive as views with swapped strides. With `accumulate`, a
 * third input C0 (m×n) is added: C = A·B + C0.
 */
export interface GemmAttrs {
  readonly accumulate?: boolean;
}

/**
 * Assemble one output block from regions of input views: input i is written at output
 * coordinates `starts[i]` (its shape is the region's). Elements no region covers get `fill`.
 */
export interface AssembleAttrs {
  readonly starts: readonly (readonly number[])[];
  readonly fill: number;
}

/** Elements of an array defined by their global C-order index (creation routines). */
export interface GenerateAttrs {
  /** Global shape of the array being generated and the block's start coordinates in it. */
  readonly globalShape: readonly number[];
  readonly blockStart: readonly number[];
  readonly generator: Generator;
}

export type Generator =
  | { readonly kind: "arange"; readonly start: number; readonly step: number }
  | { readonly kind: "linspace"; readonly start: number; readonly stop: number; readonly num: number; readonly endpoint: boolean }
  | { readonly kind: "eye"; readonly k: number }
  | { readonly kind: "tri"; readonly k: number }
  | { readonly kind: "hashed"; readonly salt: number; readonly scale: number }
  | { readonly kind: "random"; readonly distribution: string; readonly key: readonly [number, number]; readonly params: readonly number[] };

/** Inclusive scan (cumsum/cumprod) along `axis`; an optional second input is the carry-in. */
export interface ScanAttrs {
  readonly op: "cumsum" | "cumprod" | "nancumsum" | "nancumprod";
  readonly axis: number;
  readonly hasCarry: boolean;
}

/** Kernel name → attrs. Adding a kernel means adding it here, in kernels/ts, and (optionally) native. */
export interface KernelAttrs extends SortKernelAttrs {
  fused: FusedAttrs;
  reduce: ReduceAttrs;
  combine: CombineAttrs;
  gemm: GemmAttrs;
  assemble: AssembleAttrs;
  generate: GenerateAttrs;
  scan: ScanAttrs;
}

export type KernelName = keyof KernelAttrs;

/** A kernel may return a small plain value (e.g. a count) that travels back to the driver. */
export type KernelResult = void | number | readonly number[];

export type KernelFn<N extends KernelName> = (inputs: readonly View[], outputs: readonly View[], attrs: KernelAttrs[N]) => KernelResult;

export type KernelTable = { readonly [N in KernelName]: KernelFn<N> };

/** The output dtypes of each reduction's partial state, given the dtype of the reduced value. */
export function reduceStateDtypes(op: ReduceOp, valueDtype: Dtype, sumDtype: Dtype): Dtype[] {
  switch (op) {
    case "sum":
    case "prod":
    case "nansum":
    case "nanprod":
      return [sumDtype];
    case "min":
    case "max":
    case "nanmin":
    case "nanmax":
      return [valueDtype];
    case "argmin":
    case "argmax":
    case "nanargmin":
    case "nanargmax":
      return [valueDtype, "float64"];
    case "all":
    case "any":
      return ["bool"];
    case "moments":
    case "nanmoments":
      return ["float64", "float64", "float64"];
  }
}
