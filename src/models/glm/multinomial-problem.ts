// SPDX-License-Identifier: Apache-2.0
/**
 * Multinomial logistic regression over distributed data (scikit-learn's symmetric
 * parametrization: one coefficient vector and intercept per class, K in all):
 *   F(W) = (1/S)·Σᵢ wᵢ·(logΣₖ exp ηᵢₖ − Σₖ Yᵢₖ ηᵢₖ) + penalty,  η = X·B + b  (n×K).
 * Gradient: X̃ᵀ·R with R = w·(P − Y), P the row softmax of η. Hessian block (k, l):
 * X̃ᵀ·diag(w·Pₖ(δₖₗ − Pₗ))·X̃ — K(K+1)/2 weighted Gram passes, the first also computing X̃ᵀR.
 *
 * The loss is invariant to adding one vector to every class (Σₖ Pₖ = 1), so along each
 * unpenalized coordinate j the Hessian has the null direction vⱼ = Σₖ e(k, j) and the gradient is
 * orthogonal to it. Adding c·vⱼvⱼᵀ makes the Hessian definite without changing a Newton step's
 * component orthogonal to the vⱼ and keeps steps with vⱼᵀd = 0: iterates from 0 keep Σₖ wₖⱼ = 0,
 * the representative scikit-learn reports.
 */
import * as nt from "../../index.js";
import type { BatchedProblem, Penalty, Trial } from "../solvers/problem.js";
import { type GlmData, Layout, type RowBatch, disposeBatches, rowBatches, addL2, fetch, isZero, l2Value } from "./data.js";

type A = nt.BlockArray;

export class MultinomialProblem implements BatchedProblem {
  readonly layout: Layout;
  private batchList: RowBatch[] | null = null;

  constructor(
    readonly data: GlmData,
    readonly penalty: Penalty,
    classes: number,
  ) {
    this.layout = new Layout(data.X.shape[1]!, classes, data.fitIntercept);
  }

  get size(): number {
    return this.layout.size;
  }

  get batches(): number {
    return this.data.X.gridShape[0]!;
  }

  at(w: Float64Array): Trial {
    return new MultinomialTrial(this, w, { X: this.data.X, y: this.data.y, weights: this.data.weights });
  }

  /** η = X·B + b (n×K); zeros without a pass when w = 0. */
  linearPredictor(X: A, w: Float64Array): A {
    const { features: d, classes: K } = this.layout;
    const n = X.shape[0]!;
    if (isZero(w)) return nt.zeros([n, K], { blockShape: [X.blockShape[0]!, K] });
    const B = new Float64Array(d * K);
    const b = new Float64Array(K);
    for (let k = 0; k < K; k++) {
      const coef = this.layout.coef(w, k);
      for (let j = 0; j < d; j++) B[j * K + k] = coef[j]!;
      b[k] = this.layout.intercept(w, k);
    }
    using beta = nt.array(B, { shape: [d, K] });
    const eta = X.matmul(beta);
    if (!this.layout.hasIntercept) return eta;
    using xb = eta;
    return xb.add(b);
  }

  /** Scatters X̃ᵀR (d'×K, row-major: features then the intercept row) into the class-major layout. */
  unpack(xr: Float64Array): Float64Array {
    const { width, classes: K } = this.layout;
    const g = new Float64Array(this.layout.size);
    for (let k = 0; k < K; k++) for (let j = 0; j < width; j++) g[k * width + j] = xr[j * K + k]!;
    return g;
  }

  async batchGradients(w: Float64Array): Promise<Float64Array[]> {
    return Promise.all(this.batchesOf().map((_, b) => this.batchGradient(w, b)));
  }

  async batchGradient(w: Float64Array, b: number): Promise<Float64Array> {
    const trial = new MultinomialTrial(this, w, this.batchesOf()[b]!);
    try {
      const g = await trial.dataGradient();
      const scale = this.batches / this.data.weightSum;
      for (let i = 0; i < g.length; i++) g[i]! *= scale;
      addL2(this.penalty, w, g);
      return g;
    } finally {
      trial.dispose();
    }
  }

  private batchesOf(): RowBatch[] {
    this.batchList ??= rowBatches(this.data, this.batches);
    return this.batchList;
  }

  dispose(): void {
    disposeBatches(this.batchList);
    this.batchList = null;
  }
}

/** The softmax pieces of η: log-sum-exp per row (n×1) and the probabilities P (n×K). */
interface Softmax {
  readonly eta: A;
  readonly lse: A;
  readonly P: A;
}

class MultinomialTrial implements Trial {
  private soft: Softmax | null = null;
  private valueOnce: Promise<number> | null = null;
  private gradientOnce: Promise<Float64Array> | null = null;
  private hessianOnce: Promise<{ gradient: Float64Array; hessian: Float64Array }> | null = null;

  constructor(
    private readonly problem: MultinomialProblem,
    readonly w: Float64Array,
    private readonly rows: RowBatch,
  ) {}

  private get softmax(): Softmax {
    if (this.soft) return this.soft;
    const eta = this.problem.linearPredictor(this.rows.X, this.w);
    using m = nt.max(eta, { axis: 1, keepdims: true });
    using z = eta.subtract(m);
    using e = nt.exp(z);
    using se = nt.sum(e, { axis: 1, keepdims: true });
    using logSe = nt.log(se);
    const lse = m.add(logSe);
    const P = e.divide(se);
    this.soft = { eta, lse, P };
    return this.soft;
  }

