// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import { normalQuantileLower, standardNormal } from "../../src/kernels/ts/random/normal.js";
import { reference } from "./fixtures.js";

test("AS241 matches SciPy's ndtri to 1e-15 relative, from 1e-300 to 1/2", () => {
  let worst = 0;
  for (const [p, z] of reference.ndtri) {
    const err = z === 0 ? Math.abs(normalQuantileLower(p)) : Math.abs(normalQuantileLower(p) - z) / Math.abs(z);
    worst = Math.max(worst, err);
    assert.ok(err < 1e-15, `ndtri(${p}) = ${z}, AS241 gives ${normalQuantileLower(p)}`);
  }
  assert.ok(worst > 0, "compared something");
});

test("standardNormal is exactly antisymmetric on the uniform grid and never infinite", () => {
  const cell = 2 ** -53;
  for (const k of [0, 1, 2, 1000, 2 ** 40, 2 ** 51, 2 ** 52 - 1]) {
    const u = k * cell;
    const mirror = 1 - cell - u; // grid point 2^53 - 1 - k
    assert.equal(standardNormal(mirror), -standardNormal(u), `k = ${k}`);
  }
  assert.ok(Math.abs(standardNormal(0) + 8.2924) < 1e-4);
  assert.ok(Number.isFinite(standardNormal(1 - cell)));
  assert.ok(standardNormal(0.5 - cell) < 0 && standardNormal(0.5) > 0, "no zero and no sign flip at the centre");
});

test("standardNormal is increasing in u across the branch boundaries", () => {
  // Uniforms on the 2^-53 grid, as samplers produce them.
  const grid = [0, 2 ** -53, 1e-12, 0.0001, 0.01, 0.0749, 0.075, 0.0751, 0.3, 0.5, 0.7, 0.9249, 0.925, 0.9251, 0.999999, 1];
  const us = grid.map((u) => Math.min(Math.floor(u * 2 ** 53), 2 ** 53 - 1) * 2 ** -53);
  for (let i = 1; i < us.length; i++) assert.ok(standardNormal(us[i]!) > standardNormal(us[i - 1]!), `at u = ${us[i]}`);
  // Around the far-tail switch, r = sqrt(-log p) = 5, p = exp(-25).
  const p5 = Math.exp(-25);
  assert.ok(standardNormal(p5 * (1 - 1e-12)) < standardNormal(p5 * (1 + 1e-12)));
});
