// SPDX-License-Identifier: Apache-2.0
/** Comparing numts results with NumPy fixtures whose int64 results numts returns as int32. */
import assert from "node:assert/strict";
import type { NDArray } from "../../src/array/ndarray.js";
import type { BlockArray } from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import { type EncodedArray, decodeArray } from "../helpers/fixtures.js";

/** The numts dtype of a NumPy fixture: int64 results are int32 in numts. */
export function numtsDtype(e: EncodedArray): string {
  return e.dtype === "int64" ? "int32" : e.dtype;
}

/** Asserts `actual` (awaited) matches the NumPy fixture exactly, int64 read as int32. */
export async function expectArray(actual: BlockArray | NDArray, expected: EncodedArray, message = "", tol: { rtol?: number; atol?: number } = {}): Promise<void> {
  const got = "toArray" in actual ? await actual.toArray() : actual;
  assert.equal(got.dtype, numtsDtype(expected), `${message} dtype`);
  assertArray(got, decodeArray(expected), { ...tol, dtype: false }, message);
}

/** Like expectArray but also checks the sign of zeros (NumPy's stable order keeps them). */
export async function expectBits(actual: BlockArray, expected: EncodedArray, message = ""): Promise<void> {
  const got = await actual.toArray();
  const want = decodeArray(expected);
  await expectArray(got, expected, message);
  for (let i = 0; i < want.size; i++) {
    const a = Number(got.data[i]);
    const e = Number(want.data[i]);
    if (e === 0) assert.ok(Object.is(a, e), `${message} element ${i}: got ${a}, expected ${Object.is(e, -0) ? "-0" : "0"}`);
  }
}
