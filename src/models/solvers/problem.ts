// SPDX-License-Identifier: Apache-2.0
/**
 * What the solvers minimize: F(w) = f(w) + λ₁·‖P·w‖₁ with f smooth (the averaged data term plus
 * (λ₂/2)·‖P·w‖²) and P the mask of penalized coordinates (intercepts are never penalized). A
 * problem hands out trial points: evaluating f at w is one pass over the data, its gradient and
 * Hessian a second (see glm/distributed-problem.ts), so solvers ask only for what they use.
 */

/** The penalty: λ₁‖P·w‖₁ + (λ₂/2)‖P·w‖², P = diag(mask). */
export interface Penalty {
  readonly l1: number;
  readonly l2: number;
  /** 1 for penalized coordinates, 0 for intercepts. */
  readonly mask: Uint8Array;
}

/** f at one point, with its derivatives on request (each computed once). */
export interface Trial {
  readonly w: Float64Array;
  /** f(w): the smooth part, data term and L2 penalty. */
  value(): Promise<number>;
  /** ∇f(w). */
  gradient(): Promise<Float64Array>;
  /** ∇f(w) and ∇²f(w) (row-major p×p, symmetric positive semi-definite). */
  gradientHessian(): Promise<{ gradient: Float64Array; hessian: Float64Array }>;
  /** Releases the point's distributed intermediates. */
  dispose(): void;
}

export interface Problem {
  /** Number of parameters p. */
  readonly size: number;
  readonly penalty: Penalty;
  /**
   * The trial point w. `hessian: false` promises that its Hessian will not be asked, so a problem
   * that evaluates everything in one pass (glm/distributed-problem.ts) computes only what is asked.
   */
  at(w: Float64Array, options?: { hessian?: boolean }): Trial;
}

/** `problem` for a solver that never asks for Hessians (L-BFGS after a Newton-type solver gave up). */
export function withoutHessians(problem: Problem): Problem {
  return { size: problem.size, penalty: problem.penalty, at: (w) => problem.at(w, { hessian: false }) };
}

/** A problem whose data term splits into row batches (the row blocks of X), for stochastic solvers. */
export interface BatchedProblem extends Problem {
  readonly batches: number;
  /**
   * An unbiased estimate of ∇f(w) from batch b: B times the batch's share of the data term's
   * gradient, plus the L2 term (averaged over the batches it is the full gradient).
   */
  batchGradient(w: Float64Array, b: number): Promise<Float64Array>;
  /** The B batch estimates at w at once (all batches in parallel); their mean is ∇f(w). */
  batchGradients(w: Float64Array): Promise<Float64Array[]>;
}

export function isBatched(p: Problem): p is BatchedProblem {
  return "batchGradient" in p;
}

/** λ₁‖P·w‖₁: the non-smooth part of F. */
export function l1Value(penalty: Penalty, w: Float64Array): number {
  if (penalty.l1 === 0) return 0;
  let s = 0;
  for (let i = 0; i < w.length; i++) if (penalty.mask[i]) s += Math.abs(w[i]!);
  return penalty.l1 * s;
}

/** prox of t·λ₁‖P·w‖₁ at v: soft-thresholding of the penalized coordinates. */
export function proxL1(penalty: Penalty, v: Float64Array, t: number): Float64Array {
  const out = Float64Array.from(v);
  const k = t * penalty.l1;
  if (k === 0) return out;
  for (let i = 0; i < v.length; i++) if (penalty.mask[i]) out[i] = softThreshold(v[i]!, k);
  return out;
}

export function softThreshold(x: number, k: number): number {
  return x > k ? x - k : x < -k ? x + k : 0;
}

/**
 * The optimality residual of F at w given ∇f(w): the minimum-norm subgradient, max-norm. For a
 * smooth problem it is ‖∇f(w)‖∞ (scikit-learn's convergence test); zero exactly at the minimum.
 */
export function optimality(penalty: Penalty, w: Float64Array, g: Float64Array): number {
  let m = 0;
  for (let i = 0; i < w.length; i++) {
    let r = g[i]!;
    if (penalty.l1 > 0 && penalty.mask[i]) {
      r = w[i] !== 0 ? r + penalty.l1 * Math.sign(w[i]!) : Math.max(Math.abs(r) - penalty.l1, 0);
    }
    m = Math.max(m, Math.abs(r));
  }
  return m;
}
