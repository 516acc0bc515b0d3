// SPDX-License-Identifier: Apache-2.0
/**
 * The README's demo: logistic regression on a generated problem sized to this machine, the way a
 * scikit-learn user would write it — trainTestSplit, StandardScaler, LogisticRegression (Newton)
 * — on the embedded default runtime, with progress, accuracy, timings and the load per worker.
 */
import { availableParallelism } from "node:os";
import * as nt from "../../index.js";
import { formatBytes } from "../../api/memory-check.js";
import { type Timings, phase } from "./progress.js";
import { defaultRows, makeProblem } from "./problem.js";
import { cosine, printLoad } from "./report.js";

export interface DemoOptions {
  rows?: number;
  cols?: number;
  /** Simulated nodes (default: the embedded default runtime, one node). */
  nodes?: number;
  seed?: number;
}

export async function demo(options: DemoOptions = {}): Promise<void> {
  const cols = options.cols ?? 100;
  const rows = options.rows ?? defaultRows(cols);
  const seed = options.seed ?? 0;
  for (const [name, v] of Object.entries({ rows, cols, seed })) {
    if (!Number.isSafeInteger(v) || v < (name === "seed" ? 0 : 1)) throw new RangeError(`--${name} must be a positive integer, got ${v}`);
  }
  if (options.nodes === undefined) await nt.init();
  else await nt.init({ nodes: options.nodes, workersPerNode: Math.max(1, Math.floor(availableParallelism() / options.nodes)) });
  const runtime = options.nodes === undefined ? "the embedded default runtime" : `${options.nodes} simulated nodes`;
  console.log(`numts demo: logistic regression on ${runtime} (${availableParallelism()} cores)`);
  console.log(`  X is ${rows.toLocaleString("en-US")} × ${cols} float64 (${formatBytes(rows * cols * 8)}), labels from a known coefficient vector\n`);
  nt.resetStats();
  const timings: Timings = new Map();
  const t0 = performance.now();

  const problem = await phase("generate data", timings, () => makeProblem(rows, cols, seed));
  const [XTrain, XTest, yTrain, yTest] = await phase("trainTestSplit", timings, async () => {
    using X = problem.X;
    using y = problem.y;
    const parts = nt.modelSelection.trainTestSplit(X, y, { testSize: 0.2, randomState: seed });
    await Promise.all(parts.map((p) => p.wait()));
    return parts as [nt.BlockArray, nt.BlockArray, nt.BlockArray, nt.BlockArray];
  });
  const scaler = new nt.preprocessing.StandardScaler();
  const [ZTrain, ZTest] = await phase("StandardScaler", timings, async () => {
    using train = XTrain;
    using test = XTest;
    await scaler.fit(train);
    const z = [scaler.transform(train), scaler.transform(test)];
    await Promise.all(z.map((a) => a.wait()));
    return z as [nt.BlockArray, nt.BlockArray];
  });
  const model = new nt.linearModel.LogisticRegression({ solver: "newton" });
  const fitLabel = 'fit (solver "newton")';
  await phase(fitLabel, timings, () => model.fit(ZTrain, yTrain));
  const [trainAccuracy, testAccuracy] = await phase("accuracy", timings, () => Promise.all([model.score(ZTrain, yTrain), model.score(ZTest, yTest)]));
  const total = (performance.now() - t0) / 1000;
  const [nTrain, nTest] = [yTrain.shape[0]!, yTest.shape[0]!];
  for (const a of [ZTrain, ZTest, yTrain, yTest]) a.dispose();

  const fitSeconds = timings.get(fitLabel)!;
  console.log(`\n  train accuracy: ${(100 * trainAccuracy).toFixed(2)}%  (${nTrain.toLocaleString("en-US")} rows)`);
  console.log(`  test accuracy:  ${(100 * testAccuracy).toFixed(2)}%  (${nTest.toLocaleString("en-US")} rows)`);
  console.log(`  coefficients vs the true ones: cosine similarity ${cosine(model.coef.data as Float64Array, problem.coef).toFixed(4)}`);
  console.log(`  Newton iterations: ${model.nIter}, ${((1000 * fitSeconds) / Math.max(1, model.nIter)).toFixed(0)} ms per iteration`);
  console.log(`  total time: ${total.toFixed(2)} s`);
  printLoad(total);
  await nt.shutdown();
}
