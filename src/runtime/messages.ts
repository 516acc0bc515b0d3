// SPDX-License-Identifier: Apache-2.0
/**
 * Every message that crosses a boundary of the runtime: driver → node (run an op, put/read/free a
 * block, copy a block to another node) and node → worker thread (run a kernel on buffers). Both
 * ends are typed by these declarations; the in-process transport passes them as objects and a
 * network transport serializes the same shapes.
 */
import type { Dtype } from "../array/dtype.js";
import type { KernelKind } from "../kernels/registry.js";
import type { KernelAttrs, KernelName, KernelResult } from "../kernels/manifest.js";

export type BlockId = number;
export type NodeId = number;

/** A view on a stored block: element offset, shape and element strides within the block. */
export interface BlockViewSpec {
  readonly block: BlockId;
  readonly offset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

/** A block an op creates: stored contiguous C order. */
export interface BlockSpec {
  readonly block: BlockId;
  readonly dtype: Dtype;
  readonly shape: readonly number[];
}

/** Driver → node: run `kernel` on blocks the node holds, storing the outputs under new ids. */
export interface RunOpMessage<N extends KernelName = KernelName> {
  readonly kernel: N;
  readonly attrs: KernelAttrs[N];
  readonly inputs: readonly BlockViewSpec[];
  readonly outputs: readonly BlockSpec[];
  /** Runs before the node's queued non-urgent ops. */
  readonly urgent?: boolean;
}

/** Node → worker thread: one kernel call on shared buffers. */
export interface WorkerTask {
  readonly id: number;
  readonly kernel: KernelName;
  readonly attrs: unknown;
  readonly inputs: readonly WireView[];
  readonly outputs: readonly WireView[];
}

/** A view as it travels to a worker: the shared buffer itself (no copy) plus the view. */
export interface WireView {
  readonly buffer: SharedArrayBuffer;
  readonly dtype: Dtype;
  readonly offset: number;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
}

export type WorkerReply =
  | { readonly id: number; readonly ok: true; readonly result: KernelResult }
  | { readonly id: number; readonly ok: false; readonly error: SerializedError };

export interface SerializedError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
}

/** Sent once when a worker starts. */
export interface WorkerInit {
  readonly kernels: KernelKind;
}
