// SPDX-License-Identifier: Apache-2.0
/** Urgent tasks (a factorization's critical path) run ahead of a node's queued non-urgent tasks. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Program } from "../../src/kernels/program.js";
import { WorkerPool } from "../../src/runtime/worker-pool.js";

function fillTask(n: number) {
  const program: Program = { regs: ["float64"], nInputs: 0, consts: [[0, 1]], code: [], results: [0] };
  const buffer = new SharedArrayBuffer(n * 8);
  return { kernel: "fused" as const, attrs: { program }, inputs: [], outputs: [{ buffer, dtype: "float64" as const, offset: 0, shape: [n], strides: [1] }] };
}

test("an urgent task overtakes queued tasks but not other urgent ones, then the rest run in order", async () => {
  const pool = new WorkerPool(1, "ts", "test pool");
  const order: string[] = [];
  const submit = (name: string, urgent: boolean) => pool.run(fillTask(2_000_000), urgent).then(() => order.push(name));
  const done = [submit("n1", false), submit("n2", false), submit("n3", false), submit("u1", true), submit("u2", true)];
  await Promise.all(done);
  await pool.close();
  // n1 was already running when the urgent tasks arrived.
  assert.deepEqual(order, ["n1", "u1", "u2", "n2", "n3"]);
});
