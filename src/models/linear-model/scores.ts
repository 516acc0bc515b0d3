// SPDX-License-Identifier: Apache-2.0
/**
 * The `score` of each model, as scikit-learn's: accuracy for classifiers, R² for least squares,
 * D² (fraction of Poisson deviance explained) for Poisson regression — all with sample weights,
 * each one fused reduction per sum. A constant target (zero denominator) scores 1 when predicted
 * exactly and 0 otherwise (scikit-learn's `force_finite`).
 */
import * as nt from "../../index.js";

type A = nt.BlockArray;

async function total(x: A, weights: A | null): Promise<number> {
  using weighted = weights ? x.multiply(weights) : null;
  using s = nt.sum(weighted ?? x);
  return Number(await s.item());
}

function explained(num: number, den: number): number {
  if (den === 0) return num === 0 ? 1 : 0;
  return 1 - num / den;
}

/** Weighted mean accuracy of predicted labels. */
export async function accuracy(yTrue: A, yPred: A, weights: A | null): Promise<number> {
  using hits = nt.equal(yTrue, yPred).astype("float64");
  const [h, s] = await Promise.all([total(hits, weights), weights ? total(weights, null) : Promise.resolve(yTrue.shape[0]!)]);
  return h / s;
}

/** R² = 1 − Σw(y − ŷ)² / Σw(y − ȳ)². */
export async function r2Score(yTrue: A, yPred: A, weights: A | null): Promise<number> {
  const S = weights ? await total(weights, null) : yTrue.shape[0]!;
  const mean = (await total(yTrue, weights)) / S;
  using res = nt.square(yTrue.subtract(yPred));
  using dev = nt.square(yTrue.subtract(mean));
  const [num, den] = await Promise.all([total(res, weights), total(dev, weights)]);
  return explained(num, den);
}

/** The Poisson unit deviance 2·(y·log(y/μ) − y + μ), with y·log(y/μ) = 0 at y = 0. */
function poissonDeviance(y: A, mu: A | number): A {
  using ratio = nt.log(nt.divide(y, mu));
  using ylog = nt.where(nt.greater(y, 0), y.multiply(ratio), 0);
  return ylog.subtract(y).add(mu).multiply(2);
}

/** D² = 1 − Σw·dev(y, μ) / Σw·dev(y, ȳ). */
export async function d2PoissonScore(yTrue: A, mu: A, weights: A | null): Promise<number> {
  const S = weights ? await total(weights, null) : yTrue.shape[0]!;
  const mean = (await total(yTrue, weights)) / S;
  using dm = poissonDeviance(yTrue, mu);
  using d0 = poissonDeviance(yTrue, mean);
  const [num, den] = await Promise.all([total(dm, weights), total(d0, weights)]);
  return explained(num, den);
}
