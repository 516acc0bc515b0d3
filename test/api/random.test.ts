// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { describeRuntimes } from "../helpers/runtime.js";

type Draw = (rng: nt.random.Generator, blockShape: number[]) => nt.BlockArray;

const DRAWS: [string, Draw][] = [
  ["random", (r, b) => r.random([301, 7], { blockShape: b })],
  ["normal float32", (r, b) => r.normal(2, 3, [301, 7], { dtype: "float32", blockShape: b })],
  ["integers", (r, b) => r.integers(-5, 5, [301, 7], { blockShape: b })],
  ["poisson", (r, b) => r.poisson(30, [301, 7], { blockShape: b })],
  ["binomial", (r, b) => r.binomial(100, 0.3, [301, 7], { blockShape: b })],
  ["exponential", (r, b) => r.exponential(2, [301, 7], { blockShape: b })],
];

describeRuntimes("nt.random", () => {
  for (const [name, draw] of DRAWS) {
    test(`${name}: bit-identical for every block shape, and reproducible from the seed`, async () => {
      const results = [];
      for (const bs of [[301, 7], [100, 3], [1, 7], [77, 2]]) results.push(await draw(nt.random.defaultRng(7), bs).toArray());
      for (const r of results.slice(1)) assert.deepEqual(r.data, results[0]!.data);
      const other = await draw(nt.random.defaultRng(8), [301, 7]).toArray();
      assert.notDeepEqual(other.data, results[0]!.data);
    });
  }

  test("successive calls give independent arrays; statistics are right", async () => {
    const rng = nt.random.defaultRng(1);
    const a = rng.standardNormal([200_000]);
    const b = rng.standardNormal([200_000]);
    assert.ok(Math.abs(Number(await nt.mean(a).item())) < 0.01);
    assert.ok(Math.abs(Number(await nt.std(a).item()) - 1) < 0.01);
    assert.ok(Math.abs(Number(await nt.mean(a.multiply(b)).item())) < 0.01);
    const u = rng.uniform(-2, 4, [100_000]);
    assert.ok(Number(await nt.min(u).item()) >= -2 && Number(await nt.max(u).item()) < 4);
  });

  test("permutation contains every index once, whatever the layout", async () => {
    const p = await nt.random.defaultRng(3).permutation(1000, { blockShape: [128] }).toArray();
    assert.equal(p.dtype, "int32");
    assert.deepEqual([...p.data].sort((x, y) => x - y), Array.from({ length: 1000 }, (_, i) => i));
    const q = await nt.random.defaultRng(3).permutation(1000).toArray();
    assert.deepEqual(q.data, p.data);
  });

  test("choice: with and without replacement, with probabilities, layout independent", async () => {
    const withRep = await nt.random.defaultRng(9).choice(7, [50, 4], { blockShape: [13, 3] }).toArray();
    assert.deepEqual(withRep.data, (await nt.random.defaultRng(9).choice(7, [50, 4]).toArray()).data);
    assert.ok([...withRep.data].every((v) => v >= 0 && v < 7));
    const picked = await nt.random.defaultRng(2).choice([10, 20, 30, 40], 4, { replace: false }).toNested();
    assert.deepEqual([...(picked as number[])].sort((a, b) => a - b), [10, 20, 30, 40]);
    const counts = (await nt.bincount(nt.random.defaultRng(4).choice(3, 60_000, { p: [0.2, 0.5, 0.3] })).toNested()) as number[];
    counts.forEach((c, i) => assert.ok(Math.abs(c / 60_000 - [0.2, 0.5, 0.3][i]!) < 0.01, `class ${i}: ${c}`));
    const noRepP = (await nt.random.defaultRng(4).choice(5, 3, { replace: false, p: [0, 0.25, 0.25, 0.25, 0.25] }).toNested()) as number[];
    assert.equal(new Set(noRepP).size, 3);
    assert.ok(!noRepP.includes(0));
  });

  test("choice rejects what NumPy rejects", () => {
    const rng = nt.random.defaultRng(0);
    assert.throws(() => rng.choice(3, 5, { replace: false }), /Cannot take a larger sample than population when replace is False/);
    assert.throws(() => rng.choice(3, 2, { p: [0.5, 0.5] }), /a and p must have same size/);
    assert.throws(() => rng.choice(2, 2, { p: [0.5, NaN] }), /probabilities contain NaN/);
    assert.throws(() => rng.choice(2, 2, { p: [1.5, -0.5] }), /probabilities are not non-negative/);
    assert.throws(() => rng.choice(2, 2, { p: [0.5, 0.6] }), /probabilities do not sum to 1/);
    assert.throws(() => rng.choice(3, 3, { replace: false, p: [0.5, 0.5, 0] }), /Fewer non-zero entries in p than size/);
    assert.throws(() => rng.choice(0, 1), /a must be a positive integer unless no samples are taken/);
    assert.throws(() => rng.choice([[1, 2]], 1), /a must be 1-dimensional/);
  });

  test("size null gives a 0-d array; NumPy's validation messages, before any stream is used", async () => {
    assert.deepEqual(nt.random.defaultRng(5).random().shape, []);
    const rng = nt.random.defaultRng(5);
    assert.throws(() => rng.poisson(-1, 3), { name: "RangeError", message: /lam < 0/ });
    assert.throws(() => rng.integers(5, 5, 3), { name: "RangeError", message: /low >= high/ });
    assert.throws(() => rng.integers(0, 300, 3, { dtype: "uint8" }), /out of bounds for uint8/);
    assert.throws(() => rng.binomial(10, 1.5, 3), /p > 1/);
    assert.throws(() => rng.normal(0, -1, 3), /scale < 0/);
    assert.throws(() => nt.random.defaultRng(-1), /expected non-negative integer/);
    // the failed calls did not consume streams: this equals a fresh generator's first draw
    assert.deepEqual((await rng.random([5]).toArray()).data, (await nt.random.defaultRng(5).random([5]).toArray()).data);
  });
});
