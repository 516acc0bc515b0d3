// SPDX-License-Identifier: Apache-2.0
/**
 * Failures found in the middle of a distributed factorization (a zero pivot or a non-positive
 * diagonal in a late tile column, with many tile ops queued behind it): the result rejects with
 * NumPy's LinAlgError instead of hanging, the runtime stays usable and nothing is left held.
 * special.test.ts covers the same errors on 3×3 inputs against NumPy's fixture.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { describeRuntimes } from "../helpers/runtime.js";

const N = 48;
const TILE = 8;
const blockShape = [TILE, TILE];
const sumMemory = () => nt.stats().reduce((s, n) => s + n.memoryBytes, 0);
const settle = () => new Promise((r) => setTimeout(r, 50));

/** Memory back to `base`: freed blocks go once the ops still queued behind a failure have settled. */
async function assertMemoryBack(base: number): Promise<void> {
  for (let waited = 0; sumMemory() > base && waited < 5000; waited += 50) await settle();
  assert.ok(sumMemory() <= base, `${sumMemory()} bytes held after the failures, ${base} before`);
}

const isLinAlg = (message: string) => (e: Error) => e instanceof nt.LinAlgError && e.message === message;

/** Deterministic entries in [−0.5, 0.5) (a multiplicative hash of the index). */
const noise = (i: number, j: number) => (Math.imul(i * N + j + 1, 0x9e3779b9) >>> 0) / 2 ** 32 - 0.5;

/** N×N symmetric and diagonally dominant except A[k][k] = −1: Cholesky fails at tile column ⌊k/TILE⌋. */
function notPositiveDefinite(k: number): nt.BlockArray {
  const rows = Array.from({ length: N }, (_, i) =>
    Array.from({ length: N }, (_, j) => (i === j ? (i === k ? -1 : 2 * N) : noise(Math.min(i, j), Math.max(i, j)))),
  );
  return nt.array(rows, { blockShape });
}

/** A general N×N matrix with column k exactly zero: elimination meets an exact zero pivot at step k. */
function singular(k: number): nt.BlockArray {
  const rows = Array.from({ length: N }, (_, i) => Array.from({ length: N }, (_, j) => (j === k ? 0 : noise(i, j) + (i === j ? 1 : 0))));
  return nt.array(rows, { blockShape });
}

describeRuntimes("linalg failures in a late tile column", () => {
  test("cholesky, cholesky upper and solve pos reject with 'Matrix is not positive definite'", async () => {
    await settle();
    const base = sumMemory();
    const a = notPositiveDefinite(N - 5);
    const b = nt.ones([N], { blockShape: [TILE] });
    const notPd = isLinAlg("Matrix is not positive definite");
    const failed = [nt.linalg.cholesky(a), nt.linalg.cholesky(a, { upper: true }), nt.linalg.solve(a, b, { assumeA: "pos" })];
    for (const [i, r] of failed.entries()) await assert.rejects(r.toArray(), notPd, ["cholesky", "cholesky upper", "solve pos"][i]);
    // The general solver does not need positive definiteness.
    const x = nt.linalg.solve(a, b);
    const magnitudes = nt.absolute(x);
    const size = nt.sum(magnitudes);
    assert.ok(Number(await size.item()) > 0);
    for (const t of [...failed, magnitudes, size]) t.dispose();
    for (const t of [a, b, x]) t.dispose();
    await assertMemoryBack(base);
  });

  test("solve and inv reject with 'Singular matrix'; det and slogdet are NumPy's 0 and (0, −inf)", async () => {
    await settle();
    const base = sumMemory();
    const a = singular(N - 11);
    const b = nt.ones([N, 2], { blockShape: [TILE, 2] });
    const isSingular = isLinAlg("Singular matrix");
    const failed = [nt.linalg.solve(a, b), nt.linalg.inv(a), nt.linalg.matrixPower(a, -2)];
    for (const [i, r] of failed.entries()) await assert.rejects(r.toArray(), isSingular, ["solve", "inv", "matrixPower(−2)"][i]);
    // On several nodes the zero pivot comes from a tournament: L's column below it is zero, as getrf's.
    const d = nt.linalg.det(a);
    const [sign, logabsdet] = nt.linalg.slogdet(a);
    assert.equal(Number(await d.item()), 0);
    assert.equal(Number(await sign!.item()), 0);
    assert.equal(Number(await logabsdet!.item()), Number.NEGATIVE_INFINITY);
    for (const t of [...failed, d, sign!, logabsdet!]) t.dispose();
    for (const t of [a, b]) t.dispose();
    await assertMemoryBack(base);
  });

  test("an unknown assumeA is an argument error, thrown before anything is scheduled", () => {
    const [a, b] = [nt.eye(4), nt.ones([4])];
    const before = nt.progress().submitted;
    assert.throws(() => nt.linalg.solve(a, b, { assumeA: "sym" as "pos" }), (e: Error) => e instanceof RangeError && /assumeA must be "gen" or "pos"/.test(e.message));
    assert.equal(nt.progress().submitted, before);
    for (const t of [a, b]) t.dispose();
  });
});
