// SPDX-License-Identifier: Apache-2.0
/**
 * Reference kernel of one GLM Newton pass over a row block (`glmGram` in the manifest): per row
 * η = ãᵀβ, the family's curvature, residual and loss, accumulated into Ãᵀ·diag(s)·Ã, Ãᵀ·r and Σℓ.
 */
import { ShapeError } from "../../../errors.js";
import type { GlmGramAttrs, KernelFn } from "../../manifest.js";
import type { View } from "../../view.js";
import { type Mat, asMat, expectOutput } from "./matrix.js";
import { mirrorUpper } from "./gram.js";

export interface GlmGramOperands {
  readonly a: Mat;
  readonly y: View;
  readonly sw: View | undefined;
  readonly beta: View;
  /** Columns of Ã. */
  readonly order: number;
}

/** Checks (A, y, ω?, β) against the attrs. */
export function glmGramOperands(inputs: readonly View[], attrs: GlmGramAttrs): GlmGramOperands {
  const a = asMat(inputs[0]!);
  const order = a.cols + (attrs.appendOnes ? 1 : 0);
  if (inputs.length !== (attrs.weighted ? 4 : 3)) throw new ShapeError(`glmGram expects ${attrs.weighted ? 4 : 3} inputs, got ${inputs.length}`);
  const y = inputs[1]!;
  const sw = attrs.weighted ? inputs[2]! : undefined;
  const beta = inputs[inputs.length - 1]!;
  for (const [v, len, what] of [[y, a.rows, "y"], [sw, a.rows, "weights"], [beta, order, "beta"]] as const) {
    if (v && (v.shape.length !== 1 || v.shape[0] !== len)) throw new ShapeError(`glmGram: ${what} must have shape (${len}), got (${v.shape.join(", ")})`);
  }
  return { a, y, sw, beta, order };
}

/** μ, v and ℓ of one row (the formulas of the manifest's GlmGramAttrs). */
export function glmRow(family: GlmGramAttrs["family"], eta: number, y: number): [mu: number, v: number, loss: number] {
  if (family === "binomial") {
    // e = exp(−|η|) serves μ and the loss, log(1 + e^η) = max(η, 0) + log1p(e), as natively.
    const e = Math.exp(-Math.abs(eta));
    const mu = eta >= 0 ? 1 / (1 + e) : e / (1 + e);
    return [mu, mu * (1 - mu), Math.max(eta, 0) + Math.log1p(e) - y * eta];
  }
  if (family === "poisson") {
    const mu = Math.exp(eta);
    return [mu, mu, mu - y * eta];
  }
  return [eta, 1, 0.5 * (eta - y) * (eta - y)];
}

export const glmGram: KernelFn<"glmGram"> = (inputs, outputs, attrs) => {
  const { a, y, sw, beta, order: n } = glmGramOperands(inputs, attrs);
  const [out, p, l] = outputs as [View, View, View];
  expectOutput(out, [n, n], "glmGram output");
  expectOutput(p, [n], "glmGram product output");
  expectOutput(l, [1], "glmGram loss output");
  const c = new Float64Array(n * n);
  const acc = new Float64Array(n);
  const row = new Float64Array(n).fill(1); // with appendOnes the last entry stays 1
  const b = Float64Array.from({ length: n }, (_, j) => beta.data[beta.offset + j * beta.strides[0]!]!);
  let total = 0;
  for (let r = 0; r < a.rows; r++) {
    let eta = 0;
    for (let j = 0; j < a.cols; j++) row[j] = a.data[a.offset + r * a.rs + j * a.cs]!;
    if (attrs.appendOnes) eta = b[a.cols]!;
    for (let j = 0; j < a.cols; j++) eta += row[j]! * b[j]!;
    const yr = y.data[y.offset + r * y.strides[0]!]!;
    const omega = sw ? sw.data[sw.offset + r * sw.strides[0]!]! : 1;
    const [mu, v, loss] = glmRow(attrs.family, eta, yr);
    total += omega * loss;
    const s = omega * v;
    const res = omega * (mu - yr);
    for (let i = 0; i < n; i++) {
      const f = s * row[i]!;
      for (let j = i; j < n; j++) c[i * n + j]! += f * row[j]!;
      acc[i]! += row[i]! * res;
    }
  }
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) out.data[out.offset + i * n + j] = c[i * n + j]!;
  mirrorUpper(out, n);
  for (let i = 0; i < n; i++) p.data[p.offset + i] = acc[i]!;
  l.data[l.offset] = total;
};
