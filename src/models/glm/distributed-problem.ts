// SPDX-License-Identifier: Apache-2.0
/**
 * A single-output GLM's problem over distributed data: F(w) = (1/S)·Σᵢ wᵢ·ℓ(yᵢ, x̃ᵢᵀw) + penalty.
 * At a trial point, η = X·β + b is one matmul pass (a gemv per row block; w = 0 needs none);
 * f(w) reduces the fused loss expression of η; the gradient X̃ᵀ·r (r = w·(μ − y)) is one more
 * pass, or — when the Hessian is wanted too — one `gramAndProduct` pass computing X̃ᵀ·diag(s)·X̃
 * and X̃ᵀ·r together per row block (s = w·Var(μ)), never materializing a column of ones for the
 * intercept. Only d'-vectors and d'×d' matrices come back to the driver.
 *
 * For the Newton-type solvers (`newtonPass`), every trial point is evaluated by one `glmPass`
 * instead: per row block η, the loss, the gradient and the Hessian together, reading X once. A
 * line search's accepted trial then already holds the next step's derivatives (a full Newton step
 * is nearly always accepted, so the speculative Hessian is rarely wasted).
 */
import * as nt from "../../index.js";
import { glmPass } from "../../api/linalg/glm-pass.js";
import type { BatchedProblem, Penalty, Trial } from "../solvers/problem.js";
import { type GlmData, Layout, type RowBatch, disposeBatches, rowBatches, addL2, fetch, isZero, l2Value } from "./data.js";
import type { Family } from "./family.js";

export class GlmProblem implements BatchedProblem {
  readonly layout: Layout;
  private batchList: RowBatch[] | null = null;

  constructor(
    readonly data: GlmData,
    readonly family: Family,
    readonly penalty: Penalty,
    /** Evaluate every trial point with one fused pass (value, gradient and Hessian). */
    readonly newtonPass = false,
  ) {
    this.layout = new Layout(data.X.shape[1]!, 1, data.fitIntercept);
  }

  get size(): number {
    return this.layout.size;
  }

  get batches(): number {
    return this.data.X.gridShape[0]!;
  }

  at(w: Float64Array, options: { hessian?: boolean } = {}): Trial {
    return new GlmTrial(this, w, this.data, this.newtonPass && options.hessian !== false);
  }

  /** η = X·β + b of `X` (the data or a batch); zeros without a pass when w = 0. */
  linearPredictor(X: nt.BlockArray, w: Float64Array): nt.BlockArray {
    if (isZero(w)) return nt.zeros([X.shape[0]!], { blockShape: [X.blockShape[0]!] });
    using beta = nt.array(Float64Array.from(this.layout.coef(w)));
    const eta = X.matmul(beta);
    const b = this.layout.intercept(w);
    if (b === 0) return eta;
    using xb = eta;
    return xb.add(b);
  }

  /** The data term's gradient w·(μ − y) per sample, lazily. */
  residual(eta: nt.BlockArray, y: nt.BlockArray, weights: nt.BlockArray | null): nt.BlockArray {
    const r = this.family.gradient(eta, y);
    return weights ? r.multiply(weights) : r;
  }

  /** X̃ᵀ·r (the intercept entry is Σr), unscaled. */
  async product(X: nt.BlockArray, r: nt.BlockArray): Promise<Float64Array> {
    const g = new Float64Array(this.layout.size);
    const parts = [fetch(X.T.matmul(r))];
    if (this.layout.hasIntercept) parts.push(fetch(nt.sum(r)));
    const [xr, sr] = await Promise.all(parts);
    g.set(xr!);
    if (sr) g[this.layout.features] = sr[0]!;
    return g;
  }

  async batchGradients(w: Float64Array): Promise<Float64Array[]> {
    return Promise.all(this.batchesOf().map((_, b) => this.batchGradient(w, b)));
  }

  async batchGradient(w: Float64Array, b: number): Promise<Float64Array> {
    const batch = this.batchesOf()[b]!;
    using eta = this.linearPredictor(batch.X, w);
    using r = this.residual(eta, batch.y, batch.weights);
    const g = await this.product(batch.X, r);
    const scale = this.batches / this.data.weightSum;
    for (let i = 0; i < g.length; i++) g[i]! *= scale;
    addL2(this.penalty, w, g);
    return g;
  }

