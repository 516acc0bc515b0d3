// SPDX-License-Identifier: Apache-2.0
/**
 * Reference Gram kernel: C = Ãᵀ·diag(s)·Ã as a sum of weighted outer products of the rows of Ã
 * (A, or [A, 1] with `appendOnes`; upper triangle accumulated, then mirrored), the optional product
 * Ãᵀ·V in the same loop, and the matrix-vector product gemv.
 */
import { ShapeError } from "../../../errors.js";
import type { GramAttrs, KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { type Mat, asMat, expectOutput } from "./matrix.js";

/** The operands of a gram op: A, the weights' view, the product's V and C0, and the output order n'. */
export interface GramOperands {
  readonly a: Mat;
  readonly s: View | undefined;
  readonly v: Mat | undefined;
  readonly c0: Mat | undefined;
  /** Columns of Ã: n, plus one with `appendOnes`. */
  readonly order: number;
}

/** Checks (A, s?, V?, C0?) against the attrs. */
export function gramOperands(inputs: readonly View[], attrs: GramAttrs): GramOperands {
  const a = asMat(inputs[0]!);
  const weighted = attrs.weighted;
  const product = attrs.product === true;
  const accumulate = attrs.accumulate === true;
  const order = a.cols + (attrs.appendOnes ? 1 : 0);
  const expected = 1 + (weighted ? 1 : 0) + (product ? 1 : 0) + (accumulate ? 1 : 0);
  if (inputs.length !== expected) throw new ShapeError(`gram expects ${expected} inputs, got ${inputs.length}`);
  const s = weighted ? inputs[1]! : undefined;
  if (s && (s.shape.length !== 1 || s.shape[0] !== a.rows)) throw new ShapeError(`gram: weights must have shape (${a.rows}), got (${s.shape.join(", ")})`);
  const v = product ? asMat(inputs[weighted ? 2 : 1]!) : undefined;
  if (v && v.rows !== a.rows) throw new ShapeError(`gram: the product's operand must have ${a.rows} rows, got ${v.rows}`);
  const c0 = accumulate ? asMat(inputs[inputs.length - 1]!) : undefined;
  if (c0 && (c0.rows !== order || c0.cols !== order)) throw new ShapeError(`gram: C0 must be ${order}×${order}`);
  return { a, s, v, c0, order };
}

/** The product output's shape: (n') for a 1-D V, (n', k) for a 2-D one. */
export function productShape(inputs: readonly View[], attrs: GramAttrs, order: number): number[] {
  const v = inputs[attrs.weighted ? 2 : 1]!;
  return v.shape.length === 1 ? [order] : [order, v.shape[1]!];
}

/** Copies the upper triangle of the n×n row-major output into its lower triangle. */
export function mirrorUpper(out: View, n: number): void {
  const o = out.offset;
  for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) out.data[o + i * n + j] = out.data[o + j * n + i]!;
}

export const gram: KernelFn<"gram"> = (inputs, outputs, attrs) => {
  const { a, s, v, c0, order: n } = gramOperands(inputs, attrs);
  const out = outputs[0]!;
  expectOutput(out, [n, n], "gram output");
  const k = v ? v.cols : 0;
  const p = v ? outputs[1]! : undefined;
  if (p) expectOutput(p, productShape(inputs, attrs, n), "gram product output");
  const c = new Float64Array(n * n);
  const acc = new Float64Array(n * k);
  const row = new Float64Array(n).fill(1); // with appendOnes the last entry stays 1
  for (let r = 0; r < a.rows; r++) {
    for (let j = 0; j < a.cols; j++) row[j] = a.data[a.offset + r * a.rs + j * a.cs]!;
    const w = s ? s.data[s.offset + r * s.strides[0]!]! : 1;
    for (let i = 0; i < n; i++) {
      // No skipping of zero factors: 0·Inf must give NaN, as in NumPy's product.
      const f = w * row[i]!;
      for (let j = i; j < n; j++) c[i * n + j]! += f * row[j]!;
    }
    for (let t = 0; t < k; t++) {
      const vt = v!.data[v!.offset + r * v!.rs + t * v!.cs]!;
      for (let j = 0; j < n; j++) acc[j * k + t]! += row[j]! * vt;
    }
  }
  const o = out.offset;
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) out.data[o + i * n + j] = c[i * n + j]! + (c0 ? c0.data[c0.offset + i * c0.rs + j * c0.cs]! : 0);
  }
  mirrorUpper(out, n);
  if (p) for (let i = 0; i < n * k; i++) p.data[p.offset + i] = acc[i]!;
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
