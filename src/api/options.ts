// SPDX-License-Identifier: Apache-2.0
/**
 * `init` options: every field optional, validated once with messages naming the option, merged over
 * the defaults into a fully resolved set (piscina's Options / FilledOptions pattern).
 */
import type { KernelKind } from "../kernels/registry.js";
import { type ContextOptions, defaultContextOptions } from "../plan/context.js";
import type { SchedulerName } from "../schedule/policy.js";

export interface InitOptions {
  /** Number of nodes (each with its own object store); more than one simulates a cluster in-process. */
  nodes?: number;
  /** Worker threads per node (default: one per core for a single node, else 1). */
  workersPerNode?: number;
  /** Placement policy: LSHS (default), static block-cyclic, or locality-blind dynamic. */
  scheduler?: SchedulerName;
  /** Bytes each node may hold (number of bytes, or a string such as "2GB", "512MiB"). */
  memoryLimit?: number | string;
  /** Simulated link speed between in-process nodes: bytes/s, or a string such as "1Gbit/s", "100MB/s". */
  bandwidth?: number | string | null;
  /** Kernel implementation: native (OpenBLAS addon, default) or the TypeScript reference kernels. */
  kernels?: KernelKind;
}

const MAX_WORKERS_PER_NODE = 256;

const UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

/** Parses "2GB", "512MiB", or a number of bytes. */
export function parseBytes(value: number | string, what: string): number {
  if (typeof value === "number") return value;
  const m = /^\s*([0-9]*\.?[0-9]+)\s*([a-zA-Z]*)\s*$/.exec(value);
  const unit = m ? UNITS[(m[2] || "b").toLowerCase()] : undefined;
  if (!m || unit === undefined) throw new TypeError(`${what} must be a number of bytes or a size like "2GB", got ${JSON.stringify(value)}`);
  return Number(m[1]) * unit;
}

/** Parses "1Gbit/s", "100MB/s", or bytes per second. */
export function parseBandwidth(value: number | string, what: string): number {
  if (typeof value === "number") return value;
  const m = /^\s*([0-9]*\.?[0-9]+)\s*([kmgt]?)(bit|b|B)(ps|\/s)\s*$/i.exec(value);
  if (!m) throw new TypeError(`${what} must be bytes per second or a rate like "1Gbit/s", got ${JSON.stringify(value)}`);
  const scale = { "": 1, k: 1e3, m: 1e6, g: 1e9, t: 1e12 }[m[2]!.toLowerCase()]!;
  const bits = m[3] === "bit" || m[3] === "b";
  return (Number(m[1]) * scale) / (bits ? 8 : 1);
}

function positiveInt(value: unknown, what: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isInteger(value)) throw new TypeError(`${what} must be an integer, got ${JSON.stringify(value)}`);
  if (value < 1) throw new RangeError(`${what} must be at least 1, got ${value}`);
  if (value > max) throw new RangeError(`${what} must be at most ${max}, got ${value}`);
  return value;
}

export function resolveOptions(options: InitOptions = {}): ContextOptions {
  if (options === null || typeof options !== "object") throw new TypeError("options must be an object");
  const defaults = defaultContextOptions();
  const known = new Set(["nodes", "workersPerNode", "scheduler", "memoryLimit", "bandwidth", "kernels"]);
  for (const key of Object.keys(options)) {
    if (!known.has(key)) throw new TypeError(`options.${key} is not a numts init option (known: ${[...known].join(", ")})`);
  }
  const nodes = options.nodes === undefined ? 1 : positiveInt(options.nodes, "options.nodes", 1024);
  const workersPerNode =
    options.workersPerNode === undefined
      ? nodes === 1
        ? defaults.workersPerNode
        : 1
      : positiveInt(options.workersPerNode, "options.workersPerNode", MAX_WORKERS_PER_NODE);
  if (nodes * workersPerNode > 4 * 1024) {
    throw new RangeError(`options.nodes × options.workersPerNode = ${nodes * workersPerNode} threads is more than this process can run (max 4096)`);
  }
  const scheduler = options.scheduler ?? "lshs";
  if (!["lshs", "cyclic", "dynamic"].includes(scheduler)) {
    throw new TypeError(`options.scheduler must be "lshs", "cyclic" or "dynamic", got ${JSON.stringify(scheduler)}`);
  }
  const memoryLimit = options.memoryLimit === undefined ? defaults.memoryLimit : parseBytes(options.memoryLimit, "options.memoryLimit");
  if (!(memoryLimit > 0)) throw new RangeError(`options.memoryLimit must be positive, got ${options.memoryLimit}`);
  let bandwidth: number | null = null;
  if (options.bandwidth !== undefined && options.bandwidth !== null) {
    bandwidth = parseBandwidth(options.bandwidth, "options.bandwidth");
    if (!(bandwidth > 0) || !Number.isFinite(bandwidth)) throw new RangeError(`options.bandwidth must be positive and finite, got ${options.bandwidth}`);
  }
  const kernels = options.kernels ?? defaults.kernels;
  if (kernels !== "native" && kernels !== "ts") throw new TypeError(`options.kernels must be "native" or "ts", got ${JSON.stringify(kernels)}`);
  return { nodes, workersPerNode, scheduler, memoryLimit, kernels, bandwidth };
}
