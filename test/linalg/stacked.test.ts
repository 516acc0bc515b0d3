// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { decode, distributed, fixture } from "./helpers.js";

type Key = "a" | "spd" | "b" | "v" | "tall" | "solve" | "solveVector" | "inv" | "det" | "sign" | "logdet" | "chol" | "eigvalsh" | "svdvals" | "qrR" | "rank" | "pinv" | "cond" | "cond1" | "power3" | "normFro";
const fx = fixture<Record<Key, EncodedArray>>("stacked.json");
const close = { rtol: 1e-9, atol: 1e-10 };

describeRuntimes("linalg on stacks of matrices (…, m, n)", () => {
  test("every stacked function matches NumPy per matrix", async () => {
    const a = distributed(fx.a, [1, 2, 3, 2]);
    const spd = distributed(fx.spd, [2, 1, 5, 5]);
    const tall = distributed(fx.tall, [2, 4, 4]);
    const check = async (x: nt.BlockArray, key: Key, tol = close) => assertArray(await x.toArray(), decode(fx[key]), tol, key);
    await check(nt.linalg.solve(a, distributed(fx.b)), "solve");
    await check(nt.linalg.solve(a, distributed(fx.v)), "solveVector");
    await check(nt.linalg.inv(a), "inv");
    await check(nt.linalg.det(a), "det");
    const [sign, logdet] = nt.linalg.slogdet(a);
    await check(sign, "sign");
    await check(logdet, "logdet");
    await check(nt.linalg.cholesky(spd), "chol");
    await check(nt.linalg.eigvalsh(spd), "eigvalsh");
    await check(nt.linalg.svdvals(tall), "svdvals");
    await check(nt.absolute(nt.linalg.qr(tall, { mode: "r" })), "qrR");
    const rank = nt.linalg.matrixRank(tall);
    assert.equal(rank.dtype, "int32");
    assertArray(await rank.toArray(), decode(fx.rank), { dtype: false }, "rank");
    await check(nt.linalg.pinv(tall), "pinv");
    await check(nt.linalg.cond(a), "cond", { rtol: 1e-7, atol: 0 });
    await check(nt.linalg.cond(a, 1), "cond1", { rtol: 1e-7, atol: 0 });
    await check(nt.linalg.matrixPower(a, 3), "power3");
    await check(nt.linalg.norm(tall, { axis: [1, 2] }), "normFro");
    const [q, r] = nt.linalg.qr(tall);
    assert.deepEqual([q.shape, r.shape], [[3, 7, 4], [3, 4, 4]]);
  });

  test("empty stacks give NumPy's shapes", async () => {
    const none = nt.zeros([0, 3, 3]);
    assert.deepEqual(nt.linalg.inv(none).shape, [0, 3, 3]);
    assert.deepEqual(nt.linalg.det(none).shape, [0]);
    const [u, s, vh] = nt.linalg.svd(nt.zeros([2, 0, 4, 3]));
    assert.deepEqual([u.shape, s.shape, vh.shape], [[2, 0, 4, 4], [2, 0, 3], [2, 0, 3, 3]]);
  });
});
