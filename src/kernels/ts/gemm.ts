// SPDX-License-Identifier: Apache-2.0
/**
 * Reference gemm over strided views: C = Σ_t A_t·B_t (+ C0), batched over leading axes. A plain
 * i-k-j loop over strides in the dtype's arithmetic (see einsum.ts); the native kernel (OpenBLAS)
 * is the fast path.
 */
import type { KernelFn } from "../manifest.js";
import type { View } from "../view.js";
import { forEachBatch } from "./batch.js";
import { arithmeticOf } from "./einsum.js";

export const gemm: KernelFn<"gemm"> = (inputs, outputs, attrs) => {
  const terms = attrs.terms ?? 1;
  const c0 = attrs.accumulate ? inputs[2 * terms]! : undefined;
  const c = outputs[0]!;
  const ar = arithmeticOf(c.dtype);
  const nd = c.shape.length;
  const m = c.shape[nd - 2]!;
  const n = c.shape[nd - 1]!;
  const [sc0, sc1] = c.strides.slice(-2) as [number, number];
  const views: View[] = [...inputs.slice(0, 2 * terms), ...(c0 ? [c0] : []), c];
  forEachBatch(views, 2, (offs) => {
    const oc = offs[offs.length - 1]!;
    if (c0) {
      const [s0, s1] = c0.strides.slice(-2) as [number, number];
      const o0 = offs[2 * terms]!;
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c.data[oc + i * sc0 + j * sc1] = c0.data[o0 + i * s0 + j * s1]!;
    } else {
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c.data[oc + i * sc0 + j * sc1] = 0;
    }
    for (let t = 0; t < terms; t++) {
      const a = inputs[2 * t]!;
      const b = inputs[2 * t + 1]!;
      const k = a.shape[a.shape.length - 1]!;
      const [sa0, sa1] = a.strides.slice(-2) as [number, number];
      const [sb0, sb1] = b.strides.slice(-2) as [number, number];
      const oa = offs[2 * t]!;
      const ob = offs[2 * t + 1]!;
      for (let i = 0; i < m; i++) {
        const orow = oc + i * sc0;
        for (let p = 0; p < k; p++) {
          const aip = a.data[oa + i * sa0 + p * sa1]!;
          const brow = ob + p * sb0;
          for (let j = 0; j < n; j++) c.data[orow + j * sc1] = ar.add(c.data[orow + j * sc1]!, ar.mul(aip, b.data[brow + j * sb1]!));
        }
      }
    }
  });
};