  /** Weights as a column (n×1) to broadcast over the classes, or null. */
  private column(): A | null {
    const { weights } = this.rows;
    return weights ? weights.reshape([weights.shape[0]!, 1]) : null;
  }

  value(): Promise<number> {
    this.valueOnce ??= (async () => {
      const { eta, lse } = this.softmax;
      using wc = this.column();
      using fit = this.rows.y.multiply(eta);
      using perRow = lse.subtract(nt.sum(fit, { axis: 1, keepdims: true }));
      using weighted = wc ? perRow.multiply(wc) : perRow;
      const total = Number(await nt.sum(weighted).item());
      return total / this.problem.data.weightSum + l2Value(this.problem.penalty, this.w);
    })();
    return this.valueOnce;
  }

  /** R = w·(P − Y) (n×K). */
  private residual(): A {
    using wc = this.column();
    const diff = this.softmax.P.subtract(this.rows.y);
    if (!wc) return diff;
    using d = diff;
    return d.multiply(wc);
  }

  /** The data term's gradient X̃ᵀR, unscaled, in the parameter layout. */
  async dataGradient(): Promise<Float64Array> {
    using R = this.residual();
    const { layout } = this.problem;
    const parts = [fetch(this.rows.X.T.matmul(R))];
    if (layout.hasIntercept) parts.push(fetch(nt.sum(R, { axis: 0 })));
    const [xr, sr] = await Promise.all(parts);
    const K = layout.classes;
    const stacked = new Float64Array(layout.width * K);
    stacked.set(xr!);
    if (sr) stacked.set(sr, layout.features * K);
    return this.problem.unpack(stacked);
  }

  gradient(): Promise<Float64Array> {
    if (this.hessianOnce) return this.hessianOnce.then((x) => x.gradient);
    this.gradientOnce ??= this.dataGradient().then((g) => this.finish(g));
    return this.gradientOnce;
  }

  gradientHessian(): Promise<{ gradient: Float64Array; hessian: Float64Array }> {
    this.hessianOnce ??= (async () => {
      const { layout, penalty } = this.problem;
      const { width: dp, classes: K, size: p } = layout;
      const { X, weights } = this.rows;
      const n = X.shape[0]!;
      const appendOnes = layout.hasIntercept;
      using R = this.residual();
      const columns = nt.split(this.softmax.P, K, { axis: 1 }).map((c) => {
        using col = c;
        return col.reshape([n]);
      });
      const blocks: Promise<Float64Array>[] = [];
      let gradient: Promise<Float64Array> | null = null;
      for (let k = 0; k < K; k++) {
        for (let l = k; l < K; l++) {
          const pk = columns[k]!;
          const pl = columns[l]!;
          using s0 = k === l ? pk.multiply(nt.subtract(1, pk)) : pk.multiply(pl).negative();
          using s = weights ? s0.multiply(weights) : s0;
          if (k === 0 && l === 0) {
            const [H, G] = nt.linalg.gramAndProduct(X, R, { weights: s, appendOnes });
            blocks.push(fetch(H));
            gradient = fetch(G).then((g) => this.finish(this.problem.unpack(g)));
          } else {
            blocks.push(fetch(nt.linalg.gram(X, { weights: s, appendOnes })));
          }
        }
      }
      for (const c of columns) c.dispose();
      const grams = await Promise.all(blocks);
      const hessian = new Float64Array(p * p);
      const S = this.problem.data.weightSum;
      let b = 0;
      for (let k = 0; k < K; k++) {
        for (let l = k; l < K; l++) {
          const g = grams[b++]!;
          for (let i = 0; i < dp; i++) {
            for (let j = 0; j < dp; j++) {
              const v = g[i * dp + j]! / S;
              hessian[(k * dp + i) * p + l * dp + j] = v;
              hessian[(l * dp + j) * p + k * dp + i] = v;
            }
          }
        }
      }
      addL2(penalty, this.w, new Float64Array(p), hessian);
      // c·vⱼvⱼᵀ along the unpenalized coordinates' null directions (see the module comment).
      let c = 0;
      for (let i = 0; i < p; i++) c = Math.max(c, hessian[i * p + i]!);
      const free = (j: number) => !penalty.mask[j] || (penalty.l1 === 0 && penalty.l2 === 0);
      for (let j = 0; j < dp; j++) {
        if (!free(j)) continue;
        for (let k = 0; k < K; k++) for (let l = 0; l < K; l++) hessian[(k * dp + j) * p + l * dp + j]! += c > 0 ? c : 1;
      }
      return { gradient: await gradient!, hessian };
    })();
    return this.hessianOnce;
  }

  private finish(g: Float64Array): Float64Array {
    const scale = 1 / this.problem.data.weightSum;
    for (let i = 0; i < g.length; i++) g[i]! *= scale;
    addL2(this.problem.penalty, this.w, g);
    return g;
  }

  dispose(): void {
    if (!this.soft) return;
    for (const a of [this.soft.eta, this.soft.lse, this.soft.P]) a.dispose();
    this.soft = null;
  }
}