  /** The row blocks of X, y and the weights as views (built on first use). */
  private batchesOf(): RowBatch[] {
    this.batchList ??= rowBatches(this.data, this.batches);
    return this.batchList;
  }

  dispose(): void {
    disposeBatches(this.batchList);
    this.batchList = null;
  }
}

class GlmTrial implements Trial {
  private etaArray: nt.BlockArray | null = null;
  private valueOnce: Promise<number> | null = null;
  private gradientOnce: Promise<Float64Array> | null = null;
  private hessianOnce: Promise<{ gradient: Float64Array; hessian: Float64Array }> | null = null;
  private passOnce: Promise<{ value: number; gradient: Float64Array; hessian: Float64Array }> | null = null;

  constructor(
    private readonly problem: GlmProblem,
    readonly w: Float64Array,
    private readonly data: GlmData,
    /** Evaluate by one fused pass (value, gradient and Hessian together). */
    private readonly fused: boolean,
  ) {}

  private get eta(): nt.BlockArray {
    this.etaArray ??= this.problem.linearPredictor(this.data.X, this.w);
    return this.etaArray;
  }

  value(): Promise<number> {
    if (this.fused) return this.pass().then((x) => x.value);
    this.valueOnce ??= (async () => {
      const { y, weights, weightSum } = this.data;
      using loss = this.problem.family.loss(this.eta, y);
      using weighted = weights ? loss.multiply(weights) : loss; // dispose() is idempotent
      const total = Number(await nt.sum(weighted).item());
      return total / weightSum + l2Value(this.problem.penalty, this.w);
    })();
    return this.valueOnce;
  }

  gradient(): Promise<Float64Array> {
    if (this.fused) return this.pass().then((x) => x.gradient);
    if (this.hessianOnce) return this.hessianOnce.then((x) => x.gradient);
    this.gradientOnce ??= (async () => {
      using r = this.problem.residual(this.eta, this.data.y, this.data.weights);
      const g = await this.problem.product(this.data.X, r);
      return this.finish(g);
    })();
    return this.gradientOnce;
  }

  gradientHessian(): Promise<{ gradient: Float64Array; hessian: Float64Array }> {
    if (this.fused) return this.pass();
    this.hessianOnce ??= (async () => {
      const { X, y, weights, fitIntercept } = this.data;
      const { family } = this.problem;
      using r = this.problem.residual(this.eta, y, weights);
      using curvature = family.curvature(this.eta);
      using s = curvature && weights ? curvature.multiply(weights) : curvature;
      const [H, g] = nt.linalg.gramAndProduct(X, r, { weights: s ?? weights, appendOnes: fitIntercept });
      const [hessian, gradient] = await Promise.all([fetch(H), fetch(g)]);
      const scale = 1 / this.data.weightSum;
      for (let i = 0; i < hessian.length; i++) hessian[i]! *= scale;
      addL2(this.problem.penalty, this.w, new Float64Array(this.w.length), hessian);
      return { gradient: this.finish(gradient), hessian };
    })();
    return this.hessianOnce;
  }

  /** f, ∇f and ∇²f from one `glmPass` over the data. */
  private pass(): Promise<{ value: number; gradient: Float64Array; hessian: Float64Array }> {
    this.passOnce ??= (async () => {
      const { X, y, weights, weightSum, fitIntercept } = this.data;
      const [H, g, loss] = glmPass(X, y, this.w, { family: this.problem.family.name, weights, appendOnes: fitIntercept });
      const [hessian, gradient, total] = await Promise.all([fetch(H), fetch(g), fetch(loss)]);
      const scale = 1 / weightSum;
      for (let i = 0; i < hessian.length; i++) hessian[i]! *= scale;
      addL2(this.problem.penalty, this.w, new Float64Array(this.w.length), hessian);
      return { value: total[0]! * scale + l2Value(this.problem.penalty, this.w), gradient: this.finish(gradient), hessian };
    })();
    return this.passOnce;
  }

  /** Scales the data term's gradient by 1/S and adds the L2 term. */
  private finish(g: Float64Array): Float64Array {
    const scale = 1 / this.data.weightSum;
    for (let i = 0; i < g.length; i++) g[i]! *= scale;
    addL2(this.problem.penalty, this.w, g);
    return g;
  }

  dispose(): void {
    this.etaArray?.dispose();
    this.etaArray = null;
  }
}
