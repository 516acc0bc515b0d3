// SPDX-License-Identifier: Apache-2.0
/**
 * The one way the planner issues work: describe an op (kernel, attrs, input views, output
 * metadata, the owner of its result and whether it is an array block's last op), let the scheduler
 * place it, and hand it to the executor. Returns the output blocks, each with one hold owned by the
 * caller.
 */
import type { Dtype } from "../array/dtype.js";
import { stridesOf } from "../array/shape.js";
import type { KernelAttrs, KernelName, KernelResult } from "../kernels/manifest.js";
import type { Block } from "../runtime/block.js";
import type { NodeId } from "../runtime/messages.js";
import type { InputView } from "../runtime/runtime.js";
import { context } from "./context.js";

export interface OpRequest<N extends KernelName> {
  readonly kernel: N;
  readonly attrs: KernelAttrs[N];
  readonly inputs: readonly InputView[];
  readonly outputs: readonly { readonly dtype: Dtype; readonly shape: readonly number[] }[];
  /** The layout owner of the array block the result is, or becomes part of (schedule/layout.ts). */
  readonly owner: NodeId;
  /**
   * Whether the op belongs on `owner`: it produces an array's block (its last op), or it is one of
   * the owner's own product groups (a stationary output, plan/contract.ts).
   */
  readonly final: boolean;
  /** On the critical path of a factorization: runs before ready non-urgent ops on its node. */
  readonly urgent?: boolean;
  /** For an intermediate op: where a static rule runs it, next to its largest input (default: owner). */
  readonly home?: NodeId;
}

export interface Submitted {
  readonly outputs: Block[];
  /** The kernel's small return value (counts and the like), when it has run. */
  readonly result: Promise<KernelResult>;
}

export function submitOp<N extends KernelName>(req: OpRequest<N>): Submitted {
  const { executor, scheduler } = context();
  const outputs = req.outputs.map((o) => executor.newBlock(o.dtype, o.shape));
  const seen = new Set<Block>();
  const inputs: { id: number; bytes: number }[] = [];
  for (const v of req.inputs) {
    if (seen.has(v.block)) continue;
    seen.add(v.block);
    inputs.push({ id: v.block.id, bytes: v.block.nbytes });
  }
  const outputBytes = outputs.reduce((s, b) => s + b.nbytes, 0);
  const node = scheduler.place(
    { inputs, outputBytes, owner: req.owner, final: req.final, home: req.home },
    outputs.map((b) => ({ id: b.id, bytes: b.nbytes })),
  );
  const urgent = req.urgent === true;
  const result = executor.execute({ kernel: req.kernel, attrs: req.attrs, inputs: req.inputs, outputs, node, urgent } as never);
  result.catch(() => undefined); // errors surface through the output blocks
  return { outputs, result };
}

/** The view covering a whole contiguous block. */
export function wholeBlockView(block: Block): InputView {
  return { block, offset: 0, shape: block.shape, strides: stridesOf(block.shape) };
}
