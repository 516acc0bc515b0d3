// SPDX-License-Identifier: Apache-2.0
/**
 * Bad input to the contraction functions: each case (test/fixtures/contract/errors.json) throws
 * synchronously, before anything is scheduled, with the numts class for NumPy's exception and
 * NumPy's exact message.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import type { Dtype } from "../../src/array/dtype.js";
import { readFixture } from "../helpers/fixtures.js";
import { CONFIGS, describeRuntimes } from "../helpers/runtime.js";

interface ErrorCase {
  name: string;
  fn: string;
  shapes: number[][];
  dtypes: Dtype[];
  numpyClass: string;
  numtsClass: keyof typeof nt & string;
  message: string;
  subscripts?: string;
  sublists?: number[][];
  options?: Record<string, unknown>;
}

const { errors } = readFixture<{ errors: ErrorCase[] }>("contract/errors.json");

function attempt(c: ErrorCase, args: nt.BlockArray[]): unknown {
  const [a, b] = args as [nt.BlockArray, nt.BlockArray];
  switch (c.fn) {
    case "matmul":
      return nt.matmul(a, b);
    case "dot":
      return nt.dot(a, b);
    case "inner":
      return nt.inner(a, b);
    case "vdot":
      return nt.vdot(a, b);
    case "tensordot":
      return nt.tensordot(a, b, c.options as nt.TensordotOptions);
    case "trace":
      return nt.trace(a, c.options as nt.TraceOptions);
    case "einsum":
      if (c.sublists) return nt.einsum(...c.sublists.flatMap((s, i) => [args[i]!, s]));
      return nt.einsum(c.subscripts!, ...args, ...(c.options ? [c.options as nt.EinsumOptions] : []));
  }
  throw new Error(`unknown function ${c.fn}`);
}

describeRuntimes(
  "contraction errors",
  () => {
    for (const c of errors) {
      test(`${c.name}: ${c.numpyClass} → ${c.numtsClass}`, () => {
        const args = c.shapes.map((s, i) => nt.zeros(s, { dtype: c.dtypes[i] }));
        const before = nt.progress().submitted;
        const cls = nt[c.numtsClass] as unknown as new (...a: unknown[]) => Error;
        assert.throws(
          () => attempt(c, args),
          (e: unknown) => {
            assert.ok(e instanceof cls, `expected ${c.numtsClass}, got ${(e as Error).name}: ${(e as Error).message}`);
            assert.equal((e as Error).name, c.numtsClass);
            assert.equal((e as Error).message, c.message);
            return true;
          },
        );
        assert.equal(nt.progress().submitted, before, "nothing is scheduled");
        for (const x of args) x.dispose();
      });
    }

    test("einsum without operands or subscripts: NumPy's messages", () => {
      const x = nt.zeros([3]);
      assert.throws(() => nt.einsum("ij"), { name: "SubscriptError", message: "must specify the einstein sum subscripts string and at least one operand" });
      assert.throws(() => nt.einsum(), {
        name: "SubscriptError",
        message: "must specify the einstein sum subscripts string and at least one operand, or at least one operand and its corresponding subscripts list",
      });
      assert.throws(() => nt.einsum(x), { name: "SubscriptError", message: "must provide at least an operand and a subscripts list to einsum" });
      assert.throws(() => nt.einsum(x, [0, "...", "..."]), { name: "SubscriptError", message: "each subscripts list may have only one ellipsis" });
      x.dispose();
    });

    test("non-integer axes and offsets are TypeErrors", () => {
      const m = nt.zeros([3, 3]);
      assert.throws(() => nt.tensordot(m, m, 1.5), TypeError);
      assert.throws(() => nt.tensordot(m, m, { axes: [[0.5], [0]] }), TypeError);
      assert.throws(() => nt.trace(m, { offset: 0.5 }), TypeError);
      assert.throws(() => nt.trace(m, { axis1: 0.5 }), TypeError);
      assert.throws(() => nt.einsum(m, [0, 1.5]), TypeError);
      m.dispose();
    });
  },
  CONFIGS.slice(0, 1),
);
