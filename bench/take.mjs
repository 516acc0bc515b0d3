#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Gathers with a distributed permutation index in numts against NumPy's fancy indexing, in one run:
// `take(X, perm, {axis: 0})` for X rows × cols float64 (row blocks, the index chunked like X's rows,
// as trainTestSplit does) and a 1-d gather of n float64. numts and NumPy alternate so both see the
// same machine load; the best of each is reported. Usage (after `npx tsc -p .`):
//   node bench/take.mjs [rows=1e6] [cols=100] [n=1e7] [repeats=3] [workers=cores]
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const nt = await import(join(root, "dist", "src", "index.js"));

const rows = Number(process.argv[2] ?? 1e6);
const cols = Number(process.argv[3] ?? 100);
const n = Number(process.argv[4] ?? 1e7);
const repeats = Number(process.argv[5] ?? 3);
const workers = Number(process.argv[6] ?? availableParallelism());

// NumPy in a child process: X = arange-like data and a random permutation; each line on stdin
// names a case, the seconds of one gather go back with a checksum of the result.
const py = spawn("python3", ["-u", "-c", `
import sys, time
import numpy as np
rng = np.random.default_rng(0)
X = rng.random((${rows}, ${cols})); pX = rng.permutation(${rows}).astype(np.int32)
x = rng.random(${n}); px = rng.permutation(${n}).astype(np.int32)
print("ready", flush=True)
for line in sys.stdin:
    a, p = (X, pX) if line.strip() == "rows" else (x, px)
    t = time.perf_counter(); y = a[p]; dt = time.perf_counter() - t
    print(dt, flush=True)
    del y
`], { stdio: ["pipe", "pipe", "inherit"] });
const lines = createInterface({ input: py.stdout })[Symbol.asyncIterator]();
const next = async () => (await lines.next()).value;

await nt.init({ workersPerNode: workers });
const X = nt.random.defaultRng(1).random([rows, cols]);
const permRows = nt.random.defaultRng(2).permutation(rows);
const pRows = permRows.rechunk([X.blockShape[0]]);
const x = nt.random.defaultRng(3).random([n]);
const pFlat = nt.random.defaultRng(4).permutation(n);
await Promise.all([X.wait(), pRows.wait(), x.wait(), pFlat.wait()]);
await next(); // NumPy's inputs are ready

/** Whether y[i] == a[p[i]] at a few spread positions (rows: the whole row). */
async function check(a, p, y) {
  const [pa, ya] = [await p.toArray(), await y.toArray()];
  const inner = a.ndim === 2 ? a.shape[1] : 1;
  for (let i = 0; i < p.size; i += Math.max(1, Math.floor(p.size / 16))) {
    const want = await a.get([Number(pa.data[i])]).toArray();
    for (let j = 0; j < inner; j++) if (ya.data[i * inner + j] !== want.data[j]) return false;
  }
  return true;
}

const results = {};
for (const [name, a, p] of [["rows", X, pRows], ["flat", x, pFlat]]) {
  let best = Infinity;
  let bestNumpy = Infinity;
  let same = true;
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    const y = nt.take(a, p, { axis: 0 });
    await y.wait();
    const dt = (performance.now() - t0) / 1000;
    best = Math.min(best, dt);
    if (r === 0) same = await check(a, p, y);
    y.dispose();
    py.stdin.write(`${name}\n`);
    const secs = Number(await next());
    bestNumpy = Math.min(bestNumpy, secs);
    console.log(`${name} run ${r + 1}: numts ${dt.toFixed(3)} s, numpy ${secs.toFixed(3)} s`);
  }
  results[name] = { numts: best, numpy: bestNumpy, ratio: best / bestNumpy, correct: same };
}
py.stdin.end();
await nt.shutdown();
console.log(JSON.stringify({ workload: "take", rows, cols, n, workers, ...results }));
