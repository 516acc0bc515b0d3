// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import * as nt from "../../src/index.js";

after(() => nt.shutdown());

/** Collects garbage so FinalizationRegistry releases unreachable intermediate arrays. */
async function collectGarbage(): Promise<void> {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  await new Promise((r) => setTimeout(r, 20));
}

describe("init options", () => {
  test("each invalid option is named in a clear synchronous error", async () => {
    await assert.rejects(nt.init({ nodes: 0 }), { name: "RangeError", message: "options.nodes must be at least 1, got 0" });
    await assert.rejects(nt.init({ nodes: 1.5 }), { name: "TypeError", message: /options.nodes must be an integer/ });
    await assert.rejects(nt.init({ workersPerNode: 1000 }), { name: "RangeError", message: /options.workersPerNode must be at most 256/ });
    await assert.rejects(nt.init({ nodes: 64, workersPerNode: 128 }), /threads is more than this process can run/);
    await assert.rejects(nt.init({ scheduler: "fifo" as never }), /options.scheduler must be "lshs", "cyclic" or "dynamic"/);
    await assert.rejects(nt.init({ bandwidth: 0 }), /options.bandwidth must be positive/);
    await assert.rejects(nt.init({ bandwidth: "fast" }), /options.bandwidth must be bytes per second or a rate/);
    await assert.rejects(nt.init({ memoryLimit: -5 }), /options.memoryLimit must be positive/);
    await assert.rejects(nt.init({ memoryLimit: "lots" }), /options.memoryLimit must be a number of bytes/);
    await assert.rejects(nt.init({ kernels: "gpu" as never }), /options.kernels must be "native" or "ts"/);
    await assert.rejects(nt.init({ node: 2 } as never), /options.node is not a numts init option/);
  });
});

describe("execution failures", () => {
  test("a node over its memory limit rejects the results that need it, naming the node and the limit; the runtime stays usable", async () => {
    await nt.init({ nodes: 2, workersPerNode: 1, memoryLimit: "100kB" });
    const big = nt.zeros([20_000]); // 160 kB in one block on node 0
    await assert.rejects(big.toArray(), { name: "OutOfMemoryError", message: /node 0 is out of memory: .* over its memoryLimit of 100000 bytes/ });
    const dependent = big.add(1);
    await assert.rejects(dependent.toArray(), { name: "OutOfMemoryError" });
    assert.deepEqual(await nt.arange(3).add(1).toNested(), [1, 2, 3]);
  });

  test("a failing kernel rejects every dependent result and leaves the runtime usable", async () => {
    await nt.init({ workersPerNode: 2 });
    const x = nt.arange(4, { dtype: "int32" });
    const bad = nt.power(x, nt.array([-1, 1, 1, 1], { dtype: "int32" }));
    await assert.rejects(bad.sum().item(), { name: "ExecutionError" });
    assert.equal(await nt.sum(x).item(), 6);
  });
});

describe("memory", () => {
  test("disposing every array returns the stores to zero live bytes", async () => {
    await nt.init({ nodes: 2, workersPerNode: 1 });
    {
      using x = nt.linspace(0, 1, 300_000, { blockShape: [100_000] });
      using y = nt.exp(x).multiply(2);
      using s = nt.sum(y);
      await s.item();
      using t = x.T;
      await t.wait();
      assert.ok(nt.stats().reduce((b, n) => b + n.memoryBytes, 0) > 0);
    }
    // Intermediate arrays the user never named (exp(x) above) are released by the
    // FinalizationRegistry once garbage collected.
    await collectGarbage();
    assert.deepEqual(nt.stats().map((n) => n.memoryBytes), [0, 0]);
  });
});

describe("deferred arrays", () => {
  test("operations on an array whose shape is pending are deferred and just work", async () => {
    await nt.init({ workersPerNode: 1 });
    const d = nt.BlockArray.deferred(new Promise((r) => setTimeout(() => r(nt.arange(4)), 20)));
    assert.equal(d.isResolved, false);
    assert.throws(() => d.shape, { name: "PendingShapeError" });
    const e = d.multiply(2).add(1);
    assert.equal(e.isResolved, false);
    assert.deepEqual(await e.toNested(), [1, 3, 5, 7]);
    assert.deepEqual((await d.resolved()).shape, [4]);
    assert.equal(await nt.sum(d).item(), 6);
    const failing = nt.BlockArray.deferred(Promise.reject(new RangeError("no such data")));
    await assert.rejects(failing.add(1).toArray(), /no such data/);
  });
});

describe("explain and stats", () => {
  test("explain predicts traffic without running anything; elementwise on aligned layouts moves nothing", async () => {
    await nt.init({ nodes: 4, workersPerNode: 1 });
    const x = nt.zeros([8_000_000], { blockShape: [1_000_000] });
    const y = nt.ones([8_000_000], { blockShape: [1_000_000] });
    const before = nt.progress().submitted;
    const plan = nt.explain(() => x.add(y).multiply(2));
    assert.equal(nt.progress().submitted, before);
    assert.equal(plan.bytesMoved, 0);
    assert.equal(plan.tasks, 8);
    assert.equal(plan.scheduler, "lshs");
    const red = nt.explain(() => nt.sum(x));
    assert.ok(red.bytesMoved > 0 && red.bytesMoved <= 3 * 8, `${red.bytesMoved} bytes`);
    nt.resetStats();
    await x.add(y).wait();
    assert.equal(nt.stats().reduce((b, n) => b + n.bytesReceived, 0), 0);
    const inside = nt.explain(() => nt.arange(3));
    assert.equal(inside.tasks, 1);
  });

  test("with a bandwidth set, a transfer takes at least bytes / bandwidth", async () => {
    await nt.init({ nodes: 2, workersPerNode: 1, bandwidth: "100MB/s" });
    const x = nt.ones([1_000_000], { blockShape: [500_000] }); // 4 MB per block, one per node
    await x.wait();
    const t0 = performance.now();
    await nt.sum(x).item(); // one 8-byte partial crosses: negligible
    const y = x.rechunk([1_000_000]); // 4 MB must cross to one node
    await y.wait();
    const ms = performance.now() - t0;
    assert.ok(ms >= 40, `${ms.toFixed(1)} ms`);
    assert.equal(nt.stats().reduce((b, n) => b + n.bytesReceived, 0), 4_000_008);
  });
});

describe("process lifetime", () => {
  test("a script exits by itself when its work is done, without shutdown()", () => {
    const entry = fileURLToPath(new URL("../../src/index.js", import.meta.url));
    const script = `const nt = await import(${JSON.stringify(entry)}); const x = nt.linspace(0, 1, 1000000); console.log(await nt.sum(x.multiply(2)).item());`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 30_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.ok(Math.abs(Number(r.stdout.trim()) - 1_000_000) < 1e-6);
  });
});
