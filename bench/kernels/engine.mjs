// SPDX-License-Identifier: Apache-2.0
// Microbenchmark of the kernel engine, one thread: native and TypeScript kernels against NumPy on
// the same machine in the same run. Not a test. Timings are the best of several repetitions
// (the machine is shared). Run after `npx tsc -p .`: node bench/kernels/engine.mjs [--quick]
import { execFileSync } from "node:child_process";
import { nativeKernels } from "../../dist/src/kernels/native/index.js";
import { tsKernels } from "../../dist/src/kernels/ts/index.js";

const quick = process.argv.includes("--quick");
const N = quick ? 2_000_000 : 10_000_000;
const ROWS = 12_500;
const COLS = 1_000;
const REPS = quick ? 3 : 7;

const view = (dtype, data, shape) => {
  const strides = [];
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    strides[d] = s;
    s *= shape[d];
  }
  return { dtype, data, offset: 0, shape, strides };
};
const fill = (a, salt) => {
  for (let i = 0; i < a.length; i++) a[i] = Math.sin(i * 0.001 + salt) * 2;
  return a;
};
const prog = (dt, code, nIn, nRegs, consts = []) => ({ regs: Array(nRegs).fill(dt), nInputs: nIn, consts, code, results: [nRegs - 1] });
const best = (fn) => {
  fn();
  let t = Infinity;
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    fn();
    t = Math.min(t, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return t;
};

function cases(dt) {
  const Arr = dt === "float64" ? Float64Array : Float32Array;
  const size = dt === "float64" ? 8 : 4;
  const a = fill(new Arr(N), 1);
  const b = fill(new Arr(N), 2);
  const c = new Arr(N);
  const M = fill(new Arr(ROWS * COLS), 3);
  const A = view(dt, a, [N]);
  const B = view(dt, b, [N]);
  const C = view(dt, c, [N]);
  const s1 = view(dt, new Arr(1), [1]);
  const row = view(dt, new Arr(COLS), [1, COLS]);
  const add = prog(dt, [["add", 2, 0, 1]], 2, 3);
  const exp = prog(dt, [["exp", 1, 0]], 1, 2);
  const fusedP = prog(dt, [["exp", 2, 0], ["multiply", 2, 2, 1], ["add", 4, 2, 3]], 2, 5, [[3, 1]]);
  const id = prog(dt, [], 1, 1);
  return [
    { name: `add ${dt}`, unit: "GB/s", per: 3 * size * N, run: (k) => k.fused([A, B], [C], { program: add }), np: `np.add(a,b,out=c)` },
    { name: `exp ${dt}`, unit: "Gelem/s", per: N, run: (k) => k.fused([A], [C], { program: exp }), np: `np.exp(a,out=c)` },
    { name: `sum(exp(a)*b+1) ${dt}`, unit: "Gelem/s", per: N, run: (k) => k.reduce([A, B], [s1], { op: "sum", program: fusedP, axes: [0] }), np: `(np.exp(a)*b+1).sum()` },
    { name: `sum ${dt}`, unit: "GB/s", per: size * N, run: (k) => k.reduce([A], [s1], { op: "sum", program: id, axes: [0] }), np: `a.sum()` },
    {
      name: `axis-0 sum ${ROWS}x${COLS} ${dt}`,
      unit: "GB/s",
      per: size * ROWS * COLS,
      run: (k) => k.reduce([view(dt, M, [ROWS, COLS])], [row], { op: "sum", program: id, axes: [0] }),
      np: `M.sum(axis=0)`,
    },
  ];
}

function numpy(dt, stmts) {
  const py = `
import numpy as np, time, json
N, R, C = ${N}, ${ROWS}, ${COLS}
dt = np.${dt}
i = np.arange(N)
a = (np.sin(i*0.001+1)*2).astype(dt); b = (np.sin(i*0.001+2)*2).astype(dt); c = np.empty_like(a)
M = (np.sin(np.arange(R*C)*0.001+3)*2).astype(dt).reshape(R, C)
out = []
for s in ${JSON.stringify(stmts)}:
    f = eval("lambda: " + s); f()
    t = min((lambda t0: (f(), time.perf_counter() - t0)[1])(time.perf_counter()) for _ in range(${REPS}))
    out.append(t)
print(json.dumps(out))`;
  const env = { ...process.env, OPENBLAS_NUM_THREADS: "1", OMP_NUM_THREADS: "1" };
  return JSON.parse(execFileSync("python3", ["-c", py], { env, encoding: "utf8" }));
}

const native = nativeKernels();
const rows = [];
for (const dt of ["float64", "float32"]) {
  const cs = cases(dt);
  const np = numpy(dt, cs.map((c) => c.np));
  cs.forEach((c, i) => {
    const rate = (t) => (c.per / t / 1e9).toFixed(2);
    rows.push({
      kernel: c.name,
      unit: c.unit,
      native: native instanceof Error ? "n/a" : rate(best(() => c.run(native))),
      ts: rate(best(() => c.run(tsKernels))),
      numpy: rate(np[i]),
    });
  });
}
console.table(rows);
