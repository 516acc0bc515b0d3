// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";

const F = readFixture<Record<string, EncodedArray>>("core/elementwise.json");
const local = (name: string) => decodeArray(F[name]!);

describeRuntimes("fused elementwise", () => {
  for (const lx of layoutsFor([7, 5])) {
    for (const ly of layoutsFor([5])) {
      test(`x ${lx.name}, y ${ly.name}`, async () => {
        const x = nt.array(local("x"), { blockShape: lx.blockShape });
        const y = nt.array(local("y"), { blockShape: ly.blockShape });
        const z = nt.array(local("z"), { blockShape: [3, 1] });
        assertArray(await x.add(y).toArray(), local("x_plus_y"), {}, "x + y");
        assertArray(await nt.exp(x).multiply(y).subtract(z.divide(2)).toArray(), local("expr"), { rtol: 1e-13, atol: 1e-13 }, "expr");
        assertArray(await z.multiply(y).toArray(), local("outer_like"), {}, "z * y");
        assertArray(await nt.sqrt(nt.maximum(x, 0)).negative().toArray(), local("neg_sqrt_abs"), {}, "-sqrt(max(x,0))");
        assertArray(await nt.where(x.greater(y), x, z).toArray(), local("where"), {}, "where");
        assertArray(await x.astype("float32").add(0.5).toArray(), local("x_f32_plus_half"), {}, "float32 + weak 0.5");
        assertArray(await x.astype("int32").toArray(), local("x_int32"), {}, "astype int32");
      });
    }
  }

  test("a lazy array consumed by a reduction is still readable on its own", async () => {
    const x = nt.array(local("x"), { blockShape: [3, 2] });
    const e = nt.exp(x);
    const total = nt.sum(e.multiply(2));
    const ex = (await e.toArray()).data;
    let s = 0;
    for (const v of ex) s += 2 * v;
    assert.ok(Math.abs(Number(await total.item()) - s) < 1e-9 * Math.abs(s));
  });

  test("results do not depend on the layout: same bits for every block shape", async () => {
    const results = await Promise.all(
      [[7, 5], [2, 2], [3, 5], [7, 1]].map((bs) => nt.exp(nt.array(local("x"), { blockShape: bs })).multiply(3).toArray()),
    );
    for (const r of results.slice(1)) assert.deepEqual(r.data, results[0]!.data);
  });

  test("operand errors are thrown synchronously, naming the shapes", () => {
    const x = nt.zeros([3, 4]);
    assert.throws(() => x.add(nt.zeros([5])), { name: "ShapeError", message: "operands could not be broadcast together with shapes (3,4) (5,)" });
    assert.throws(() => nt.add(nt.zeros([2], { dtype: "uint8" }), 300), { name: "OverflowError", message: /Python integer 300 out of bounds for uint8/ });
    assert.throws(() => nt.bitwiseAnd(nt.zeros([2]), 1), { name: "DtypeError", message: /ufunc 'bitwise_and' not supported/ });
    assert.throws(() => nt.subtract(nt.full([2], true), nt.full([2], true)), { name: "DtypeError" });
    assert.throws(() => nt.add(x, "a" as unknown as number), { name: "TypeError", message: /add: argument 2/ });
  });

  test("NumPy's promotion: weak JS scalars keep the array dtype; integer division gives float64", () => {
    const i8 = nt.zeros([2], { dtype: "int8" });
    assert.equal(i8.add(1).dtype, "int8");
    assert.equal(i8.add(1.5).dtype, "float64");
    assert.equal(nt.zeros([2], { dtype: "float32" }).multiply(2.5).dtype, "float32");
    assert.equal(i8.divide(i8).dtype, "float64");
    assert.equal(i8.add(nt.zeros([2], { dtype: "uint8" })).dtype, "int16");
    assert.equal(i8.less(3).dtype, "bool");
    assert.equal(nt.add(1, 2).dtype, "float64");
  });
});
