// SPDX-License-Identifier: Apache-2.0
/**
 * The demo's synthetic classification problem, generated in place on the workers with numts's
 * reproducible random numbers: features of very different scales and offsets (so standardizing
 * matters), and labels drawn from a logistic model with a known coefficient vector.
 */
import { availableParallelism, totalmem } from "node:os";
import * as nt from "../../index.js";

export interface Problem {
  readonly X: nt.BlockArray;
  readonly y: nt.BlockArray;
  /** The coefficients in standardized units (what a fit on standardized X should recover). */
  readonly coef: Float64Array;
}

/** Default size: X takes about 1/16 of RAM, at most half a million rows per core (a demo of seconds, not minutes). */
export function defaultRows(cols: number): number {
  const byMemory = Math.floor(totalmem() / 16 / (8 * cols));
  return Math.max(1000, Math.min(byMemory, 500_000 * availableParallelism()));
}

/**
 * X = Z·diag(s) + o with Z standard normal, s and o spread over several orders of magnitude;
 * y ~ Bernoulli(σ(Z·β + b)) with β ~ N(0, 0.3²) (so the standardized model is β, b).
 */
export async function makeProblem(rows: number, cols: number, seed: number): Promise<Problem> {
  const rng = nt.random.defaultRng(seed);
  using scales = nt.power(10, rng.uniform(-2, 3, [cols]));
  using offsets = rng.normal(0, 100, [cols]);
  using beta = rng.normal(0, 0.3, [cols]);
  using Z = rng.standardNormal([rows, cols]);
  using eta = Z.matmul(beta).add(0.5);
  using u = rng.random([rows]);
  const y = u.less(nt.divide(1, nt.exp(eta.negative()).add(1))).astype("float64");
  const X = Z.multiply(scales).add(offsets);
  await Promise.all([X.wait(), y.wait()]);
  return { X, y, coef: (await beta.toArray()).data as Float64Array };
}
