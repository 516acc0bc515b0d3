#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
/**
 * Single-block linear-algebra kernels against NumPy, one thread each (a measurement, not a test).
 *
 *   npx tsc -p . && node bench/kernels/lapack.mjs [--reps 5] [--only qr,cholesky] [--ts]
 *
 * Each case times the native kernel in this process (OpenBLAS set to 1 thread, as in a numts
 * worker), then the same NumPy call in a python3 child with OPENBLAS_NUM_THREADS=1, back to back
 * so both see the same machine load; before each case it waits (up to 60 s) for the CPUs to be
 * ≥ 85 % idle, since the machine is shared. Times include every copy the kernel makes (inputs
 * are row-major, as numts stores blocks; NumPy's include its own copies into Fortran order).
 * OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE are inherited by both sides and never changed.
 * With --ts, the TypeScript reference kernels are timed too (on the small cases only).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { loadAddon } = await import(join(root, "dist/src/kernels/native/addon.js"));
const { nativeKernels } = await import(join(root, "dist/src/kernels/native/index.js"));
const { tsKernels } = await import(join(root, "dist/src/kernels/ts/index.js"));

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const reps = Number(opt("reps", "5"));
const only = opt("only", "")?.split(",").filter(Boolean) ?? [];
const withTs = args.includes("--ts");

const addon = loadAddon();
if (addon instanceof Error) throw addon;
addon.setThreads(1);
const native = nativeKernels();

// ---- inputs and views ------------------------------------------------------------------------

function random(n, seed) {
  let x = seed >>> 0 || 1;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    a[i] = (x >>> 0) / 2 ** 32 - 0.5;
  }
  return a;
}
const view = (data, shape) => ({ dtype: "float64", data, offset: 0, shape, strides: shape.length === 2 ? [shape[1], 1] : [1] });
const out = (shape, dtype = "float64") => {
  const n = shape.reduce((p, d) => p * d, 1);
  const data = dtype === "int32" ? new Int32Array(n) : new Float64Array(n);
  data.fill(1); // touch the pages once: workers reuse pooled buffers
  return { dtype, data, offset: 0, shape, strides: shape.length === 2 ? [shape[1], 1] : [1] };
};
/** n×n symmetric positive definite: a random matrix with n added to its diagonal, symmetrized. */
function spd(n) {
  const a = random(n * n, 3);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) a[i * n + j] = a[j * n + i];
    a[i * n + i] += n;
  }
  return a;
}

// ---- cases -----------------------------------------------------------------------------------

