// SPDX-License-Identifier: Apache-2.0
/**
 * Layout corner cases the NumPy fixtures are too small to reach: random reshapes of randomly
 * blocked (and transposed) arrays, reshape blocks with more runs than the planner enumerates,
 * concatenation whose operands' chunks cannot be refined, repeat and tile results split or
 * grouped differently from their source. Results are compared with an exact local oracle or with
 * the one-block result (which the NumPy fixtures check).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import { describeRuntimes } from "../helpers/runtime.js";

/** A small deterministic generator (LCG) so failures reproduce. */
function rng(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

function randomShape(size: number, ndim: number, pick: (n: number) => number): number[] {
  const factors: number[] = [];
  let n = size;
  for (let p = 2; n > 1; p++) while (n % p === 0) factors.push(p), (n /= p);
  const shape = new Array<number>(ndim).fill(1);
  for (const f of factors) shape[pick(ndim)]! *= f;
  return shape;
}

const same = async (a: nt.BlockArray, b: nt.BlockArray, what: string) => assertArray(await a.toArray(), await b.toArray(), {}, what);

describeRuntimes("manipulation layouts", () => {
  test("random reshapes of random layouts match C-order data", async () => {
    const pick = rng(7);
    for (let trial = 0; trial < 40; trial++) {
      const size = [12, 24, 36, 60, 30, 8][pick(6)]!;
      const shape = randomShape(size, 1 + pick(4), pick);
      const newShape = randomShape(size, 1 + pick(4), pick);
      const transposed = pick(2) === 1;
      const base = transposed ? [...shape].reverse() : shape;
      const x0 = nt.arange(size, { dtype: "int32" }).reshape(base).rechunk(base.map((d) => 1 + pick(d)));
      const x = transposed ? x0.T : x0;
      const y = x.reshape(newShape);
      const local = await x.toArray();
      assertArray(await y.toArray(), new nt.NDArray(local.data, newShape, "int32"), {}, `${JSON.stringify(base)}${transposed ? ".T" : ""} -> ${JSON.stringify(newShape)}`);
      for (const a of [x0, x, y]) a.dispose();
    }
  });

  test("reshape blocks with more runs than enumerated read a superset and stay exact", async () => {
    const x = nt.arange(600 * 24, { dtype: "float32" }).reshape(600, 6, 4).rechunk([600, 3, 2]);
    const y = x.reshape(600, 4, 6);
    const local = await x.toArray();
    assertArray(await y.toArray(), new nt.NDArray(local.data, [600, 4, 6], "float32"));
    x.dispose();
    y.dispose();
  });

  test("concatenate re-blocks operands whose chunks cannot be refined", async () => {
    const parts = [[7, 7, 6], [4, 4, 4, 4, 4], [3, 3, 3, 3, 3, 3, 2]].map((c, i) => nt.arange(20 * 3).reshape(20, 3).add(i).rechunk([c[0]!, 1 + i]));
    const joined = nt.concatenate(parts, { axis: 1 });
    const reference = nt.concatenate(parts.map((p) => p.rechunk([20, 3])), { axis: 1 });
    await same(joined, reference, "concatenate");
    for (const a of [...parts, joined, reference]) a.dispose();
  });

  test("repeat splits expansions larger than a block and matches the one-block result", async () => {
    const x = nt.arange(1000, { blockShape: [1000] });
    const y = nt.repeat(x, 5000);
    assert.ok(y.gridShape[0]! > 1, `expected a split result, got grid ${JSON.stringify(y.gridShape)}`);
    const local = await y.toArray();
    for (const i of [0, 4999, 5000, 2_499_999, 2_500_000, 4_999_999]) assert.equal(local.data[i], Math.floor(i / 5000));
    const counts = Array.from({ length: 1000 }, (_, i) => (i * 37) % 5);
    const z = nt.repeat(x.rechunk([300]), counts);
    const z1 = nt.repeat(x, counts);
    await same(z, z1, "array repeats");
    for (const a of [x, y, z, z1]) a.dispose();
  });

  test("tile groups periods along whole-block axes and shares blocks along split ones", async () => {
    const x = nt.arange(12, { dtype: "int16" }).reshape(4, 3).rechunk([2, 3]);
    const y = nt.tile(x, [2, 50]);
    const reference = nt.tile(x.rechunk([4, 3]), [2, 50]);
    assert.deepEqual(y.shape, [8, 150]);
    await same(y, reference, "tile");
    for (const a of [x, y, reference]) a.dispose();
  });

  test("diag and tril over many blocks keep, clear and cut the right blocks", async () => {
    const n = 2000;
    const v = nt.arange(1, n + 1, { blockShape: [700] });
    const d = nt.diag(v, -3);
    assert.ok(d.gridShape.reduce((a, b) => a * b, 1) > 1, "diag result should have several blocks");
    assert.equal(await d.sum().item(), (n * (n + 1)) / 2);
    const local = await d.toArray();
    for (const t of [0, 699, 700, 1999]) assert.equal(local.data[(t + 3) * (n + 3) + t], t + 1);
    const ones = nt.ones([300, 300], { blockShape: [70, 80] });
    for (const k of [-50, 0, 17]) {
      const lower = nt.tril(ones, k);
      const upper = nt.triu(ones, k + 1);
      let expected = 0;
      for (let i = 0; i < 300; i++) expected += Math.max(0, Math.min(300, i + k + 1));
      assert.equal(await lower.sum().item(), expected, `tril k=${k}`);
      assert.equal(await upper.sum().item(), 300 * 300 - expected, `triu k=${k + 1}`);
      lower.dispose();
      upper.dispose();
    }
    for (const a of [v, d, ones]) a.dispose();
  });

  test("kernels read views with negative, zero and diagonal strides", async () => {
    const x = nt.arange(6 * 8, { dtype: "float32" }).reshape(6, 8).rechunk([4, 3]);
    const views: Array<[string, nt.BlockArray]> = [
      ["flip", nt.flip(x)],
      ["roll", nt.roll(x, [2, -3], { axis: [0, 1] })],
      ["broadcastTo", nt.broadcastTo(nt.flip(x, 1), [2, 6, 8])],
      ["diagonal", nt.diagonal(x, { offset: 1 }).reshape(1, -1)],
      ["pad edge", nt.pad(x, [[2, 1], [0, 3]], { mode: "edge" })],
      ["tril", nt.tril(nt.flip(x), 1)],
      ["split", nt.arraySplit(nt.flip(x, 0), 3, { axis: 1 })[1]!],
    ];
    for (const [name, y] of views) {
      const local = await y.toArray();
      const z = await y.multiply(2).add(1).toArray();
      for (let i = 0; i < local.size; i++) assert.equal(z.data[i], 2 * Number(local.data[i]) + 1, `${name} elementwise at ${i}`);
      const rows = await y.sum({ axis: -1 }).toArray();
      const last = local.shape[local.ndim - 1]!;
      for (let r = 0; r < rows.size; r++) {
        let sum = 0;
        for (let j = 0; j < last; j++) sum += Number(local.data[r * last + j]);
        assert.equal(rows.data[r], sum, `${name} row sum ${r}`);
      }
      y.dispose();
    }
    x.dispose();
  });

  test("pending-shape inputs give deferred results", async () => {
    const x = nt.arange(12, { blockShape: [5] });
    const pending = nt.BlockArray.deferred(Promise.resolve(x.reshape(3, 4)));
    const parts = nt.split(pending, 2, { axis: 1 });
    assert.equal(parts.length, 2);
    assert.deepEqual(await parts[1]!.toNested(), [[2, 3], [6, 7], [10, 11]]);
    const joined = nt.concatenate([pending, x.reshape(3, 4)]);
    assert.deepEqual((await joined.resolved()).shape, [6, 4]);
    const counts = nt.array([1, 0, 2], { dtype: "int32" });
    const rep = nt.repeat([5, 6, 7], counts);
    assert.deepEqual(await rep.toNested(), [5, 7, 7]);
    for (const a of [x, pending, ...parts, joined, counts, rep]) a.dispose();
  });
});
