// SPDX-License-Identifier: Apache-2.0
/** The README's demo, run as a user runs it (the `numts demo` command) at a small size. */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const main = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "src", "cli", "main.js");
const run = (...args: string[]) => promisify(execFile)(process.execPath, [main, "demo", ...args], { timeout: 300_000 });

test("numts demo --rows 20000 --cols 8 fits the model and reports accuracy, timing and load", async () => {
  const { stdout } = await run("--rows", "20000", "--cols", "8");
  const accuracy = (side: string) => Number(new RegExp(`${side} accuracy: +([0-9.]+)%`).exec(stdout)?.[1]);
  for (const side of ["train", "test"]) {
    const a = accuracy(side);
    // The labels are drawn from a logistic model: far better than chance, never perfect.
    assert.ok(a > 60 && a < 100, `${side} accuracy ${a} in:\n${stdout}`);
  }
  assert.match(stdout, /X is 20,000 × 8 float64/);
  assert.match(stdout, /\(16,000 rows\)/);
  assert.match(stdout, /cosine similarity 0\.9\d+/);
  assert.match(stdout, /Newton iterations: \d+, \d+ ms per iteration/);
  assert.match(stdout, /total time: [0-9.]+ s/);
  assert.match(stdout, /node 0 worker 0: +\d+ tasks, busy/);
});

test("numts demo on simulated nodes reports every node, and refuses bad sizes", async () => {
  const { stdout } = await run("--rows", "6000", "--cols", "4", "--nodes", "2");
  assert.match(stdout, /on 2 simulated nodes/);
  assert.match(stdout, /node 1: peak memory .*, sent .*, received/);
  await assert.rejects(run("--rows", "0"), /--rows must be a positive integer, got 0/);
});