/** Each case: a numts closure (given a kernel table) and the NumPy statement timed (setup separate). */
const CASES = [
  {
    name: "qr",
    label: "QR reduced (Q and R), 20000×200",
    setup: () => ({ a: view(random(20000 * 200, 1), [20000, 200]), q: out([20000, 200]), r: out([200, 200]) }),
    run: (k, d) => k.qr([d.a], [d.q, d.r], { mode: "reduced" }),
    np: ["a = rng.standard_normal((20000, 200))", "np.linalg.qr(a)"],
  },
  {
    name: "qr",
    label: "QR mode r (TSQR leaf), 20000×200",
    setup: () => ({ a: view(random(20000 * 200, 1), [20000, 200]), r: out([200, 200]) }),
    run: (k, d) => k.qr([d.a], [d.r], { mode: "r" }),
    np: ["a = rng.standard_normal((20000, 200))", "np.linalg.qr(a, mode='r')"],
  },
  {
    name: "qr",
    label: "QR reduced, 2000×2000",
    setup: () => ({ a: view(random(2000 * 2000, 1), [2000, 2000]), q: out([2000, 2000]), r: out([2000, 2000]) }),
    run: (k, d) => k.qr([d.a], [d.q, d.r], { mode: "reduced" }),
    np: ["a = rng.standard_normal((2000, 2000))", "np.linalg.qr(a)"],
  },
  ...[false, true].map((triangularInputs) => ({
    name: "qr",
    label: `TSQR merge [R1; R2] of 500×500 R factors${triangularInputs ? ", tpqrt" : ""}`,
    setup: () => {
      const triu = (seed) => random(500 * 500, seed).map((x, i) => (i % 500 >= Math.floor(i / 500) ? x : 0));
      return { r1: view(triu(1), [500, 500]), r2: view(triu(2), [500, 500]), r: out([500, 500]) };
    },
    run: (k, d) => k.qr([d.r1, d.r2], [d.r], { mode: "r", triangularInputs }),
    np: ["r1 = np.triu(rng.standard_normal((500, 500))); r2 = np.triu(rng.standard_normal((500, 500)))", "np.linalg.qr(np.vstack([r1, r2]), mode='r')"],
  })),
  {
    name: "cholesky",
    label: "Cholesky 2000×2000",
    setup: () => ({ a: view(spd(2000), [2000, 2000]), l: out([2000, 2000]) }),
    run: (k, d) => k.cholesky([d.a], [d.l], {}),
    np: ["b = rng.standard_normal((2000, 2000)); a = (b + b.T) / 2 + 2000 * np.eye(2000)", "np.linalg.cholesky(a)"],
  },
  {
    name: "cholesky",
    label: "Cholesky 200×200",
    small: true,
    setup: () => ({ a: view(spd(200), [200, 200]), l: out([200, 200]) }),
    run: (k, d) => k.cholesky([d.a], [d.l], {}),
    np: ["b = rng.standard_normal((200, 200)); a = (b + b.T) / 2 + 200 * np.eye(200)", "np.linalg.cholesky(a)"],
  },
  ...[1, 2000].map((nrhs) => ({
    name: "solve",
    label: `solve 2000×2000, ${nrhs} rhs (lu + luSolve)`,
    setup: () => ({
      a: view(spd(2000).map((x, i) => (i % 7 === 0 ? -x : x)), [2000, 2000]),
      b: view(random(2000 * nrhs, 5), nrhs === 1 ? [2000] : [2000, nrhs]),
      lu: out([2000, 2000]),
      piv: out([2000], "int32"),
      x: out(nrhs === 1 ? [2000] : [2000, nrhs]),
    }),
    run: (k, d) => {
      k.lu([d.a], [d.lu, d.piv], {});
      k.luSolve([d.lu, d.piv, d.b], [d.x], {});
    },
    np: [`a = rng.standard_normal((2000, 2000)) + 2000 * np.eye(2000); b = rng.standard_normal(${nrhs === 1 ? "2000" : "(2000, 2000)"})`, "np.linalg.solve(a, b)"],
  })),
  {
    name: "solve",
    label: "solve 200×200, 1 rhs (lu + luSolve)",
    small: true,
    setup: () => ({ a: view(spd(200), [200, 200]), b: view(random(200, 5), [200]), lu: out([200, 200]), piv: out([200], "int32"), x: out([200]) }),
    run: (k, d) => {
      k.lu([d.a], [d.lu, d.piv], {});
      k.luSolve([d.lu, d.piv, d.b], [d.x], {});
    },
    np: ["a = rng.standard_normal((200, 200)) + 200 * np.eye(200); b = rng.standard_normal(200)", "np.linalg.solve(a, b)"],
  },
  {
    name: "inverse",
    label: "inverse 2000×2000",
    setup: () => ({ a: view(spd(2000), [2000, 2000]), x: out([2000, 2000]) }),
    run: (k, d) => k.inverse([d.a], [d.x], {}),
    np: ["a = rng.standard_normal((2000, 2000)) + 2000 * np.eye(2000)", "np.linalg.inv(a)"],
  },
  {
    name: "slogdet",
    label: "slogdet 2000×2000",
    setup: () => ({ a: view(spd(2000), [2000, 2000]), x: out([2]) }),
    run: (k, d) => k.slogdet([d.a], [d.x], {}),
    np: ["a = rng.standard_normal((2000, 2000)) + 2000 * np.eye(2000)", "np.linalg.slogdet(a)"],
  },
  {
    name: "gram",
    label: "gram Aᵀ·diag(s)·A, 20000×200",
    setup: () => ({ a: view(random(20000 * 200, 1), [20000, 200]), s: view(random(20000, 9).map(Math.abs), [20000]), c: out([200, 200]) }),
    run: (k, d) => k.gram([d.a, d.s], [d.c], { weighted: true }),
    np: ["a = rng.standard_normal((20000, 200)); s = rng.uniform(0, 1, 20000)", "a.T @ (s[:, None] * a)"],
  },
  {
    name: "svd",
    label: "svd 2000×200 (reduced U, S, Vt)",
    setup: () => ({ a: view(random(2000 * 200, 1), [2000, 200]), u: out([2000, 200]), s: out([200]), vt: out([200, 200]) }),
    run: (k, d) => k.svd([d.a], [d.u, d.s, d.vt], { fullMatrices: false, computeUv: true }),
    np: ["a = rng.standard_normal((2000, 200))", "np.linalg.svd(a, full_matrices=False)"],
  },
  {
    name: "eigh",
    label: "eigh 1000×1000",
    setup: () => ({ a: view(spd(1000), [1000, 1000]), w: out([1000]), v: out([1000, 1000]) }),
    run: (k, d) => k.eigh([d.a], [d.w, d.v], { uplo: "L", computeV: true }),
    np: ["b = rng.standard_normal((1000, 1000)); a = b + b.T", "np.linalg.eigh(a)"],
  },
];

