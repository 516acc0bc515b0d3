// SPDX-License-Identifier: Apache-2.0
/**
 * gemm through OpenBLAS. A 2-D view is passed to BLAS as-is when one of its strides is 1 (row-major,
 * or transposed = a deferred transpose, no copy); other layouts go through a contiguous copy.
 */
import type { KernelFn } from "../manifest.js";
import type { View } from "../view.js";
import { forEachBatch } from "../ts/batch.js";
import type { NativeAddon } from "./addon.js";

interface BlasOperand {
  data: View["data"];
  offset: number;
  trans: boolean;
  ld: number;
}

/**
 * How BLAS can read a rows×cols strided matrix: row-major with leading dimension `rs` when columns
 * are contiguous, or as the transpose of a row-major matrix when rows are. Null if neither fits
 * (e.g. a broadcast stride of 0).
 */
function asBlas(data: View["data"], offset: number, rows: number, cols: number, rs: number, cs: number): BlasOperand | null {
  if (cs === 1 || cols === 1) {
    const ld = rows === 1 ? Math.max(cols, 1) : rs;
    if (ld >= Math.max(cols, 1)) return { data, offset, trans: false, ld };
  }
  if (rs === 1 || rows === 1) {
    const ld = cols === 1 ? Math.max(rows, 1) : cs;
    if (ld >= Math.max(rows, 1)) return { data, offset, trans: true, ld };
  }
  return null;
}

function compact(v: View, offset: number, rows: number, cols: number): BlasOperand {
  const ctor = v.data.constructor as new (n: number) => View["data"];
  const out = new ctor(rows * cols);
  const [rs, cs] = v.strides.slice(-2) as [number, number];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[i * cols + j] = v.data[offset + i * rs + j * cs]!;
  return { data: out, offset: 0, trans: false, ld: Math.max(cols, 1) };
}

/** The native `gemm` kernel (all terms of an op accumulate in C through beta = 1); other dtypes go to `fallback`. */
export function nativeGemm(addon: NativeAddon, fallback: KernelFn<"gemm">): KernelFn<"gemm"> {
  return (inputs, outputs, attrs) => {
    const terms = attrs.terms ?? 1;
    const c0 = attrs.accumulate ? inputs[2 * terms]! : undefined;
    const c = outputs[0]!;
    if ((c.dtype !== "float64" && c.dtype !== "float32") || inputs.some((v) => v.dtype !== c.dtype)) {
      return fallback(inputs, outputs, attrs);
    }
    const nd = c.shape.length;
    const m = c.shape[nd - 2]!;
    const n = c.shape[nd - 1]!;
    forEachBatch([...inputs, c], 2, (offs) => {
      const oc = offs[offs.length - 1]!;
      if (c0) copyMatrix(c0, offs[2 * terms]!, c, oc, m, n);
      let beta = c0 ? 1 : 0;
      for (let t = 0; t < terms; t++) {
        const a = inputs[2 * t]!;
        const b = inputs[2 * t + 1]!;
        const k = a.shape[a.shape.length - 1]!;
        if (k === 0) continue;
        const [ars, acs] = a.strides.slice(-2) as [number, number];
        const [brs, bcs] = b.strides.slice(-2) as [number, number];
        const A = asBlas(a.data, offs[2 * t]!, m, k, ars, acs) ?? compact(a, offs[2 * t]!, m, k);
        const B = asBlas(b.data, offs[2 * t + 1]!, k, n, brs, bcs) ?? compact(b, offs[2 * t + 1]!, k, n);
        addon.gemm(c.dtype === "float32", A.trans, B.trans, m, n, k, A.data, A.offset, A.ld, B.data, B.offset, B.ld, c.data, oc, Math.max(n, 1), beta);
        beta = 1;
      }
      if (beta === 0) c.data.fill(0, oc, oc + m * n);
    });
  };
}

/** C0 (any strides) into the contiguous m×n matrix at `oc` (a memcpy when C0 is contiguous too). */
function copyMatrix(c0: View, o0: number, c: View, oc: number, m: number, n: number): void {
  const [s0, s1] = c0.strides.slice(-2) as [number, number];
  if (s1 === 1 && (s0 === n || m === 1)) {
    c.data.set(c0.data.subarray(o0, o0 + m * n), oc);
    return;
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c.data[oc + i * n + j] = c0.data[o0 + i * s0 + j * s1]!;
}
