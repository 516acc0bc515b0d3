// SPDX-License-Identifier: Apache-2.0
/** The hand-written logarithm shared by the TypeScript and native random transforms. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { logPositive } from "../../src/kernels/ts/random/log.js";

/** The spacing of doubles at |y|. */
function ulp(y: number): number {
  const b = new Float64Array([Math.abs(y)]);
  const w = new BigUint64Array(b.buffer);
  w[0]! += 1n;
  return b[0]! - Math.abs(y);
}

test("logPositive is within one ulp of Math.log on the normal doubles in (0, 1]", () => {
  // A fixed pseudo-random walk over mantissas and exponents, plus the points near 1 and near √2/2.
  let state = 12345;
  const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 4294967296;
  const xs: number[] = [1, 0.5, 2 ** -54, 2 ** -1022, 1e-300, Math.SQRT1_2, Math.SQRT1_2 * (1 + 2 ** -52), 1 - 2 ** -53];
  for (let i = 0; i < 200_000; i++) xs.push((0.5 + next() / 2) * 2 ** -Math.floor(next() * 1022));
  for (let i = 1; i < 20_000; i++) xs.push(1 - i * 2 ** -53, 1 - i * 2 ** -30);
  let differ = 0;
  for (const x of xs) {
    const got = logPositive(x);
    const want = Math.log(x);
    if (got !== want) differ++;
    assert.ok(Math.abs(got - want) <= ulp(want), `log(${x}): ${got} vs ${want}`);
  }
  assert.equal(logPositive(1), 0);
  assert.ok(differ < xs.length / 20, `differs from Math.log in ${differ} of ${xs.length}`);
});
