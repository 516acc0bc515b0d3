// SPDX-License-Identifier: Apache-2.0
/** Adding two partial blocks of one shape (the merge step of contractions and Gram matrices). */
import type { Dtype } from "../array/dtype.js";
import { stridesOf } from "../array/shape.js";
import type { Program } from "../kernels/program.js";
import type { Block } from "../runtime/block.js";
import type { NodeId } from "../runtime/messages.js";
import type { InputView } from "../runtime/runtime.js";
import { submitOp } from "./submit.js";

/** Where the merge belongs: see OpRequest (plan/submit.ts). */
export interface MergePlacement {
  readonly owner: NodeId;
  readonly final: boolean;
  readonly home?: NodeId;
}

/** a + b as one fused op (logical or for bool, NumPy's einsum sum); returns the sum's block. */
export function addBlocks(a: Block, b: Block, shape: readonly number[], dtype: Dtype, placement: MergePlacement): Block {
  const program: Program = {
    regs: [dtype, dtype, dtype],
    nInputs: 2,
    consts: [],
    code: [[dtype === "bool" ? "maximum" : "add", 2, 0, 1]],
    results: [2],
  };
  const view = (block: Block): InputView => ({ block, offset: 0, shape, strides: stridesOf(shape) });
  const { outputs } = submitOp({ kernel: "fused", attrs: { program }, inputs: [view(a), view(b)], outputs: [{ dtype, shape }], ...placement });
  return outputs[0]!;
}
