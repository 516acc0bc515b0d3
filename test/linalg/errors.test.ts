// SPDX-License-Identifier: Apache-2.0
/** Argument errors: thrown synchronously, before anything is scheduled, with NumPy's words. */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { fixture } from "./helpers.js";

const fx = fixture<Record<string, { error: string; message: string } | null>>("errors.json");

/** NumPy's class → numts's (ValueError is a RangeError; shape mismatches are ShapeErrors). */
const CLASS: Record<string, (e: unknown) => boolean> = {
  LinAlgError: (e) => e instanceof nt.LinAlgError,
  ValueError: (e) => e instanceof RangeError,
  TypeError: (e) => e instanceof TypeError,
};

function calls(): Record<string, () => unknown> {
  // Every input exists before the calls, so a call that schedules anything is caught.
  const v = nt.ones([3]);
  const rect = nt.ones([2, 3]);
  const sq = nt.eye(3);
  const [v2, m22, c3] = [nt.ones([2]), nt.ones([2, 2]), nt.ones([2, 2, 2])];
  const c333 = nt.ones([3, 3, 3]);
  return {
    "qr/1d": () => nt.linalg.qr(v),
    "qr/mode": () => nt.linalg.qr(sq, { mode: "foo" as "r" }),
    "svd/1d": () => nt.linalg.svd(v),
    "cholesky/1d": () => nt.linalg.cholesky(v),
    "cholesky/rect": () => nt.linalg.cholesky(rect),
    "inv/rect": () => nt.linalg.inv(rect),
    "inv/1d": () => nt.linalg.inv(v),
    "det/rect": () => nt.linalg.det(rect),
    "slogdet/rect": () => nt.linalg.slogdet(rect),
    "solve/rect": () => nt.linalg.solve(rect, v2),
    "solve/vector": () => nt.linalg.solve(sq, v2),
    "solve/matrix": () => nt.linalg.solve(sq, m22),
    "eigh/rect": () => nt.linalg.eigh(rect),
    "eigh/uplo": () => nt.linalg.eigh(sq, { UPLO: "X" as "L" }),
    "lstsq/3d": () => nt.linalg.lstsq(c3, v2),
    "lstsq/rows": () => nt.linalg.lstsq(rect, v),
    "pinv/1d": () => nt.linalg.pinv(v),
    "pinv/both": () => nt.linalg.pinv(sq, { rcond: 1e-3, rtol: 1e-3 }),
    "cond/1d": () => nt.linalg.cond(v),
    "cond/rect1": () => nt.linalg.cond(rect, 1),
    "norm/matrixOrd": () => nt.linalg.norm(sq, 3),
    "norm/vectorFro": () => nt.linalg.norm(v, "fro"),
    "norm/dup": () => nt.linalg.norm(sq, { axis: [0, 0] }),
    "norm/3axes": () => nt.linalg.norm(c3, 2),
    "power/rect": () => nt.linalg.matrixPower(rect, 2),
    "power/float": () => nt.linalg.matrixPower(sq, 1.5),
    "multiDot/one": () => nt.linalg.multiDot([sq]),
    "multiDot/shapes": () => nt.linalg.multiDot([sq, rect, sq]),
    "multiDot/3d": () => nt.linalg.multiDot([sq, c333, sq]),
    "solveTriangular/rect": () => nt.linalg.solveTriangular(rect, v2),
    "solveTriangular/b": () => nt.linalg.solveTriangular(sq, v2),
  };
}

describeRuntimes("linalg argument errors", () => {
  test("NumPy's class and message, thrown before any work is scheduled", async () => {
    const run = calls();
    for (const [name, expected] of Object.entries(fx)) {
      assert.ok(expected, `NumPy raised nothing for ${name}`);
      const before = nt.progress().submitted;
      assert.throws(run[name]!, (e: Error) => CLASS[expected.error]!(e) && e.message === expected.message, `${name}: expected ${expected.error}("${expected.message}")`);
      assert.equal(nt.progress().submitted, before, `${name}: nothing scheduled`);
    }
  });

  test("cond of an empty matrix (NumPy's LinAlgError)", () => {
    assert.throws(() => nt.linalg.cond(nt.zeros([0, 0])), { name: "LinAlgError", message: "cond is not defined on empty arrays" });
  });

  test("eigh and the SVD core have documented size limits", () => {
    assert.throws(() => nt.linalg.eigvalsh(nt.zeros([20000, 20000], { blockShape: [10000, 10000] })), /exceeds 16384: the eigenproblem is solved on one node/);
  });
});
