// SPDX-License-Identifier: Apache-2.0
/**
 * The executor `explain` plans against: it creates blocks and accepts placed ops but runs nothing.
 * Its blocks reject when read, so an array escaping `explain` fails loudly instead of hanging.
 */
import type { Dtype, TypedArray } from "../array/dtype.js";
import type { Shape } from "../array/shape.js";
import { RuntimeStateError } from "../errors.js";
import type { KernelResult } from "../kernels/manifest.js";
import { Block, type BlockOwner } from "../runtime/block.js";
import type { NodeId } from "../runtime/messages.js";
import type { Executor, PlacedOp } from "../runtime/runtime.js";

// Ids far above the real runtime's so the cloned load model never confuses them.
let nextId = 2 ** 40;

const NOT_RUN = () => new RuntimeStateError("this array was created inside nt.explain() and has no values");

export class DryExecutor implements Executor, BlockOwner {
  onUnheld: (block: Block) => void = () => undefined;
  // One error for every block: capturing a stack per block made explaining large plans slow.
  private readonly notRun = NOT_RUN();

  newBlock(dtype: Dtype, shape: Shape): Block {
    const b = new Block(nextId++, dtype, shape, this);
    b.markFailed(this.notRun);
    return b;
  }

  execute(op: PlacedOp): Promise<KernelResult> {
    for (const o of op.outputs) o.node = op.node;
    return Promise.resolve(undefined);
  }

  put(block: Block, node: NodeId, _data: TypedArray): void {
    block.node = node;
  }

  read(): Promise<TypedArray> {
    return Promise.reject(this.notRun);
  }

  /** The load model frees a block as soon as nothing holds it, as it does for the real runtime. */
  unheld(block: Block): void {
    this.onUnheld(block);
  }

  releasable(block: Block): void {
    block.state = "freed";
  }
}
