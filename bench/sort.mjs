#!/usr/bin/env node
// SPDX-License-Identifier: Apache-2.0
// Distributed sort of n hashed float64 (bench/inputs.ts) in numts against np.sort of the same
// array, in one run: the two alternate (numts, NumPy, numts, ...) so both see the same machine
// load, and the best of each is reported. Usage (after `npx tsc -p .`):
//   node bench/sort.mjs [n=1e8] [repeats=5] [workers=cores]
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const nt = await import(join(root, "dist", "src", "index.js"));
const { hashed } = await import(join(root, "dist", "bench", "inputs.js"));

const n = Number(process.argv[2] ?? 1e8);
const repeats = Number(process.argv[3] ?? 5);
const workers = Number(process.argv[4] ?? availableParallelism());

// NumPy in a child process: the same hashed array (scripts/gen/fixtures_lib.py), one np.sort per
// line read on stdin, its seconds printed back.
const py = spawn("python3", ["-u", "-c", `
import sys, time
sys.path.insert(0, ${JSON.stringify(join(root, "scripts", "gen"))})
import numpy as np
from fixtures_lib import hashed
x = hashed((${n},), 1)
print("ready", flush=True)
for line in sys.stdin:
    t = time.perf_counter(); y = np.sort(x); dt = time.perf_counter() - t
    print(dt, " ".join(repr(float(v)) for v in y[:: max(1, len(y) // 8)]), flush=True)
    del y
`], { stdio: ["pipe", "pipe", "inherit"] });
const lines = createInterface({ input: py.stdout })[Symbol.asyncIterator]();
const next = async () => (await lines.next()).value;

await nt.init({ workersPerNode: workers });
const x = hashed([n], 1);
await x.wait();
await next(); // NumPy's input is ready

let bestNumts = Infinity;
let bestNumpy = Infinity;
let same = true;
for (let r = 0; r < repeats; r++) {
  const t0 = performance.now();
  const s = nt.sort(x);
  await s.wait();
  const dt = (performance.now() - t0) / 1000;
  bestNumts = Math.min(bestNumts, dt);
  py.stdin.write("go\n");
  const [secs, ...probe] = (await next()).split(" ").map(Number);
  bestNumpy = Math.min(bestNumpy, secs);
  if (r === 0) {
    // Check: NumPy's every (n/8)-th sorted element against numts's.
    const got = (await s.toArray()).data;
    probe.forEach((v, i) => (same &&= got[i * Math.max(1, Math.floor(n / 8))] === v));
  }
  s.dispose();
  console.log(`run ${r + 1}: numts ${dt.toFixed(3)} s, np.sort ${secs.toFixed(3)} s`);
}
py.stdin.end();
await nt.shutdown();
console.log(JSON.stringify({ workload: "sort", n, workers, numts: bestNumts, numpy: bestNumpy, speedup: bestNumpy / bestNumts, sameAsNumpy: same }));
