// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";
import { expectArray, expectBits } from "./expect.js";

interface SortCase {
  name: string;
  x: EncodedArray;
  axis: number | null;
  sort: EncodedArray;
  argsort: EncodedArray;
}

const CASES = readFixture<SortCase[]>("sorting/sort.json");

/** NumPy's stable order of a typed array's positions (the reference for large inputs). */
function stableOrder(v: ArrayLike<number>): number[] {
  return Array.from({ length: v.length }, (_, i) => i).sort((a, b) => {
    const x = v[a]!;
    const y = v[b]!;
    if (x < y) return -1;
    if (x > y) return 1;
    const xn = x !== x;
    const yn = y !== y;
    return xn === yn ? a - b : xn ? 1 : -1;
  });
}

describeRuntimes("sort and argsort", () => {
  for (const c of CASES) {
    for (const layout of layoutsFor(c.x.shape)) {
      test(`${c.name}, ${layout.name}`, async () => {
        const x = nt.array(decodeArray(c.x), { blockShape: layout.blockShape });
        const s = nt.sort(x, { axis: c.axis });
        assert.deepEqual(s.shape, c.sort.shape, "shape is known at once");
        await expectBits(s, c.sort, "sort");
        await expectArray(nt.argsort(x, { axis: c.axis }), c.argsort, "argsort");
      });
    }
  }

  test("x.sort default axis is -1 and kind is accepted but always stable", async () => {
    const c = CASES.find((k) => k.name === "float64 2-D axis=-1")!;
    const x = nt.array(decodeArray(c.x), { blockShape: [2, 3] });
    await expectBits(nt.sort(x, { kind: "quicksort" }), c.sort);
    await expectArray(nt.argsort(x, { kind: "heapsort" }), c.argsort);
  });

  for (const [n, blocks] of [[90_000, 3], [40_001, 7]] as const) {
    test(`a ${n}-element array in ${blocks} blocks (sample sort with binned buckets)`, async () => {
      const data = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
        data[i] = h % 17 === 0 ? NaN : h % 13 === 0 ? 3.5 : h % 11 === 0 ? -0 : (h / 2 ** 32) * 200 - 100;
      }
      const x = nt.array(data, { blockShape: [Math.ceil(n / blocks)] });
      const order = stableOrder(data);
      const [s, a] = await Promise.all([nt.sort(x).toArray(), nt.argsort(x).toArray()]);
      for (let i = 0; i < n; i++) {
        const e = data[order[i]!]!;
        assert.ok(Object.is(s.data[i], e) || (e !== e && s.data[i] !== s.data[i]), `sort element ${i}`);
        assert.equal(a.data[i], order[i], `argsort element ${i}`);
      }
    });
  }

  test("a sort along blocks is deferred: shape and dtype known, layout after counting", async () => {
    const x = nt.arange(1000, { blockShape: [300] }).multiply(-1);
    const s = nt.sort(x);
    assert.deepEqual(s.shape, [1000]);
    assert.equal(s.dtype, "float64");
    await s.resolved();
    assert.equal(s.gridShape.reduce((a, b) => a + b, 0) >= 1, true);
    const y = await s.add(1000).toArray();
    assert.equal(y.data[0], 1);
    assert.equal(y.data[999], 1000);
  });

  test("sort of a 0-d array with axis null is 1-D; with the default axis it raises", async () => {
    assert.deepEqual(await nt.sort(nt.array(3), { axis: null }).toNested(), [3]);
    assert.throws(() => nt.sort(nt.array(3)), { name: "AxisError", message: "axis -1 is out of bounds for array of dimension 0" });
  });
});

describeRuntimes("partition and argpartition", () => {
  const c = CASES.find((k) => k.name === "float64 2-D axis=1")!;
  const local = decodeArray(c.x);
  for (const axis of [0, 1, null] as const) {
    for (const layout of layoutsFor(local.shape)) {
      test(`kth [1, -2] along axis ${axis}, ${layout.name}`, async () => {
        const x = nt.array(local, { blockShape: layout.blockShape });
        const p = await nt.partition(x, [1, -2], { axis }).toArray();
        const ap = await nt.argpartition(x, [1, -2], { axis }).toArray();
        const sorted = decodeArray(c.sort);
        // Lanes along the axis: NumPy's guarantee, and a permutation of the lane.
        const lanes = axis === null ? [[...Array(local.size).keys()]] : laneIndices(local.shape, axis);
        const full = axis === null ? [...local.data].sort((a, b) => (a !== a ? 1 : b !== b ? -1 : a - b)) : null;
        lanes.forEach((lane, li) => {
          const vals = lane.map((i) => p.data[i]!);
          const ref = full ?? laneIndices(local.shape, axis!)[li]!.map((i) => (axis === 1 ? sorted : decodeArray(CASES.find((k) => k.name === "float64 2-D axis=0")!.sort)).data[i]!);
          const n = vals.length;
          for (const k of [1, n - 2]) {
            assert.ok(Object.is(vals[k], ref[k]) || vals[k] === ref[k] || (vals[k] !== vals[k] && ref[k] !== ref[k]), `kth ${k} in sorted position`);
            for (let i = 0; i < n; i++) {
              if (i < k) assert.ok(!(vals[i]! > vals[k]!) && !(vals[i] !== vals[i] && vals[k] === vals[k]), "smaller or equal before kth");
              if (i > k) assert.ok(!(vals[i]! < vals[k]!), "larger or equal after kth");
            }
          }
          const perm = lane.map((i) => ap.data[i]!);
          const laneVals = axis === null ? [...local.data] : lane.map((i) => local.data[i]!);
          perm.forEach((q, j) => assert.ok(Object.is(laneVals[q], vals[j]) || (laneVals[q] !== laneVals[q] && vals[j] !== vals[j]), "argpartition indexes the partition"));
        });
      });
    }
  }

  test("kth out of bounds and non-integer kth raise NumPy's errors", async () => {
    const E = readFixture<Record<string, string>>("sorting/errors.json");
    const x = nt.arange(5);
    assert.throws(() => nt.partition(x, 5), { name: "RangeError", message: E.partition_kth });
    assert.throws(() => nt.partition(x, -6), { name: "RangeError", message: E.partition_kth_negative });
    assert.throws(() => nt.partition(x, 1.5), { name: "TypeError", message: E.partition_kth_type });
    assert.throws(() => nt.argpartition(x, [1, 7]), { name: "RangeError", message: "kth(=7) out of bounds (5)" });
    await x.wait();
  });
});

/** Flat C-order indices of every lane along `axis` of an array of `shape` (2-D). */
function laneIndices(shape: readonly number[], axis: number): number[][] {
  const [r, c] = shape as [number, number];
  if (axis === 0) return Array.from({ length: c }, (_, j) => Array.from({ length: r }, (_, i) => i * c + j));
  return Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => i * c + j));
}

test("bad axis and sort kind raise NumPy's errors", async () => {
  const E = readFixture<Record<string, string>>("sorting/errors.json");
  const x = nt.zeros([3]);
  assert.throws(() => nt.sort(x, { axis: 1 }), { name: "AxisError", message: E.sort_axis });
  assert.throws(() => nt.argsort(x, { axis: -2 }), { name: "AxisError" });
  assert.throws(() => nt.sort(x, { kind: "fast" as "stable" }), { name: "RangeError", message: E.sort_kind });
  await x.wait();
  await nt.shutdown();
});
