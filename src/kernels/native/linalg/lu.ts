// SPDX-License-Identifier: Apache-2.0
/**
 * LU-based kernels through LAPACK: lu (getrf on a column-major copy of A, as NumPy factors it,
 * so pivots and exact-singularity match), luSolve (the row-major factors used in place by CBLAS
 * trsm, no copy), inverse (getrf, then getrs('T') against I: solving Aᵀ·X = I column-major leaves
 * A⁻¹ row-major in the output, no transposed copy back) and slogdet.
 */
import type { TypedArray } from "../../../array/dtype.js";
import { LinAlgError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import { slogdetFromLu, storeSlogdet } from "../../ts/linalg/inverse.js";
import { SINGULAR, luSolveOperands, requireNonsingular } from "../../ts/linalg/lu-solve.js";
import { type Mat, expectOutput, requireSquare, storeIdentity } from "../../ts/linalg/matrix.js";
import type { LapackAddon } from "./lapack-addon.js";
import { blasMatrix, check, gatherColMajor, gatherRowMajor, matOf, nativeDtype } from "./operands.js";
import { scratch } from "./scratch.js";

interface Factored {
  readonly w: TypedArray;
  readonly ipiv: Int32Array;
  readonly info: number;
}

/** getrf of `a` in a column-major work buffer (leading dimension m); 1-based pivots. */
function factor(addon: LapackAddon, a: Mat, dtype: "float64" | "float32"): Factored {
  const w = scratch(dtype, a.rows * a.cols);
  gatherColMajor(addon, a, w, 0, a.rows);
  const ipiv = new Int32Array(Math.max(Math.min(a.rows, a.cols), 1));
  const info = addon.getrf(dtype === "float32", a.rows, a.cols, w, 0, Math.max(a.rows, 1), ipiv, 0);
  check(info, "getrf");
  return { w, ipiv, info };
}

export function nativeLu(addon: LapackAddon, fallback: KernelFn<"lu">): KernelFn<"lu"> {
  return (inputs, outputs, attrs) => {
    const [out, pivOut] = [outputs[0]!, outputs[1]!];
    const [m, n] = inputs[0]!.shape as [number, number];
    if (!nativeDtype(out.dtype) || inputs[0]!.shape.length !== 2 || m === 0 || n === 0) return fallback(inputs, outputs, attrs);
    expectOutput(out, [m, n], "lu output LU");
    expectOutput(pivOut, [Math.min(m, n)], "lu output piv");
    const { w, ipiv, info } = factor(addon, matOf(inputs[0]!, out.dtype), out.dtype);
    addon.gather(out.dtype === "float32", m, n, w, 0, 1, m, out.data, out.offset, n);
    for (let i = 0; i < Math.min(m, n); i++) pivOut.data[pivOut.offset + i] = ipiv[i]! - 1;
    return info;
  };
}

/** Swaps rows i and piv[i] of the row-major n×nrhs block at `off`, forward or in reverse order. */
function interchange(x: TypedArray, off: number, nrhs: number, piv: Int32Array, reverse: boolean): void {
  const n = piv.length;
  const tmp = new (x.constructor as new (n: number) => TypedArray)(nrhs);
  for (let t = 0; t < n; t++) {
    const i = reverse ? n - 1 - t : t;
    const p = piv[i]!;
    if (p === i) continue;
    const ri = off + i * nrhs;
    const rp = off + p * nrhs;
    tmp.set(x.subarray(ri, ri + nrhs));
    x.copyWithin(ri, rp, rp + nrhs);
    x.set(tmp, rp);
  }
}

export function nativeLuSolve(addon: LapackAddon, fallback: KernelFn<"luSolve">): KernelFn<"luSolve"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    if (!nativeDtype(out.dtype)) return fallback(inputs, outputs, attrs);
    const { n, piv } = luSolveOperands(inputs);
    const lu = matOf(inputs[0]!, out.dtype);
    const b = matOf(inputs[2]!, out.dtype);
    expectOutput(out, inputs[2]!.shape, "luSolve output");
    requireNonsingular(lu, n);
    const nrhs = b.cols;
    if (n === 0 || nrhs === 0) return;
    gatherRowMajor(addon, b, out.data, out.offset, nrhs);
    const f = blasMatrix(addon, lu);
    const f32 = out.dtype === "float32";
    // On a stored transpose, a triangle flips and so does the transpose flag.
    const trsm = (lower: boolean, trans: boolean, unit: boolean): void => {
      const [l, t] = [lower !== f.trans, trans !== f.trans];
      if (nrhs === 1) addon.trsv(f32, l, t, unit, n, f.data, f.offset, f.ld, out.data, out.offset, 1);
      else addon.trsm(f32, true, l, t, unit, n, nrhs, f.data, f.offset, f.ld, out.data, out.offset, nrhs);
    };
    if (!attrs.trans) {
      interchange(out.data, out.offset, nrhs, piv, false);
      trsm(true, false, true);
      trsm(false, false, false);
    } else {
      trsm(false, true, false);
      trsm(true, true, true);
      interchange(out.data, out.offset, nrhs, piv, true);
    }
  };
}

export function nativeInverse(addon: LapackAddon, fallback: KernelFn<"inverse">): KernelFn<"inverse"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    if (!nativeDtype(out.dtype)) return fallback(inputs, outputs, attrs);
    const a = matOf(inputs[0]!, out.dtype);
    const n = requireSquare(a);
    expectOutput(out, [n, n], "inverse output");
    if (n === 0) return;
    const { w, ipiv, info } = factor(addon, a, out.dtype);
    if (info > 0) throw new LinAlgError(SINGULAR);
    storeIdentity(out, n, n);
    check(addon.getrs(out.dtype === "float32", true, n, n, w, 0, n, ipiv, 0, out.data, out.offset, n), "getrs");
  };
}

export function nativeSlogdet(addon: LapackAddon, fallback: KernelFn<"slogdet">): KernelFn<"slogdet"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    if (!nativeDtype(out.dtype)) return fallback(inputs, outputs, attrs);
    const a = matOf(inputs[0]!, out.dtype);
    const n = requireSquare(a);
    expectOutput(out, [2], "slogdet output");
    if (n === 0) return storeSlogdet(out, [1, 0]);
    const { w, ipiv, info } = factor(addon, a, out.dtype);
    const piv = ipiv.map((p) => p - 1);
    storeSlogdet(out, slogdetFromLu((i) => w[i * n + i]!, piv, n, info, out.dtype === "float32"));
  };
}
