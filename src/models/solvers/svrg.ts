// SPDX-License-Identifier: Apache-2.0
/**
 * Stochastic gradient descent over mini-batches = the row blocks of X, with variance reduction
 * (proximal SVRG: Johnson & Zhang 2013; Xiao & Zhang 2014), so it converges to the exact minimum
 * rather than a noise ball. An epoch takes a snapshot w̃ with its full gradient (one parallel pass
 * that also yields every batch's gradient at w̃), then visits the batches in a random order (seeded
 * by `randomState`) with steps w ← prox(w − η·(∇f_b(w) − ∇f_b(w̃) + ∇f(w̃))), each reading one row
 * block. The step η starts at the step a backtracking full proximal-gradient step accepts at the
 * first snapshot and is halved whenever an epoch does not decrease F (that epoch is then redone
 * from its snapshot). One iteration is one epoch; converged when the full gradient mapping at a
 * snapshot is at most `tol`.
 */
import { normInf, sub } from "./dense.js";
import { type BatchedProblem, l1Value, optimality, proxL1 } from "./problem.js";
import type { SolverOptions, SolverResult } from "./result.js";

export async function svrg(problem: BatchedProblem, w0: Float64Array, options: SolverOptions): Promise<SolverResult> {
  const random = mulberry32(options.randomState ?? 0);
  const F = async (w: Float64Array) => {
    const t = problem.at(w);
    try {
      return (await t.value()) + l1Value(problem.penalty, w);
    } finally {
      t.dispose();
    }
  };
  let snapshot = w0;
  let Fs = await F(snapshot);
  let step = 0;
  for (let epoch = 0; epoch < options.maxIter; epoch++) {
    const batchGrads = await problem.batchGradients(snapshot);
    const full = new Float64Array(problem.size);
    for (const bg of batchGrads) for (let i = 0; i < full.length; i++) full[i]! += bg[i]! / batchGrads.length;
    if (optimality(problem.penalty, snapshot, full) <= options.tol) return { w: snapshot, nIter: epoch, converged: true };
    if (step === 0) step = await initialStep(problem, snapshot, Fs - l1Value(problem.penalty, snapshot), full);
    for (;;) {
      let w = snapshot;
      for (const b of shuffled(batchGrads.length, random)) {
        const gb = await problem.batchGradient(w, b);
        const v = gb.map((g, i) => g - batchGrads[b]![i]! + full[i]!);
        w = proxL1(problem.penalty, w.map((x, i) => x - step * v[i]!), step);
      }
      const Fw = await F(w);
      // Changes of F at the level of its rounding error are accepted: near the minimum F cannot
      // tell better from worse, and the snapshot's gradient decides convergence.
      if (Number.isFinite(Fw) && Fw <= Fs + 16 * Number.EPSILON * Math.abs(Fs)) {
        const moved = normInf(sub(w, snapshot));
        snapshot = w;
        Fs = Fw;
        if (moved === 0) return { w: snapshot, nIter: epoch + 1, converged: true };
        break;
      }
      step /= 2;
      if (step < 1e-300) return { w: snapshot, nIter: epoch + 1, converged: false, reason: "the step size underflowed" };
    }
  }
  return { w: snapshot, nIter: options.maxIter, converged: false, reason: "maxIter reached" };
}

/** 1/L from a backtracking full proximal-gradient step at w. */
async function initialStep(problem: BatchedProblem, w: Float64Array, fw: number, g: Float64Array): Promise<number> {
  let step = 1 / Math.max(normInf(g), 1e-12);
  for (let i = 0; i < 60; i++) {
    const x = proxL1(problem.penalty, w.map((v, j) => v - step * g[j]!), step);
    const dx = sub(x, w);
    let lin = 0;
    let sq = 0;
    for (let j = 0; j < dx.length; j++) {
      lin += g[j]! * dx[j]!;
      sq += dx[j]! * dx[j]!;
    }
    const t = problem.at(x);
    const fx = await t.value();
    t.dispose();
    if (Number.isFinite(fx) && fx <= fw + lin + sq / (2 * step)) return step;
    step /= 2;
  }
  return step;
}

function shuffled(n: number, random: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** A small seeded generator for the batch order (Tommy Ettinger's mulberry32). */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
