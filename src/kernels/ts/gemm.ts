// SPDX-License-Identifier: Apache-2.0
/**
 * Reference gemm over strided views: C = A·B (+ C0), batched over leading axes. A plain i-k-j loop
 * over strides; the native kernel (OpenBLAS) is the fast path.
 */
import type { KernelFn } from "../manifest.js";
import type { View } from "../view.js";
import { forEachBatch } from "./batch.js";

export const gemm: KernelFn<"gemm"> = (inputs, outputs, attrs) => {
  const [a, b, c0] = inputs as [View, View, View | undefined];
  const c = outputs[0]!;
  forEachBatch([a, b, ...(attrs.accumulate ? [c0!] : []), c], 2, (offs) => {
    const nd = c.shape.length;
    const m = c.shape[nd - 2]!;
    const n = c.shape[nd - 1]!;
    const k = a.shape[a.shape.length - 1]!;
    const [sa0, sa1] = a.strides.slice(-2) as [number, number];
    const [sb0, sb1] = b.strides.slice(-2) as [number, number];
    const [sc0, sc1] = c.strides.slice(-2) as [number, number];
    const oc = offs[offs.length - 1]!;
    if (attrs.accumulate) {
      const [s0, s1] = c0!.strides.slice(-2) as [number, number];
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c.data[oc + i * sc0 + j * sc1] = c0!.data[offs[2]! + i * s0 + j * s1]!;
    } else {
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c.data[oc + i * sc0 + j * sc1] = 0;
    }
    for (let i = 0; i < m; i++) {
      for (let p = 0; p < k; p++) {
        const aip = a.data[offs[0]! + i * sa0 + p * sa1]!;
        if (aip === 0) continue;
        const ob = offs[1]! + p * sb0;
        const orow = oc + i * sc0;
        for (let j = 0; j < n; j++) c.data[orow + j * sc1] += aip * b.data[ob + j * sb1]!;
      }
    }
  });
};
