// SPDX-License-Identifier: Apache-2.0
/** One stored zero viewed with zero strides: the tiles a triangular result leaves empty cost no memory. */
import type { Dtype } from "../array/dtype.js";
import { ArrayGrid } from "../array/grid.js";
import { fill } from "../plan/creation.js";
import type { Block } from "../runtime/block.js";
import type { InputView } from "../runtime/runtime.js";

export class ZeroTiles {
  private block: Block | null = null;

  constructor(private readonly dtype: Dtype) {}

  /** A zero view of `shape` holding the shared block (the caller owns that hold). */
  view(shape: readonly number[]): InputView {
    if (!this.block) {
      const data = fill(ArrayGrid.regular([1], [1]), this.dtype, 0);
      this.block = data.slots[0]!.block.retain();
      data.release();
    }
    return { block: this.block.retain(), offset: 0, shape, strides: shape.map(() => 0) };
  }

  release(): void {
    this.block?.release();
    this.block = null;
  }
}
