// SPDX-License-Identifier: Apache-2.0
/**
 * Singular, not positive definite, non-finite and empty inputs: NumPy's values or its errors, under
 * several layouts. NumPy's behaviour for each case is recorded in the fixture (special.json).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import type { EncodedArray } from "../helpers/fixtures.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { decode, distributed, fixture } from "./helpers.js";

type Outcome = { ok: true; value: EncodedArray | EncodedArray[] } | { ok: false; error: string; message: string };
const fx = fixture<{ singular: EncodedArray; notpd: EncodedArray; nan: EncodedArray; inf: EncodedArray; cases: Record<string, Outcome> }>("special.json");

/** numts's call for each case, on inputs in `blocks`. */
function calls(blocks: number): Record<string, () => nt.BlockArray | readonly nt.BlockArray[]> {
  const m = (e: EncodedArray) => distributed(e, decode(e).shape.map(() => blocks));
  const [singular, notpd, nan, inf] = [m(fx.singular), m(fx.notpd), m(fx.nan), m(fx.inf)];
  const z = (shape: number[]) => nt.zeros(shape);
  return {
    "solve/singular": () => nt.linalg.solve(singular, nt.ones([3])),
    "inv/singular": () => nt.linalg.inv(singular),
    "det/singular": () => nt.linalg.det(singular),
    "slogdet/singular": () => nt.linalg.slogdet(singular),
    "cond/singular": () => nt.linalg.cond(singular),
    "cond1/singular": () => nt.linalg.cond(singular, 1),
    "rank/singular": () => nt.linalg.matrixRank(singular),
    "cholesky/notpd": () => nt.linalg.cholesky(notpd),
    "svd/nan": () => nt.linalg.svd(nan, { computeUv: false }),
    "pinv/nan": () => nt.linalg.pinv(nan),
    "rank/nan": () => nt.linalg.matrixRank(nan),
    "lstsq/nan": () => nt.linalg.lstsq(nan, nt.ones([2]))[0],
    "solve/nan": () => nt.linalg.solve(nan, nt.ones([2])),
    "det/nan": () => nt.linalg.det(nan),
    "qr/nan": () => nt.linalg.qr(nan, { mode: "r" }),
    "cholesky/nan": () => nt.linalg.cholesky(nt.array([[4, Number.NaN], [Number.NaN, 4]])),
    "norm/inf": () => nt.linalg.norm(inf),
    "solve/inf": () => nt.linalg.solve(inf, nt.ones([2])),
    "inv/empty": () => nt.linalg.inv(z([0, 0])),
    "det/empty": () => nt.linalg.det(z([0, 0])),
    "slogdet/empty": () => nt.linalg.slogdet(z([0, 0])),
    "cholesky/empty": () => nt.linalg.cholesky(z([0, 0])),
    "solve/empty": () => nt.linalg.solve(z([0, 0]), z([0])),
    "qr/empty0x3": () => nt.linalg.qr(z([0, 3])),
    "qr/empty3x0complete": () => nt.linalg.qr(z([3, 0]), { mode: "complete" }),
    "svd/empty0x3": () => nt.linalg.svd(z([0, 3])),
    "svd/empty3x0reduced": () => nt.linalg.svd(z([3, 0]), { fullMatrices: false }),
    "pinv/empty": () => nt.linalg.pinv(z([0, 3])),
    "rank/empty": () => nt.linalg.matrixRank(z([0, 3])),
    "norm/empty": () => nt.linalg.norm(z([0, 3])),
    "lstsq/empty": () => nt.linalg.lstsq(z([0, 3]), z([0]))[0],
    "lstsq/emptyCols": () => nt.linalg.lstsq(z([3, 0]), nt.ones([3])).slice(0, 2),
    "eigvalsh/empty": () => nt.linalg.eigvalsh(z([0, 0])),
    "rank/vector": () => nt.linalg.matrixRank(nt.array([0, 2])),
    "rank/zeroVector": () => nt.linalg.matrixRank(z([3])),
    "power/singular": () => nt.linalg.matrixPower(singular, -1),
  };
}

/** Values NumPy computes from rounding noise: compared loosely (singular matrices). */
const LOOSE = new Set(["cond/singular"]);

describeRuntimes("linalg special inputs", () => {
  for (const blocks of [1, 2]) {
    test(`NumPy's values or errors (blocks of ${blocks})`, async () => {
      const run = calls(blocks);
      for (const [name, outcome] of Object.entries(fx.cases)) {
        if (name === "cond/empty") continue; // an argument error: errors.test.ts
        const call = run[name];
        assert.ok(call, `no numts call for ${name}`);
        const result = call();
        const arrays = Array.isArray(result) ? (result as nt.BlockArray[]) : [result as nt.BlockArray];
        if (!outcome.ok) {
          await assert.rejects(Promise.all(arrays.map((a) => a.toArray())), (e: Error) => e.name === outcome.error && e.message === outcome.message, name);
          continue;
        }
        const values = Array.isArray(outcome.value) ? outcome.value : [outcome.value];
        for (const [i, v] of values.entries()) {
          const got = await arrays[i]!.toArray();
          const want = decode(v);
          if (LOOSE.has(name)) assert.ok(Number(got.data[0]) > 1e15, `${name}: ${got.data[0]}`);
          else if (name.endsWith("/nan") || name.endsWith("/inf")) {
            // NaN and Inf propagate as in NumPy; which entries they reach depends on pivoting.
            assert.deepEqual(got.shape, want.shape, `${name}: shape`);
            const bad = (x: number) => !Number.isFinite(x);
            assert.equal([...got.data].some((x) => bad(Number(x))), [...want.data].some((x) => bad(Number(x))), `${name}: non-finite values`);
          } else assertArray(got, want, { rtol: 1e-12, atol: 1e-15, dtype: false }, `${name}[${i}]`);
        }
      }
    });
  }
});
