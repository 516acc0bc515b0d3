// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";

const F = readFixture<Record<string, EncodedArray>>("core/reductions.json");

type Reduce = (x: nt.BlockArray, axis: number | number[] | null, keepdims: boolean) => nt.BlockArray;
const OPS: [string, Reduce][] = [
  ["sum", (x, axis, keepdims) => nt.sum(x, { axis, keepdims })],
  ["mean", (x, axis, keepdims) => nt.mean(x, { axis, keepdims })],
  ["var", (x, axis, keepdims) => nt.variance(x, { axis, keepdims })],
  ["std1", (x, axis, keepdims) => nt.std(x, { axis, keepdims, ddof: 1 })],
  ["min", (x, axis, keepdims) => nt.min(x, { axis, keepdims })],
  ["max", (x, axis, keepdims) => nt.max(x, { axis, keepdims })],
];

const AXES: Record<string, (number | number[] | null)[]> = {
  a: [null, 0, 1, -1, [0, 1]],
  b: [null, 0, 1, -1, [0, 1], [0, 2], [1, 2]],
};

function key(axis: number | number[] | null): string {
  return axis === null ? "all" : ([] as number[]).concat(axis).join("_");
}

describeRuntimes("reductions", () => {
  for (const name of ["a", "b"]) {
    const input = decodeArray(F[name]!);
    for (const layout of layoutsFor(input.shape)) {
      test(`${name} ${JSON.stringify(input.shape)} in ${layout.name}: every op, axis and keepdims`, async () => {
        const x = nt.array(input, { blockShape: layout.blockShape });
        for (const [op, fn] of OPS) {
          for (const axis of AXES[name]!) {
            for (const keepdims of [false, true]) {
              const fixture = `${op}_${name}_${key(axis)}${keepdims ? "_kd" : ""}`;
              const exact = op === "min" || op === "max";
              assertArray(await fn(x, axis, keepdims).toArray(), decodeArray(F[fixture]!), exact ? {} : { rtol: 1e-12, atol: 1e-12 }, fixture);
            }
          }
        }
      });
    }
  }

  test("reductions fuse the expression they consume and are deterministic run to run", async () => {
    const x = nt.linspace(-3, 3, 100_001, { blockShape: [7_000] });
    const first = await nt.sum(nt.exp(x).multiply(x)).item();
    for (let i = 0; i < 3; i++) assert.equal(await nt.sum(nt.exp(x).multiply(x)).item(), first);
  });

  test("integer and bool sums accumulate in float64; mean of ints is float64", async () => {
    const i = nt.arange(0, 10, { dtype: "int32" });
    assert.equal(nt.sum(i).dtype, "float64");
    assert.equal(await nt.sum(i).item(), 45);
    assert.equal(await nt.mean(i).item(), 4.5);
    assert.equal(nt.mean(nt.zeros([3], { dtype: "float32" })).dtype, "float32");
  });

  test("empty reductions: identities where NumPy has them, errors where it does not", async () => {
    const e = nt.zeros([0, 3]);
    assert.deepEqual(await nt.sum(e, { axis: 0 }).toNested(), [0, 0, 0]);
    assert.deepEqual(await nt.sum(e, { axis: 1 }).toNested(), []);
    assert.ok(Number.isNaN(Number(await nt.mean(e).item())));
    assert.throws(() => nt.max(e, { axis: 0 }), { name: "RangeError", message: /zero-size array to reduction operation maximum which has no identity/ });
  });

  test("NaN propagates through min, max and sum", async () => {
    const x = nt.array([1, NaN, 3], { blockShape: [2] });
    assert.ok(Number.isNaN(Number(await nt.max(x).item())));
    assert.ok(Number.isNaN(Number(await nt.sum(x).item())));
  });

  test("bad axes throw AxisError synchronously", () => {
    const x = nt.zeros([2, 3]);
    assert.throws(() => nt.sum(x, { axis: 2 }), { name: "AxisError", message: "axis 2 is out of bounds for array of dimension 2" });
    assert.throws(() => nt.mean(x, { axis: [0, 0] }), { name: "AxisError", message: /repeated axis/ });
    assert.throws(() => nt.std(x, { ddof: Number.NaN }), TypeError);
  });
});
