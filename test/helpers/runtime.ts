// SPDX-License-Identifier: Apache-2.0
/**
 * Running a suite under every runtime configuration that must give the same results: both kernel
 * sets (native and TypeScript) and several cluster shapes, and helpers for block layouts (one
 * block, even blocks, ragged blocks) — results must not depend on any of them.
 */
import { after, before, describe } from "node:test";
import * as nt from "../../src/index.js";
import { nativeAvailable } from "../../src/kernels/registry.js";

export interface RuntimeConfig {
  readonly name: string;
  readonly options: nt.InitOptions;
}

/** Native and TypeScript kernels on one node with 2 workers, and native on a 3-node simulated cluster. */
export const CONFIGS: readonly RuntimeConfig[] = [
  { name: "native kernels", options: { kernels: "native", workersPerNode: 2 } },
  { name: "ts kernels", options: { kernels: "ts", workersPerNode: 2 } },
  { name: "3 nodes", options: { kernels: "native", nodes: 3, workersPerNode: 1 } },
];

/** Runs `body` once per runtime configuration, each inside a describe with a fresh runtime. */
export function describeRuntimes(name: string, body: (config: RuntimeConfig) => void, configs = CONFIGS): void {
  for (const config of configs) {
    describe(`${name} [${config.name}]`, () => {
      before(async () => {
        if (config.options.kernels === "native" && nativeAvailable() !== true) {
          throw new Error(`native kernels requested but unavailable: ${String(nativeAvailable())}`);
        }
        await nt.init(config.options);
      });
      after(() => nt.shutdown());
      body(config);
    });
  }
}

export interface Layout {
  readonly name: string;
  readonly blockShape: number[];
}

/** One block, even blocks (halves where possible), and ragged blocks (~40% of each axis). */
export function layoutsFor(shape: readonly number[]): Layout[] {
  return [
    { name: "one block", blockShape: shape.map((n) => Math.max(1, n)) },
    { name: "even blocks", blockShape: shape.map((n) => (n >= 2 && n % 2 === 0 ? n / 2 : Math.max(1, n))) },
    { name: "ragged blocks", blockShape: shape.map((n) => Math.max(1, Math.ceil(n * 0.4))) },
  ];
}
