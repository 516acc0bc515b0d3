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
 * third input C0 (m×n) is added: C = A·B + C0. With `terms` = t > 1 the inputs are t pairs
 * A1, B1, ..., At, Bt (then C0) and C = Σ Ai·Bi (+ C0): one op sums a block row × block column
 * inside BLAS (beta = 1) without partial blocks.
 */
export interface GemmAttrs {
  readonly accumulate?: boolean;
  readonly terms?: number;
}

/**
 * NumPy's einsum on one block. Input view i has one label per axis (`inputs[i]`; a label repeated
 * within a view reads its diagonal; a broadcast axis has stride 0). The output is contiguous C
 * order over the sizes of the `output` labels, whatever shape the output block is declared with
 * (kron declares merged axes). Labels not in `output` are summed. With `terms` = t > 1 the inputs
 * are t consecutive groups of operands and the output is the sum of the groups' results (summed
 * labels may have different sizes in each group). Inputs have the output's dtype; bool sums are
 * logical or, integer sums wrap like NumPy's.
 */
export interface EinsumAttrs {
  readonly inputs: readonly (readonly number[])[];
  readonly output: readonly number[];
  readonly terms?: number;
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
export interface KernelAttrs {
  fused: FusedAttrs;
  reduce: ReduceAttrs;
  combine: CombineAttrs;
  gemm: GemmAttrs;
  einsum: EinsumAttrs;
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
