// SPDX-License-Identifier: Apache-2.0
/**
 * scikit-learn's `train_test_split` for distributed arrays. Rows are chosen by an index array:
 * the first `nTest` entries of a random permutation of the rows go to test and the next `nTrain`
 * to train (ShuffleSplit's rule), or the stratified choice of stratify.ts; every input is then
 * gathered along axis 0 by `take` with that (distributed) index array, so no input is ever
 * collected in one place. The permutation comes from numts's counter-based generator: the same
 * `randomState` gives the same split for every block shape and node count (not scikit-learn's rows:
 * NumPy's random stream is not reproducible here). Without shuffling, the splits are views.
 * The permutation itself (4 bytes per row) is still drawn on one worker, so a shuffled split takes
 * at most 2^26 rows (`Generator.permutation`'s limit, docs/random.md); the data never is.
 * Differences from scikit-learn: `randomState` is a seed (no RandomState objects); an integer-
 * valued size is a count even when written `1.0`; `stratify` takes 1-D labels only.
 */
import * as nt from "../../index.js";
import { ShapeError } from "../../errors.js";
import { checkBool } from "../params.js";
import { type SplitSizes, splitSizes } from "./split-sizes.js";
import { type SplitIndices, stratifiedIndices } from "./stratify.js";

export interface TrainTestSplitOptions {
  /** Fraction (in (0, 1)) or number of rows for the test set; default 0.25 (or the complement of trainSize). */
  testSize?: number | null;
  /** Fraction or number of rows for the train set; default the complement of testSize. */
  trainSize?: number | null;
  /** Seed (a non-negative integer) of the permutation; null draws a fresh one. */
  randomState?: number | bigint | null;
  /** Default true; false splits the rows in order (train first). */
  shuffle?: boolean;
  /** Class labels (1-D, one per row): each class keeps its proportion in both sets. */
  stratify?: nt.ArrayLike | null;
}

const FN = "train_test_split";

const isOptions = (v: unknown): v is TrainTestSplitOptions =>
  v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

/**
 * Splits arrays (equal first dimensions) into random train and test subsets:
 * `[aTrain, aTest, bTrain, bTest, ...]`. Argument errors throw here; with a BlockArray `stratify`,
 * errors that depend on its values (a class with one row, fewer rows than classes) reject every
 * result.
 *
 * @example
 * const [XTrain, XTest, yTrain, yTest] = nt.modelSelection.trainTestSplit(X, y, { testSize: 0.2, randomState: 0 });
 */
export function trainTestSplit(...args: (nt.ArrayLike | TrainTestSplitOptions)[]): nt.BlockArray[] {
  const options: TrainTestSplitOptions = args.length > 0 && isOptions(args[args.length - 1]) ? (args.pop() as TrainTestSplitOptions) : {};
  const inputs = args as nt.ArrayLike[];
  if (inputs.length === 0) throw new RangeError("At least one array required as input");
  const shuffle = checkBool(FN, "shuffle", options.shuffle ?? true);
  const made: nt.BlockArray[] = [];
  const own = (x: nt.ArrayLike) => {
    const a = nt.asarray(x);
    if (a !== x) made.push(a);
    return a;
  };
  const disposeMade = () => made.forEach((a) => a.dispose());
  try {
    const arrays = inputs.map(own);
    const labels = options.stratify === null || options.stratify === undefined ? null : own(options.stratify);
    const n = checkLengths(labels ? [...arrays, labels] : arrays);
    const sizes = splitSizes(n, options.testSize, options.trainSize);
    if (!shuffle) {
      if (labels) throw new RangeError("Stratified train/test split is not implemented for shuffle=False");
      const out = arrays.flatMap((a) => [a.get([nt.slice(0, sizes.nTrain)]), a.get([nt.slice(sizes.nTrain, sizes.nTrain + sizes.nTest)])]);
      disposeMade();
      return out;
    }
    if (labels && labels.ndim !== 1) {
      throw new ShapeError(`${FN}: stratify must be 1-D class labels, got an array of shape (${labels.shape.join(", ")}) (multilabel stratify is not supported)`);
    }
    const rng = nt.random.defaultRng(checkSeed(options.randomState));
    const perm = rng.permutation(n);
    if (labels) return stratifiedSplit(arrays, labels, perm, sizes, rng, disposeMade);
    using _perm = perm;
    using test = perm.get([nt.slice(0, sizes.nTest)]);
    using train = perm.get([nt.slice(sizes.nTest, sizes.nTest + sizes.nTrain)]);
    const out = gatherAll(arrays, { train, test });
    disposeMade();
    return out;
  } catch (e) {
    disposeMade();
    throw e;
  }
}

/** The common number of rows; scikit-learn's errors for 0-d inputs and differing lengths. */
function checkLengths(arrays: readonly nt.BlockArray[]): number {
  for (const a of arrays) {
    if (a.ndim === 0) throw new TypeError("Singleton array (0-d) cannot be considered a valid collection.");
  }
  const lengths = arrays.map((a) => a.shape[0]!);
  if (new Set(lengths).size > 1) throw new ShapeError(`Found input variables with inconsistent numbers of samples: [${lengths.join(", ")}]`);
  return lengths[0]!;
}

/** scikit-learn's random_state: a non-negative integer seed, or none for a fresh one. */
function checkSeed(seed: unknown): number | bigint | undefined {
  if (seed === null || seed === undefined) return undefined;
  if ((typeof seed === "number" && Number.isSafeInteger(seed) && seed >= 0) || (typeof seed === "bigint" && seed >= 0n)) return seed;
  throw new TypeError(`The 'randomState' parameter of ${FN} must be a non-negative integer or None. Got ${String(seed)} instead.`);
}

/** [aTrain, aTest, ...]: each array's rows at the indices, blocked along rows as the array is. */
function gatherAll(arrays: readonly nt.BlockArray[], idx: SplitIndices): nt.BlockArray[] {
  const byRows = new Map<number, nt.BlockArray>();
  const indexFor = (which: nt.BlockArray, rows: number) => {
    const key = rows * 2 + (which === idx.train ? 0 : 1);
    let v = byRows.get(key);
    if (!v) byRows.set(key, (v = which.rechunk([Math.max(1, rows)])));
    return v;
  };
  try {
    return arrays.flatMap((a) => {
      const rows = a.blockShape[0]!;
      return [nt.take(a, indexFor(idx.train, rows), { axis: 0 }), nt.take(a, indexFor(idx.test, rows), { axis: 0 })];
    });
  } finally {
    byRows.forEach((v) => v.dispose());
  }
}

/** The stratified split: deferred results (their shapes are known at once) filled in when the labels' classes are counted. */
function stratifiedSplit(
  arrays: readonly nt.BlockArray[],
  labels: nt.BlockArray,
  perm: nt.BlockArray,
  sizes: SplitSizes,
  rng: nt.random.Generator,
  disposeMade: () => void,
): nt.BlockArray[] {
  const all = (async () => {
    try {
      const idx = await stratifiedIndices(labels, perm, sizes, rng);
      using _train = await idx.train.resolved();
      using _test = await idx.test.resolved();
      return gatherAll(arrays, idx);
    } finally {
      perm.dispose();
      disposeMade();
    }
  })();
  return arrays.flatMap((a, i) =>
    [sizes.nTrain, sizes.nTest].map((rows, side) =>
      nt.BlockArray.deferred(all.then((out) => out[2 * i + side]!), { shape: [rows, ...a.shape.slice(1)], dtype: a.dtype }),
    ),
  );
}
