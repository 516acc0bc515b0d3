// SPDX-License-Identifier: Apache-2.0
// A wider accuracy sweep than the fixtures: for every transcendental, 200k inputs over the
// function's interesting range (log-uniform magnitudes, both signs), NumPy computed in the same
// run, max ulp distance of the native and TypeScript kernels from NumPy. The numbers behind the
// bound in test/kernels/tolerances.ts. Run after `npx tsc -p .`: node bench/kernels/ulp-sweep.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BACKENDS, maxUlp, singleOpProgram } from "../../dist/test/kernels/harness.js";

const N = 200_000;
// [op, NumPy name, lo, hi, arity]: inputs are ±10^u with u uniform in [lo, hi].
const FUNCS = [
  ["exp", "exp", -3, 2.8, 1], ["exp2", "exp2", -3, 3, 1], ["expm1", "expm1", -8, 2.8, 1], ["log", "log", -300, 300, 1],
  ["log2", "log2", -300, 300, 1], ["log10", "log10", -300, 300, 1], ["log1p", "log1p", -8, 10, 1], ["sin", "sin", -4, 4, 1],
  ["cos", "cos", -4, 4, 1], ["tan", "tan", -4, 4, 1], ["arcsin", "arcsin", -8, 0, 1], ["arccos", "arccos", -8, 0, 1],
  ["arctan", "arctan", -8, 8, 1], ["sinh", "sinh", -8, 2.8, 1], ["cosh", "cosh", -8, 2.8, 1], ["tanh", "tanh", -8, 1.5, 1],
  ["arcsinh", "arcsinh", -8, 8, 1], ["arccosh", "arccosh", 0, 8, 1], ["arctanh", "arctanh", -8, 0, 1], ["cbrt", "cbrt", -30, 30, 1],
  ["power", "power", -2, 2, 2], ["hypot", "hypot", -30, 30, 2], ["arctan2", "arctan2", -8, 8, 2], ["logaddexp", "logaddexp", -3, 2.5, 2],
  ["logaddexp2", "logaddexp2", -3, 2.5, 2],
];

let seed = 12345;
const rand = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
const dir = mkdtempSync(join(tmpdir(), "numts-ulp-"));
const rows = [];
try {
  for (const dtype of ["float64", "float32"]) {
    const Arr = dtype === "float64" ? Float64Array : Float32Array;
    for (const [op, np, lo, hi, arity] of FUNCS) {
      const args = Array.from({ length: arity }, (_, k) =>
        Arr.from({ length: N }, () => {
          const m = 10 ** (lo + (hi - lo) * rand());
          // power: positive base; arccosh: >= 1; others both signs.
          if (op === "arccosh") return 1 + m;
          if (op === "power" && k === 0) return m;
          return rand() < 0.5 ? -m : m;
        }),
      );
      args.forEach((a, k) => writeFileSync(join(dir, `in${k}`), a));
      const py = `import numpy as np\nt=np.${dtype}\nxs=[np.fromfile('${dir}/in%d'%k, dtype=t) for k in range(${arity})]\nwith np.errstate(all='ignore'):\n    np.${np}(*xs).astype(t).tofile('${dir}/out')`;
      execFileSync("python3", ["-c", py]);
      const want = new Arr(readFileSync(join(dir, "out")).buffer.slice(0));
      const row = { fn: op, dtype };
      for (const b of BACKENDS) {
        if (!b.table) continue;
        const got = new Arr(N);
        const view = (d) => ({ dtype, data: d, offset: 0, shape: [N], strides: [1] });
        b.table.fused(args.map(view), [view(got)], { program: singleOpProgram(op, Array(arity + 1).fill(dtype)) });
        row[b.name] = maxUlp(dtype, got, want);
      }
      rows.push(row);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
console.table(rows);