// ---- timing ----------------------------------------------------------------------------------

function cpuIdleFraction() {
  const read = () => readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const a = read();
  const until = Date.now() + 500;
  while (Date.now() < until); // busy-free wait would need async; 0.5 s of spinning on one core is fine here
  const b = read();
  const d = b.map((x, i) => x - a[i]);
  const total = d.reduce((s, x) => s + x, 0);
  // One of the two cores is this spin loop: count idle against the other.
  return (d[3] + d[4]) / Math.max(total / 2, 1);
}

function waitQuiet() {
  const until = Date.now() + 60_000;
  while (Date.now() < until && cpuIdleFraction() < 0.85);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeJs(c, table) {
  const d = c.setup();
  c.run(table, d); // warm-up
  const times = [];
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    c.run(table, d);
    times.push(performance.now() - t0);
  }
  return { median: median(times), min: Math.min(...times) };
}

function timeNumpy(c) {
  const [setup, stmt] = c.np;
  const py = [
    "import json, time, numpy as np",
    "rng = np.random.default_rng(0)",
    setup,
    stmt,
    "ts = []",
    `for _ in range(${reps}):`,
    "    t0 = time.perf_counter()",
    `    ${stmt}`,
    "    ts.append((time.perf_counter() - t0) * 1e3)",
    "ts.sort()",
    "print(json.dumps({'median': ts[len(ts) // 2], 'min': ts[0]}))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", py], { env: { ...process.env, OPENBLAS_NUM_THREADS: "1" }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`numpy failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split("\n").pop());
}

const fmt = (t) => `${t.median.toFixed(1).padStart(8)} (${t.min.toFixed(1)})`;
const cfg = addon.blasConfig();
console.log(`numts native (${cfg.config.trim()}, core ${cfg.corename}) vs NumPy, 1 thread each; ms median (min) of ${reps}`);
console.log(`OPENBLAS_CORETYPE=${process.env.OPENBLAS_CORETYPE ?? "(unset)"} OPENBLAS_L2_SIZE=${process.env.OPENBLAS_L2_SIZE ?? "(unset)"}`);
console.log(`${"case".padEnd(52)} ${"numts".padStart(16)} ${"numpy".padStart(16)}  numpy/numts${withTs ? "   ts reference" : ""}`);
for (const c of CASES) {
  if (only.length && !only.includes(c.name)) continue;
  waitQuiet();
  const ours = timeJs(c, native);
  const theirs = timeNumpy(c);
  const ts = withTs && c.small ? `   ${fmt(timeJs(c, tsKernels))}` : "";
  console.log(`${c.label.padEnd(52)} ${fmt(ours)} ${fmt(theirs)}  ${(theirs.median / ours.median).toFixed(2).padStart(6)}×${ts}`);
}
