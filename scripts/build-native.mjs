#!/usr/bin/env node
// Builds the native addon (N-API over OpenBLAS) with node-gyp. A failed build is not fatal: numts
// then runs on its TypeScript kernels and says so once at start-up.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
if (process.env.NUMTS_SKIP_NATIVE === "1") {
  console.log("numts: NUMTS_SKIP_NATIVE=1, not building the native addon");
  process.exit(0);
}
let gyp;
try {
  gyp = join(dirname(createRequire(import.meta.url).resolve("node-gyp/package.json")), "bin", "node-gyp.js");
} catch {
  console.warn("numts: node-gyp is not installed; skipping the native addon (TypeScript kernels will be used)");
  process.exit(0);
}
const nodedir = existsSync("/usr/include/node/node_api.h") ? ["--nodedir=/usr"] : [];
const r = spawnSync(process.execPath, [gyp, "rebuild", ...nodedir], { cwd: root, stdio: "inherit" });
if (r.status !== 0) {
  console.warn("numts: the native addon failed to build (is libopenblas-dev installed?); TypeScript kernels will be used");
}
process.exit(0);
