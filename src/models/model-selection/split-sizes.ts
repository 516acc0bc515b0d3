// SPDX-License-Identifier: Apache-2.0
/**
 * How many rows a train/test split takes: scikit-learn's parameter validation of `test_size` and
 * `train_size` and its `_validate_shuffle_split`, with its messages. A fraction is a non-integer
 * number in (0, 1); an integer is a count (JavaScript cannot tell `1.0` from `1`, so where Python
 * would read the float 1.0 as a fraction, and refuse it, numts reads it as one row).
 */

export interface SplitSizes {
  readonly nTrain: number;
  readonly nTest: number;
}

type Size = number | null | undefined;

const FN = "train_test_split";
const shown = (v: unknown) => (v === null || v === undefined ? "None" : typeof v === "string" ? `'${v}'` : String(v));

/** A size option: a fraction in (0, 1), an integer ≥ 1, or null (scikit-learn's validate_params). */
function checkSize(name: string, value: unknown): number | null {
  if (value === null || value === undefined) return null;
  const message = `The '${name}' parameter of ${FN} must be a float in the range (0.0, 1.0), an int in the range [1, inf) or None. Got ${shown(value)} instead.`;
  if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(message);
  const ok = Number.isInteger(value) ? value >= 1 : value > 0 && value < 1;
  if (!ok) throw new RangeError(message);
  return value;
}

const isFraction = (v: number | null): v is number => v !== null && !Number.isInteger(v);

/** n_train and n_test for `n` samples; throws scikit-learn's errors for sizes that do not fit. */
export function splitSizes(n: number, testSizeOption: Size, trainSizeOption: Size, defaultTestSize = 0.25): SplitSizes {
  let testSize = checkSize("testSize", testSizeOption);
  const trainSize = checkSize("trainSize", trainSizeOption);
  if (testSize === null && trainSize === null) testSize = defaultTestSize;
  for (const [name, v] of [["test_size", testSize], ["train_size", trainSize]] as const) {
    if (v !== null && Number.isInteger(v) && v >= n) {
      throw new RangeError(`${name}=${v} should be either positive and smaller than the number of samples ${n} or a float in the (0, 1) range`);
    }
  }
  if (isFraction(trainSize) && isFraction(testSize) && trainSize + testSize > 1) {
    throw new RangeError(`The sum of test_size and train_size = ${trainSize + testSize}, should be in the (0, 1) range. Reduce test_size and/or train_size.`);
  }
  let nTest = testSize === null ? null : isFraction(testSize) ? Math.ceil(testSize * n) : testSize;
  let nTrain = trainSize === null ? null : isFraction(trainSize) ? Math.floor(trainSize * n) : trainSize;
  if (nTrain === null) nTrain = n - nTest!;
  if (nTest === null) nTest = n - nTrain;
  if (nTrain + nTest > n) {
    throw new RangeError(
      `The sum of train_size and test_size = ${nTrain + nTest}, should be smaller than the number of samples ${n}. Reduce test_size and/or train_size.`,
    );
  }
  if (nTrain === 0) {
    throw new RangeError(
      `With n_samples=${n}, test_size=${shown(testSize)} and train_size=${shown(trainSize)}, the resulting train set will be empty. Adjust any of the aforementioned parameters.`,
    );
  }
  return { nTrain, nTest };
}
