// SPDX-License-Identifier: Apache-2.0
// Prints the largest ulp distance from NumPy, per transcendental function and dtype, for the
// TypeScript and native kernel tables over the elementwise fixture (the numbers behind
// test/kernels/tolerances.ts). Run after `npx tsc -p .`: node bench/kernels/ulp.mjs
import { BACKENDS, alloc, contiguousView, decode, loadFixture, maxUlp, singleOpProgram } from "../../dist/test/kernels/harness.js";

const { cases } = loadFixture("elementwise.json");
const rows = [];
for (const c of cases.filter((c) => c.ulp)) {
  const out = c.dtypes.at(-1);
  const row = { fn: c.op, dtype: out };
  for (const b of BACKENDS) {
    if (!b.table) continue;
    const ins = c.inputs.map((x, i) => decode(c.dtypes[i], x));
    const want = decode(out, c.expected);
    const got = alloc(out, want.length);
    b.table.fused(ins.map((d, i) => contiguousView(c.dtypes[i], d, [d.length])), [contiguousView(out, got, [want.length])], {
      program: singleOpProgram(c.op, c.dtypes),
    });
    row[b.name] = maxUlp(out, got, want);
  }
  rows.push(row);
}
console.table(rows);
