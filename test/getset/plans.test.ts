// SPDX-License-Identifier: Apache-2.0
/**
 * How indexing is planned and what it moves: basic indices are views (no op), writes share the
 * blocks they miss, gathers ship only selected elements, nothing gathers a whole array on one
 * node; and NumPy's in-place semantics of `set` as the user sees them (earlier results keep their
 * values, pending writes keep shape and dtype readable, writes apply in order), with no leaks.
 */
import assert from "node:assert/strict";
import { runInNewContext } from "node:vm";
import { setFlagsFromString } from "node:v8";
import { after, before, test } from "node:test";
import * as nt from "../../src/index.js";
import { describeRuntimes } from "../helpers/runtime.js";

function tasksOf(fn: () => unknown): number {
  return nt.explain(() => {
    const out = fn();
    for (const x of Array.isArray(out) ? out : [out]) if (x instanceof nt.BlockArray) x.dispose();
  }).tasks;
}

/** Bytes received over the network while `fn`'s result is computed. */
async function bytesMoved(fn: () => nt.BlockArray): Promise<{ total: number; max: number }> {
  await new Promise((r) => setTimeout(r, 0));
  nt.resetStats();
  const y = fn();
  await y.wait();
  y.dispose();
  const received = nt.stats().map((s) => s.bytesReceived);
  return { total: received.reduce((a, b) => a + b, 0), max: Math.max(...received) };
}

async function collectGarbage(): Promise<void> {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  await new Promise((r) => setTimeout(r, 20));
}

