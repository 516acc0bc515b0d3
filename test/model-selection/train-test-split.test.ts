// SPDX-License-Identifier: Apache-2.0
/**
 * trainTestSplit: sizes and their errors against scikit-learn's `_validate_shuffle_split`
 * (test/fixtures/preprocessing/cases.json), stratified class counts against `_approximate_mode`,
 * and the properties numts promises instead of scikit-learn's exact rows (which come from NumPy's
 * random stream): the two sets are disjoint, rows of all arrays stay aligned, the same seed gives
 * the same split under every layout and node count, and stratification keeps class proportions.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { approximateMode } from "../../src/models/model-selection/stratify.js";
import { readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";

interface SizeCase {
  n: number;
  testSize: number | null;
  trainSize: number | null;
  nTrain?: number;
  nTest?: number;
  error?: string;
}

const fixtures = readFixture<{ sizes: SizeCase[]; approximateMode: { counts: number[]; draws: number; expected: number[] }[] }>("preprocessing/cases.json");

const split = nt.modelSelection.trainTestSplit;
const values = async (a: nt.BlockArray) => Array.from((await a.toArray()).data, Number);

/** The split of 37 rows with seed 7 under the first runtime; every other runtime and layout must match it. */
let reference: number[][] | null = null;

describeRuntimes("trainTestSplit", () => {
  for (const c of fixtures.sizes) {
    test(`n=${c.n} testSize=${c.testSize} trainSize=${c.trainSize}`, async () => {
      using x = nt.arange(c.n);
      const run = () => split(x, { testSize: c.testSize, trainSize: c.trainSize, randomState: 0 });
      if (c.error) return assert.throws(run, (e: Error) => e instanceof RangeError && e.message === c.error);
      const [train, test] = run();
      assert.deepEqual([train!.shape, test!.shape], [[c.nTrain], [c.nTest]]);
      const rows = [...(await values(train!)), ...(await values(test!))];
      assert.equal(new Set(rows).size, c.nTrain! + c.nTest!, "train and test are disjoint");
    });
  }

  test("rows stay aligned across arrays, and the split is the same for every layout", async () => {
    const n = 37;
    for (const layout of layoutsFor([n, 3])) {
      using X = nt.arange(n * 3).reshape([n, 3]).rechunk(layout.blockShape);
      using y = nt.arange(n).rechunk([layout.blockShape[0]!]);
      const [XTrain, XTest, yTrain, yTest] = split(X, y, { randomState: 7 });
      assert.deepEqual([XTrain!.shape, XTest!.shape, yTrain!.shape, yTest!.shape], [[27, 3], [10, 3], [27], [10]]);
      const trainRows = await values(yTrain!);
      const testRows = await values(yTest!);
      assert.deepEqual(await values(XTrain!), trainRows.flatMap((i) => [3 * i, 3 * i + 1, 3 * i + 2]));
      assert.deepEqual(await values(XTest!), testRows.flatMap((i) => [3 * i, 3 * i + 1, 3 * i + 2]));
      assert.equal(new Set([...trainRows, ...testRows]).size, n);
      assert.notDeepEqual(trainRows, [...trainRows].sort((a, b) => a - b), "shuffled");
      if (reference === null) reference = [trainRows, testRows];
      else assert.deepEqual([trainRows, testRows], reference, `same split under ${layout.name}`);
    }
    const [other] = split(nt.arange(n), { randomState: 8 });
    assert.notDeepEqual(await values(other!), reference![0], "another seed, another split");
  });

  test("shuffle false keeps the order; local inputs are accepted", async () => {
    const [a, b, c, d] = split([[0], [1], [2], [3], [4]], new Float64Array([10, 11, 12, 13, 14]), { shuffle: false, testSize: 2 });
    assert.deepEqual(await a!.toNested(), [[0], [1], [2]]);
    assert.deepEqual(await b!.toNested(), [[3], [4]]);
    assert.deepEqual(await values(c!), [10, 11, 12]);
    assert.deepEqual(await values(d!), [13, 14]);
  });

  test("stratify keeps each class's share, with scikit-learn's counts", async () => {
    const labels = [...Array(50).fill(0), ...Array(30).fill(2), ...Array(20).fill(5)];
    for (const layout of layoutsFor([100])) {
      using y = nt.array(labels, { blockShape: layout.blockShape });
      using rowIds = nt.arange(100).rechunk(layout.blockShape);
      const [rTrain, rTest, yTrain, yTest] = split(rowIds, y, { stratify: y, testSize: 0.3, randomState: 3 });
      assert.deepEqual(rTest!.shape, [30], "shape known before the classes are counted");
      const count = (v: number[], k: number) => v.filter((x) => x === k).length;
      const tr = await values(yTrain!);
      const te = await values(yTest!);
      assert.deepEqual([0, 2, 5].map((k) => count(tr, k)), [35, 21, 14]);
      assert.deepEqual([0, 2, 5].map((k) => count(te, k)), [15, 9, 6]);
      const rows = [...(await values(rTrain!)), ...(await values(rTest!))];
      assert.equal(new Set(rows).size, 100);
      assert.deepEqual(rows.map((i) => labels[i]), [...tr, ...te], "labels follow their rows");
    }
  });

  test("stratify errors", async () => {
    using x = nt.arange(10);
    await assert.rejects(split(x, { stratify: [0, 0, 0, 0, 0, 0, 0, 0, 0, 1], randomState: 0 })[0]!.toArray(), /The least populated class in y has only 1 member/);
    await assert.rejects(split(x, { stratify: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4], randomState: 0 })[1]!.toArray(), /The test_size = 3 should be greater or equal to the number of classes = 5/);
    assert.throws(() => split(x, { stratify: [0, 1, 0, 1, 0, 1, 0, 1, 0, 1], shuffle: false }), /Stratified train\/test split is not implemented for shuffle=False/);
    assert.throws(() => split(x, { stratify: [0, 1, 0] }), /Found input variables with inconsistent numbers of samples: \[10, 3\]/);
    assert.throws(() => split(x, { stratify: nt.zeros([10, 2]) }), /stratify must be 1-D class labels/);
  });

  test("argument errors", () => {
    using x = nt.arange(10);
    assert.throws(() => split(), /At least one array required as input/);
    assert.throws(() => split(x, nt.arange(9)), /Found input variables with inconsistent numbers of samples: \[10, 9\]/);
    assert.throws(() => split(nt.array(3)), /Singleton array/);
    for (const bad of [1.5, -1, 0, -0.5]) {
      assert.throws(() => split(x, { testSize: bad }), (e: Error) => e instanceof RangeError && e.message.includes(`The 'testSize' parameter of train_test_split must be a float in the range (0.0, 1.0), an int in the range [1, inf) or None. Got ${bad} instead.`));
    }
    assert.throws(() => split(x, { trainSize: "half" as unknown as number }), TypeError);
    assert.throws(() => split(x, { randomState: -1 }), /The 'randomState' parameter of train_test_split must be a non-negative integer/);
    assert.throws(() => split(x, { shuffle: "yes" as unknown as boolean }), /The 'shuffle' parameter of train_test_split must be an instance of 'bool'/);
  });
});

test("approximateMode gives scikit-learn's per-class counts", () => {
  for (const c of fixtures.approximateMode) {
    assert.deepEqual(approximateMode(c.counts, c.draws, c.counts.map((_, k) => k)), c.expected, JSON.stringify(c));
  }
  // Ties (equal remainders) go to the classes first in the random order.
  assert.deepEqual(approximateMode([1, 1, 1], 2, [2, 0, 1]), [1, 0, 1]);
  assert.deepEqual(approximateMode([1, 1, 1], 2, [1, 2, 0]), [0, 1, 1]);
});
