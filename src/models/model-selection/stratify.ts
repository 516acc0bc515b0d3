// SPDX-License-Identifier: Apache-2.0
/**
 * Stratified train/test rows, as scikit-learn's StratifiedShuffleSplit chooses them: each class
 * gets its share of the train and test sizes by `_approximate_mode` (the floors of the exact
 * proportional counts, the remaining rows going to the largest remainders, ties broken at
 * random), and within each class the rows are a uniformly random subset.
 *
 * How the rows are drawn differs from scikit-learn's (whose NumPy random stream numts cannot
 * reproduce anyway): one permutation of all rows is drawn, and class k's first n_k rows in that
 * order go to train and its next t_k rows to test. Both index arrays keep the permutation's order,
 * which is uniformly random given the chosen rows (scikit-learn permutes them once more). The
 * per-class counts are exactly scikit-learn's up to the random tie-break. Everything is
 * distributed: label codes from `unique`, one running count (cumsum) per class, and a mask
 * selection of the permutation; only the class counts reach the driver.
 */
import * as nt from "../../index.js";
import type { SplitSizes } from "./split-sizes.js";

export interface SplitIndices {
  readonly train: nt.BlockArray;
  readonly test: nt.BlockArray;
}

/**
 * scikit-learn's `_approximate_mode(class_counts, n_draws, rng)`: `draws` spread over the classes
 * in proportion to `counts`, summing exactly to `draws`; among equal remainders the classes first
 * in `order` (a random permutation of the class numbers) get the extra rows.
 */
export function approximateMode(counts: readonly number[], draws: number, order: readonly number[]): number[] {
  const total = counts.reduce((s, c) => s + c, 0);
  const continuous = counts.map((c) => (c / total) * draws);
  const floored = continuous.map(Math.floor);
  let need = draws - floored.reduce((s, c) => s + c, 0);
  const remainder = continuous.map((c, i) => c - floored[i]!);
  const rank = new Array<number>(counts.length);
  order.forEach((k, i) => (rank[k] = i));
  const values = [...new Set(remainder)].sort((a, b) => b - a);
  for (const value of values) {
    if (need <= 0) break;
    const tied = remainder.flatMap((r, k) => (r === value ? [k] : [])).sort((a, b) => rank[a]! - rank[b]!);
    for (const k of tied.slice(0, need)) floored[k]! += 1;
    need -= Math.min(tied.length, need);
  }
  return floored;
}

/** Classes whose masks are fused into one expression before it is computed (bounds its size). */
const CLASSES_PER_PASS = 8;

/**
 * Train and test row indices (int32, in `perm`'s random order) stratified by `labels`. Rejects
 * with scikit-learn's errors when a class has fewer than 2 rows or a side has fewer rows than
 * there are classes.
 */
export async function stratifiedIndices(labels: nt.BlockArray, perm: nt.BlockArray, sizes: SplitSizes, rng: nt.random.Generator): Promise<SplitIndices> {
  const [classes, inverse, countArray] = nt.unique(labels, { returnInverse: true, returnCounts: true }) as nt.BlockArray[];
  using _classes = classes!;
  using codes = inverse!;
  using _counts = countArray!;
  const counts = Array.from((await countArray!.toArray()).data, Number);
  const K = counts.length;
  if (Math.min(...counts) < 2) {
    throw new RangeError(
      "The least populated class in y has only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2.",
    );
  }
  if (sizes.nTrain < K) throw new RangeError(`The train_size = ${sizes.nTrain} should be greater or equal to the number of classes = ${K}`);
  if (sizes.nTest < K) throw new RangeError(`The test_size = ${sizes.nTest} should be greater or equal to the number of classes = ${K}`);
  const trainCounts = approximateMode(counts, sizes.nTrain, await randomOrder(rng, K));
  const left = counts.map((c, k) => c - trainCounts[k]!);
  const testCounts = approximateMode(left, sizes.nTest, await randomOrder(rng, K));

  using permCodes = nt.take(codes, perm);
  let inTrain: nt.BlockArray | null = null;
  let inTest: nt.BlockArray | null = null;
  for (let k = 0; k < K; k++) {
    using isK = nt.equal(permCodes, k);
    using rank = nt.cumsum(isK); // 1-based position of each row among its class, in perm's order
    const train = isK.logicalAnd(rank.lessEqual(trainCounts[k]!));
    const test = isK.logicalAnd(rank.greater(trainCounts[k]!)).logicalAnd(rank.lessEqual(trainCounts[k]! + testCounts[k]!));
    inTrain = accumulate(inTrain, train);
    inTest = accumulate(inTest, test);
    if ((k + 1) % CLASSES_PER_PASS === 0) await Promise.all([inTrain.wait(), inTest.wait()]);
  }
  using trainMask = inTrain!;
  using testMask = inTest!;
  return { train: perm.get([trainMask]), test: perm.get([testMask]) };
}

function accumulate(acc: nt.BlockArray | null, mask: nt.BlockArray): nt.BlockArray {
  if (acc === null) return mask;
  const out = acc.logicalOr(mask);
  acc.dispose();
  mask.dispose();
  return out;
}

/** A random permutation of 0..K-1 from the split's generator (the tie-break order). */
async function randomOrder(rng: nt.random.Generator, K: number): Promise<number[]> {
  using p = rng.permutation(K);
  return Array.from((await p.toArray()).data, Number);
}
