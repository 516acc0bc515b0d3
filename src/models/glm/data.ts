// SPDX-License-Identifier: Apache-2.0
/**
 * The training data of a GLM fit as the problems read it, and the parameter layout: K classes
 * (1 for every model but multinomial logistic regression) of d' = d (+1 with an intercept)
 * parameters each, class-major — class k's coefficients, then its intercept.
 */
import * as nt from "../../index.js";
import type { Penalty } from "../solvers/problem.js";

export interface GlmData {
  /** n×d float64, row blocks spanning all columns. */
  readonly X: nt.BlockArray;
  /** The target: n values, or n×K one-hot rows (multinomial), blocked like X's rows. */
  readonly y: nt.BlockArray;
  /** Sample weights (n, blocked like X's rows), or null for all ones. */
  readonly weights: nt.BlockArray | null;
  /** S = Σ weights (n without weights): the data term is averaged over it. */
  readonly weightSum: number;
  readonly fitIntercept: boolean;
}

/** One row block of the training data, as views. */
export interface RowBatch {
  readonly X: nt.BlockArray;
  readonly y: nt.BlockArray;
  readonly weights: nt.BlockArray | null;
}

/** The data cut into `batches` row batches at X's row-block boundaries (views, no copies). */
export function rowBatches(data: GlmData, batches: number): RowBatch[] {
  const { X, y, weights } = data;
  const rows = X.blockShape[0]!;
  const cuts = Array.from({ length: batches - 1 }, (_, i) => (i + 1) * rows);
  const xs = nt.split(X, cuts, { axis: 0 });
  const ys = nt.split(y, cuts, { axis: 0 });
  const ws = weights ? nt.split(weights, cuts, { axis: 0 }) : null;
  return xs.map((x, i) => ({ X: x, y: ys[i]!, weights: ws ? ws[i]! : null }));
}

export function disposeBatches(list: readonly RowBatch[] | null): void {
  for (const b of list ?? []) for (const a of [b.X, b.y, b.weights]) a?.dispose();
}

export class Layout {
  /** Parameters per class: d' = d (+1). */
  readonly width: number;
  readonly size: number;

  constructor(
    readonly features: number,
    readonly classes: number,
    readonly hasIntercept: boolean,
  ) {
    this.width = features + (hasIntercept ? 1 : 0);
    this.size = this.width * classes;
  }

  /** Class k's coefficients (a view). */
  coef(w: Float64Array, k = 0): Float64Array {
    return w.subarray(k * this.width, k * this.width + this.features);
  }

  intercept(w: Float64Array, k = 0): number {
    return this.hasIntercept ? w[k * this.width + this.features]! : 0;
  }

  /** The penalty mask: every coefficient, no intercept. */
  mask(): Uint8Array {
    const m = new Uint8Array(this.size).fill(1);
    if (this.hasIntercept) for (let k = 0; k < this.classes; k++) m[k * this.width + this.features] = 0;
    return m;
  }
}

/** (λ₂/2)‖P·w‖². */
export function l2Value(penalty: Penalty, w: Float64Array): number {
  if (penalty.l2 === 0) return 0;
  let s = 0;
  for (let i = 0; i < w.length; i++) if (penalty.mask[i]) s += w[i]! * w[i]!;
  return (penalty.l2 / 2) * s;
}

/** Adds the L2 term's gradient λ₂·P·w (and Hessian λ₂·P) in place. */
export function addL2(penalty: Penalty, w: Float64Array, g: Float64Array, h?: Float64Array): void {
  if (penalty.l2 === 0) return;
  const p = w.length;
  for (let i = 0; i < p; i++) {
    if (!penalty.mask[i]) continue;
    g[i]! += penalty.l2 * w[i]!;
    if (h) h[i * p + i]! += penalty.l2;
  }
}

/** The values of a small BlockArray as a new Float64Array (and disposes the array). */
export async function fetch(a: nt.BlockArray): Promise<Float64Array> {
  try {
    return Float64Array.from((await a.toArray()).data as ArrayLike<number>);
  } finally {
    a.dispose();
  }
}

export function isZero(w: Float64Array): boolean {
  return w.every((v) => v === 0);
}
