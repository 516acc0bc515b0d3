// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes } from "../helpers/runtime.js";

const F = readFixture<Record<string, EncodedArray>>("core/creation.json");
const expect = (name: string) => decodeArray(F[name]!);

describeRuntimes("creation", () => {
  const cases: [string, () => nt.BlockArray][] = [
    ["arange_10", () => nt.arange(10, { blockShape: [3] })],
    ["arange_neg_step", () => nt.arange(5, -3, -0.75, { blockShape: [4] })],
    ["arange_int32", () => nt.arange(-3, 17, 3, { dtype: "int32", blockShape: [2] })],
    ["linspace_7", () => nt.linspace(-1, 2, 7, { blockShape: [3] })],
    ["linspace_noend", () => nt.linspace(0, 1, { num: 10, endpoint: false, blockShape: [4] })],
    ["linspace_1", () => nt.linspace(3, 5, 1)],
    ["logspace", () => nt.logspace(0, 3, 4)],
    ["logspace_base2", () => nt.logspace(1, 4, { num: 4, base: 2 })],
    ["eye_5_7_k2", () => nt.eye(5, 7, { k: 2, blockShape: [2, 3] })],
    ["eye_4_km1_f32", () => nt.eye(4, { k: -1, dtype: "float32", blockShape: [3, 3] })],
    ["tri_4_6_km1", () => nt.tri(4, 6, { k: -1, blockShape: [3, 4] })],
    ["full_bool", () => nt.full([3, 2], true)],
  ];
  for (const [name, make] of cases) {
    test(name, async () => assertArray(await make().toArray(), expect(name)));
  }

  test("array from nested lists, typed arrays and NDArrays round-trips", async () => {
    assert.deepEqual(await nt.array([[1, 2, 3], [4, 5, 6]], { blockShape: [1, 2] }).toNested(), [[1, 2, 3], [4, 5, 6]]);
    assert.deepEqual(await nt.array([true, false]).toNested(), [true, false]);
    const typed = nt.array(new Int16Array([1, -2, 3, -4, 5, -6]), { shape: [2, 3] });
    assert.equal(typed.dtype, "int16");
    assert.deepEqual(await typed.toNested(), [[1, -2, 3], [-4, 5, -6]]);
    const f32 = nt.array([0.1, 0.2], { dtype: "float32" });
    assert.deepEqual([...(await f32.toArray()).data], [Math.fround(0.1), Math.fround(0.2)]);
    assert.equal(await nt.array(7).item(), 7);
    assert.deepEqual(nt.array(7).shape, []);
  });

  test("zeros, ones, full, empty and their *Like keep shape, dtype and layout", async () => {
    const x = nt.ones([5, 4], { dtype: "int32", blockShape: [2, 3] });
    assert.deepEqual(x.gridShape, [3, 2]);
    const z = nt.zerosLike(x);
    assert.deepEqual([z.dtype, z.shape, z.gridShape], ["int32", [5, 4], [3, 2]]);
    assert.deepEqual(await nt.fullLike(x, 7, { dtype: "uint8" }).toNested(), Array(5).fill(Array(4).fill(7)));
    assert.deepEqual(await nt.empty([2]).toNested(), [0, 0]);
    assert.deepEqual(await nt.onesLike([1, 2, 3]).toNested(), [1, 1, 1]);
    assert.deepEqual(nt.zeros([0, 3]).shape, [0, 3]);
    assert.deepEqual(await nt.zeros([0, 3]).toNested(), []);
  });

  test("bad arguments throw synchronously with NumPy-like messages", () => {
    assert.throws(() => nt.zeros([-1, 2]), { name: "ShapeError", message: /negative dimensions are not allowed/ });
    assert.throws(() => nt.zeros([2.5]), TypeError);
    assert.throws(() => nt.zeros([2], { dtype: "complex128" as nt.Dtype }), { name: "DtypeError", message: /data type "complex128" not understood/ });
    assert.throws(() => nt.array([[1, 2], [3]]), { name: "ShapeError", message: /inhomogeneous shape after 1 dimensions/ });
    assert.throws(() => nt.arange(0, 1, 0), RangeError);
    assert.throws(() => nt.linspace(0, 1, -1), /Number of samples, -1, must be non-negative/);
    assert.throws(() => nt.zeros([4, 4], { blockShape: [2] }), /blockShape/);
    assert.throws(() => nt.array(new BigInt64Array(2) as unknown as Int32Array), /not a supported array type/);
  });

  test("a request that cannot fit in memory fails before allocating", () => {
    assert.throws(() => nt.zeros([1e6, 1e6]), { name: "OutOfMemoryError", message: /unable to allocate 7\.3 TiB/ });
  });
});
