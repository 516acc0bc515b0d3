// SPDX-License-Identifier: Apache-2.0
/** Array assertions: dtype and shape exactly, values exactly or within tolerances (NaN == NaN). */
import assert from "node:assert/strict";
import type { NDArray } from "../../src/array/ndarray.js";

export interface Tolerance {
  rtol?: number;
  atol?: number;
  /** Check the dtype (default true). */
  dtype?: boolean;
}

function same(a: number, b: number): boolean {
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b)) || a === b;
}

/** Asserts `actual` equals `expected` in dtype, shape and values (exactly unless tolerances given). */
export function assertArray(actual: NDArray, expected: NDArray, tol: Tolerance = {}, message = ""): void {
  if (tol.dtype !== false) assert.equal(actual.dtype, expected.dtype, `${message} dtype`);
  assert.deepEqual([...actual.shape], [...expected.shape], `${message} shape`);
  const rtol = tol.rtol ?? 0;
  const atol = tol.atol ?? 0;
  for (let i = 0; i < expected.size; i++) {
    const a = Number(actual.data[i]);
    const e = Number(expected.data[i]);
    if (same(a, e)) continue;
    if (rtol === 0 && atol === 0) assert.fail(`${message} element ${i}: got ${a}, expected ${e}`);
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      assert.fail(`${message} element ${i}: got ${a}, expected ${e} (rtol ${rtol}, atol ${atol})`);
    }
  }
}

/** Asserts two numbers agree within a relative tolerance. */
export function assertClose(actual: number, expected: number, rtol = 1e-12, message = ""): void {
  if (same(actual, expected)) return;
  assert.ok(Math.abs(actual - expected) <= rtol * Math.max(Math.abs(expected), 1e-300), `${message} got ${actual}, expected ${expected} (rtol ${rtol})`);
}
