// SPDX-License-Identifier: Apache-2.0
/**
 * Per-column count, mean and population variance of a 2-D array, ignoring NaNs, as scikit-learn's
 * `_incremental_mean_and_var` computes them for a first batch: optionally weighted, the variance
 * by the corrected two-pass formula  (Σw(x−m)² − (Σw(x−m))²/Σw) / Σw. Each statistic is one
 * column reduction over the distributed array (submitted together); only d-vectors reach the
 * driver.
 */
import * as nt from "../../index.js";

export interface ColumnMoments {
  /** Non-NaN rows per column (their total weight when weighted). */
  readonly count: Float64Array;
  readonly mean: Float64Array;
  /** Null when not asked for. */
  readonly variance: Float64Array | null;
}

const local = async (a: nt.BlockArray) => {
  using owned = a;
  return Float64Array.from((await owned.toArray()).data, Number);
};

/** Moments of X's columns; `weights` is a float64 vector of X's length (or null). */
export async function columnMoments(X: nt.BlockArray, weights: nt.BlockArray | null, withVariance: boolean): Promise<ColumnMoments> {
  return weights ? weightedMoments(X, weights, withVariance) : plainMoments(X, withVariance);
}

async function plainMoments(X: nt.BlockArray, withVariance: boolean): Promise<ColumnMoments> {
  const n = X.shape[0]!;
  using nans = nt.isnan(X);
  const [nanCount, mean, variance] = await Promise.all([
    local(nt.sum(nans, { axis: 0, dtype: "float64" })),
    local(nt.nanmean(X, { axis: 0, dtype: "float64" })),
    withVariance ? local(nt.nanvar(X, { axis: 0, dtype: "float64" })) : null,
  ]);
  return { count: nanCount.map((c) => n - c), mean, variance };
}

async function weightedMoments(X: nt.BlockArray, weights: nt.BlockArray, withVariance: boolean): Promise<ColumnMoments> {
  const n = X.shape[0]!;
  using w = weights.reshape([n, 1]);
  using nans = nt.isnan(X);
  using x0 = nt.where(nans, 0, X);
  const columnSum = (v: nt.BlockArray) => {
    using wv = w.multiply(v);
    return local(nt.sum(wv, { axis: 0, dtype: "float64" }));
  };
  using present = nt.logicalNot(nans);
  const [count, total] = await Promise.all([columnSum(present), columnSum(x0)]);
  const mean = total.map((s, j) => s / count[j]!);
  if (!withVariance) return { count, mean, variance: null };
  using m = nt.array(mean);
  using diff = X.subtract(m);
  using centred = nt.where(nans, 0, diff);
  using squared = centred.multiply(centred);
  const [correction, unnormalized] = await Promise.all([columnSum(centred), columnSum(squared)]);
  const variance = unnormalized.map((u, j) => (u - correction[j]! ** 2 / count[j]!) / count[j]!);
  return { count, mean, variance };
}
