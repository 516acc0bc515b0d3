// SPDX-License-Identifier: Apache-2.0
/**
 * Every elementwise op and loop, and the full cast matrix, against NumPy (fixture from
 * scripts/gen/kernel_elementwise.py), on every kernel table. Transcendentals may differ from
 * NumPy by TRANSCENDENTAL_ULPS (neither side is correctly rounded); everything else is exact.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Dtype } from "../../src/array/dtype.js";
import type { ElementwiseOp } from "../../src/kernels/ops.js";
import { alloc, BACKENDS, contiguousView, decode, firstMismatch, loadFixture, maxUlp, singleOpProgram } from "./harness.js";
import { TRANSCENDENTAL_ULPS } from "./tolerances.js";

interface Case {
  op: ElementwiseOp;
  dtypes: Dtype[];
  inputs: string[];
  expected: string;
  ulp: boolean;
}

const { cases } = loadFixture<{ cases: Case[] }>("elementwise.json");


for (const backend of BACKENDS) {
  describe(`elementwise conformance [${backend.name}]`, { skip: backend.skip }, () => {
    for (const c of cases) {
      const name = `${c.op}(${c.dtypes.slice(0, -1).join(", ")}) -> ${c.dtypes.at(-1)}`;
      test(name, () => {
        const out = c.dtypes.at(-1)!;
        const ins = c.inputs.map((b, i) => decode(c.dtypes[i]!, b));
        const want = decode(out, c.expected);
        const n = want.length;
        const got = alloc(out, n);
        backend.table!.fused(
          ins.map((d, i) => contiguousView(c.dtypes[i]!, d, [n])),
          [contiguousView(out, got, [n])],
          { program: singleOpProgram(c.op, c.dtypes) },
        );
        const tol = c.ulp ? TRANSCENDENTAL_ULPS[out as "float32" | "float64"][c.op] ?? 0 : 0;
        const i = firstMismatch(out, got, want, tol);
        if (i >= 0) {
          const args = ins.map((a) => a[i]).join(", ");
          assert.fail(`${name} at ${i}: ${c.op}(${args}) = ${got[i]}, NumPy ${want[i]} (max ulp ${maxUlp(out, got, want)}, tol ${tol})`);
        }
      });
    }
  });
}
