// SPDX-License-Identifier: Apache-2.0
/**
 * Reading committed fixtures from compiled tests. Arrays are encoded by scripts/gen/fixtures_lib.py
 * as {dtype, shape, data: base64 little-endian C-order bytes} so every float bit pattern survives.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Dtype, isDtype, storageOf } from "../../src/array/dtype.js";
import { NDArray } from "../../src/array/ndarray.js";

const here = dirname(fileURLToPath(import.meta.url));

/** Absolute path of test/fixtures/<name>, found by walking up from this file. */
export function fixturePath(name: string): string {
  let dir = here;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "test", "fixtures", name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`fixture ${name} not found above ${here}`);
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(fixturePath(name), "utf8")) as T;
}

export interface EncodedArray {
  dtype: string;
  shape: number[];
  data: string;
}

/** Decodes an encoded array. NumPy's int64/uint64 (which numts lacks) decode to float64. */
export function decodeArray(e: EncodedArray): NDArray {
  const bytes = Buffer.from(e.data, "base64");
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  if (e.dtype === "int64" || e.dtype === "uint64") {
    const big = e.dtype === "int64" ? new BigInt64Array(buf) : new BigUint64Array(buf);
    return new NDArray(Float64Array.from(big, (v) => Number(v)), e.shape, "float64");
  }
  if (!isDtype(e.dtype)) throw new Error(`fixture dtype ${e.dtype} is not a numts dtype`);
  const dtype: Dtype = e.dtype;
  const ctor = storageOf(dtype) as unknown as new (b: ArrayBuffer) => NDArray["data"];
  return new NDArray(new ctor(buf), e.shape, dtype);
}
