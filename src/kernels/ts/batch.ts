// SPDX-License-Identifier: Apache-2.0
/** Iteration over the leading (batch) axes shared by several views. */
import type { View } from "../view.js";

/**
 * Calls `body` once per index of the leading axes (all but the last `coreDims`) of the last view,
 * with each view's element offset at that batch index. Views broadcast over batch axes by having
 * stride 0 there (or fewer axes).
 */
export function forEachBatch(views: readonly View[], coreDims: number, body: (offsets: number[]) => void): void {
  const out = views[views.length - 1]!;
  const batchShape = out.shape.slice(0, out.shape.length - coreDims);
  const idx = batchShape.map(() => 0);
  const total = batchShape.reduce((p, d) => p * d, 1);
  for (let t = 0; t < total; t++) {
    body(
      views.map((v) => {
        const lead = v.shape.length - coreDims - batchShape.length;
        let off = v.offset;
        for (let i = 0; i < batchShape.length; i++) {
          const axis = lead + i;
          if (axis >= 0 && v.shape[axis] !== 1) off += idx[i]! * v.strides[axis]!;
        }
        return off;
      }),
    );
    for (let i = batchShape.length - 1; i >= 0; i--) {
      if (++idx[i]! < batchShape[i]!) break;
      idx[i] = 0;
    }
  }
}
