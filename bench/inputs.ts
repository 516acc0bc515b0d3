// SPDX-License-Identifier: Apache-2.0
/**
 * The benchmark inputs of bench/peer_bench.py, generated on the nodes: `hashed(shape, salt)` is a
 * lowbias32 hash of each element's flat index, uniform in [-0.5, 0.5); `normalish` scales it by
 * √12 (mean 0, variance 1). Every system computes on the same numbers, so `check` values agree.
 */
import type { BlockArray } from "../src/api/block-array.js";
import { defaultGrid, wrap } from "../src/api/convert.js";
import { generate } from "../src/plan/creation.js";

export function hashed(shape: readonly number[], salt: number, blockShape?: readonly number[], scale = 1): BlockArray {
  return wrap(generate(defaultGrid(shape, "float64", blockShape), "float64", { kind: "hashed", salt, scale }));
}

export function normalish(shape: readonly number[], salt: number, blockShape?: readonly number[]): BlockArray {
  return hashed(shape, salt, blockShape, Math.sqrt(12));
}