describeRuntimes("indexing plans", () => {
  let x: nt.BlockArray;
  before(async () => {
    x = nt.arange(20 * 30).reshape(20, 30).rechunk([7, 8]);
    await x.wait();
  });
  after(() => x.dispose());

  const views: Array<[string, nt.Index<nt.BlockArray>]> = [
    ["slices across blocks", "3:17, 5:29"],
    ["negative and large steps", "::-3, 1::7"],
    ["an integer and a slice", "4, 2:"],
    ["newaxis and ellipsis", "None, ..., 0, None"],
    ["a scalar", "19, 29"],
    ["an empty slice", "5:5"],
  ];
  for (const [name, index] of views) test(`x.get(${JSON.stringify(index)}) (${name}) is a view: no op`, () => assert.equal(tasksOf(() => x.get(index)), 0));

  test("basic indexing of a lazy expression computes only the blocks it reads, fused", () => {
    // Kept past explain's end, so its flush computes them.
    const kept: nt.BlockArray[] = [];
    assert.equal(nt.explain(() => kept.push(nt.exp(x.multiply(2)).get("8, 3:20"))).tasks, 3);
    assert.equal(nt.explain(() => kept.push(x.add(x.get("0")).get("::-7, 29"))).tasks, 3);
    for (const k of kept) k.dispose();
  });

  test("x.set over whole blocks of a value laid out alike shares the value's blocks: no op", async () => {
    const z = nt.zeros([20, 30]).rechunk([7, 8]);
    await z.wait();
    const tasks = tasksOf(() => {
      const y = x.copy(); // never computed: every block is overwritten
      y.set(":", z);
      y.set("7:14", 5);
      return y;
    });
    assert.equal(tasks, 0);
    z.dispose();
  });

  test("x.set rewrites only the blocks it touches, one op each, and shares the rest", async () => {
    const y = x.copy();
    await y.wait();
    const before = [...y.data.slots];
    const tasks = nt.explain(() => {
      const z = y.copy();
      z.set("8, 3:20", -1); // row 8 lies in row block 1, columns 3:20 in column blocks 0..2
      z.dispose();
    }).tasks;
    assert.equal(tasks, 12 + 3);
    y.set("8, 3:20", -1);
    const after = y.data.slots;
    const changed = after.map((s, i) => s.block !== before[i]!.block).filter(Boolean).length;
    assert.equal(changed, 3);
    const got = (await y.get("8").toNested()) as number[];
    assert.deepEqual(got.slice(2, 21), [242, ...Array(17).fill(-1), 260]);
    y.dispose();
  });

  test("a known gather ships the selected elements, not the blocks", async () => {
    const row = nt.arange(100_000).rechunk([10_000]);
    await row.wait();
    const moved = await bytesMoved(() => row.get([[5, 99_995, 50_000, 12]]));
    assert.ok(moved.total < 10_000 * 8, `moved ${moved.total} bytes`);
    row.dispose();
  });

  test("gathers through distributed indices and masks never bring the array onto one node", async () => {
    const big = nt.arange(60_000).reshape(300, 200).rechunk([100, 100]);
    await big.wait();
    const idx = nt.array(Int32Array.from({ length: 50 }, (_, i) => (i * 37) % 300), { blockShape: [20] });
    for (const fn of [() => big.get([idx]), () => big.get(big.greater(59_000)), () => nt.takeAlongAxis(big, nt.zeros([300, 1], { dtype: "int32" }), 1)]) {
      const moved = await bytesMoved(fn);
      assert.ok(moved.max < big.nbytes / 2, `a node received ${moved.max} of ${big.nbytes} bytes`);
    }
    idx.dispose();
    big.dispose();
  });

  test("arrays computed from x before a write keep their values", async () => {
    const y = x.copy();
    const before = y.multiply(2);
    const view = y.get("0, 0:3");
    y.set("0, 0:3", [-1, -2, -3]);
    y.set(y.greater(500), 0);
    assert.deepEqual(await view.toNested(), [0, 1, 2]);
    assert.deepEqual(((await before.toNested()) as number[][])[0]!.slice(0, 3), [0, 2, 4]);
    assert.deepEqual(((await y.toNested()) as number[][])[0]!.slice(0, 3), [-1, -2, -3]);
    assert.equal(await y.max().item(), 500);
    for (const a of [y, before, view]) a.dispose();
  });

  test("a write waiting for mask counts keeps shape and dtype readable, and later writes apply in order", async () => {
    const y = nt.arange(10, { dtype: "int32" }).rechunk([4]);
    const m = y.remainder(3).equal(0);
    y.set(m, [100, 200, 300, 400]); // one value per true element: waits for the counts
    assert.equal(y.isResolved, false);
    assert.deepEqual(y.shape, [10]);
    assert.equal(y.dtype, "int32");
    y.set("0", -7);
    y.put([9], 9);
    assert.deepEqual(await y.toNested(), [-7, 1, 2, 200, 4, 5, 300, 7, 8, 9]);
    const s = y.get(y.greater(100)).sum();
    assert.equal(await s.item(), 500);
    for (const a of [y, m, s]) a.dispose();
  });

  test("boolean selection, nonzero and argwhere of lazily computed masks", async () => {
    const m = x.remainder(97).equal(0);
    const picked = x.get(m);
    assert.equal(picked.isResolved, false);
    assert.deepEqual(await picked.toNested(), [0, 97, 194, 291, 388, 485, 582]);
    const [r, c] = nt.nonzero(m);
    assert.deepEqual(await r!.toNested(), [0, 3, 6, 9, 12, 16, 19]);
    assert.deepEqual(await c!.toNested(), [0, 7, 14, 21, 28, 5, 12]);
    const w = nt.argwhere(m);
    assert.deepEqual((await w.resolved()).shape, [7, 2]);
    assert.equal(w.dtype, "int32");
    for (const a of [m, picked, r!, c!, w]) a.dispose();
  });

  test("an index given as a deferred array waits for it", async () => {
    const pos = nt.nonzero(x.get("0").greater(26))[0]!;
    const got = x.get([nt.slice(null, 2), pos]);
    assert.deepEqual(await got.toNested(), [[27, 28, 29], [57, 58, 59]]);
    pos.dispose();
    got.dispose();
  });
});

test("indexing leaves no blocks behind", async () => {
  await nt.init({ nodes: 2, workersPerNode: 1 });
  {
    using a = nt.arange(1000).reshape(10, 100).rechunk([3, 30]);
    using i = nt.array([9, 0, -1, 4], { dtype: "int32", blockShape: [3] });
    using m = a.greater(500);
    using g1 = a.get("1:9, ::-3");
    using g2 = a.get([i, nt.slice(5, 50)]);
    using g3 = a.get(m);
    using g4 = nt.take(a, [3, 999]);
    using g5 = nt.takeAlongAxis(a, nt.zeros([10, 2], { dtype: "int32" }), 1);
    a.set([i], 0);
    a.set(m, [1]);
    nt.put(a, i, [7, 8]);
    const [r, c] = nt.nonzero(m);
    for (const y of [g1, g2, g3, g4, g5, a, r!, c!]) await y.wait();
    r!.dispose();
    c!.dispose();
  }
  await collectGarbage();
  assert.deepEqual(nt.stats().map((n) => n.memoryBytes), [0, 0]);
  await nt.shutdown();
});
