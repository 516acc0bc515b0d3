// SPDX-License-Identifier: Apache-2.0
/**
 * Reference Gram kernel: C = Aᵀ·diag(s)·A as a sum of weighted outer products of A's rows (upper
 * triangle accumulated, then mirrored), and the matrix-vector product gemv.
 */
import { ShapeError } from "../../../errors.js";
import type { KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { type Mat, asMat, expectOutput } from "./matrix.js";

/** Checks (A, s?, C0?) against the attrs and returns A, the weights' view and C0's Mat. */
export function gramOperands(inputs: readonly View[], weighted: boolean, accumulate: boolean): { a: Mat; s: View | undefined; c0: Mat | undefined } {
  const a = asMat(inputs[0]!);
  const expected = 1 + (weighted ? 1 : 0) + (accumulate ? 1 : 0);
  if (inputs.length !== expected) throw new ShapeError(`gram expects ${expected} inputs, got ${inputs.length}`);
  const s = weighted ? inputs[1]! : undefined;
  if (s && (s.shape.length !== 1 || s.shape[0] !== a.rows)) throw new ShapeError(`gram: weights must have shape (${a.rows}), got (${s.shape.join(", ")})`);
  const c0 = accumulate ? asMat(inputs[inputs.length - 1]!) : undefined;
  if (c0 && (c0.rows !== a.cols || c0.cols !== a.cols)) throw new ShapeError(`gram: C0 must be ${a.cols}×${a.cols}`);
  return { a, s, c0 };
}

/** Copies the upper triangle of the n×n row-major output into its lower triangle. */
export function mirrorUpper(out: View, n: number): void {
  const o = out.offset;
  for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) out.data[o + i * n + j] = out.data[o + j * n + i]!;
}

export const gram: KernelFn<"gram"> = (inputs, outputs, attrs) => {
  const { a, s, c0 } = gramOperands(inputs, attrs.weighted, attrs.accumulate === true);
  const n = a.cols;
  const out = outputs[0]!;
  expectOutput(out, [n, n], "gram output");
  const c = new Float64Array(n * n);
  const row = new Float64Array(n);
  for (let r = 0; r < a.rows; r++) {
    for (let j = 0; j < n; j++) row[j] = a.data[a.offset + r * a.rs + j * a.cs]!;
    const w = s ? s.data[s.offset + r * s.strides[0]!]! : 1;
    for (let i = 0; i < n; i++) {
      // No skipping of zero factors: 0·Inf must give NaN, as in NumPy's product.
      const f = w * row[i]!;
      for (let j = i; j < n; j++) c[i * n + j]! += f * row[j]!;
    }
  }
  const o = out.offset;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) out.data[o + i * n + j] = c[i * n + j]! + (c0 ? c0.data[c0.offset + i * c0.rs + j * c0.cs]! : 0);
  }
  mirrorUpper(out, n);
};

export const gemv: KernelFn<"gemv"> = (inputs, outputs, attrs) => {
  const a = asMat(inputs[0]!);
  const x = inputs[1]!;
  if (x.shape.length !== 1 || x.shape[0] !== a.cols) throw new ShapeError(`gemv: x must have shape (${a.cols}), got (${x.shape.join(", ")})`);
  const y0 = attrs.accumulate ? inputs[2] : undefined;
  if (attrs.accumulate && (y0 === undefined || y0.shape.length !== 1 || y0.shape[0] !== a.rows)) throw new ShapeError(`gemv: y0 must have shape (${a.rows})`);
  const out = outputs[0]!;
  expectOutput(out, [a.rows], "gemv output");
  const xs = x.strides[0]!;
  for (let i = 0; i < a.rows; i++) {
    let acc = y0 ? y0.data[y0.offset + i * y0.strides[0]!]! : 0;
    for (let j = 0; j < a.cols; j++) acc += a.data[a.offset + i * a.rs + j * a.cs]! * x.data[x.offset + j * xs]!;
    out.data[out.offset + i] = acc;
  }
};
