// SPDX-License-Identifier: Apache-2.0
/**
 * Distributed boolean masks split along several axes, with empty blocks: the selection, nonzero,
 * argwhere and one-value-per-true-element writes must interleave blocks into NumPy's C order.
 * Checked against the local reference (getLocal / setLocal).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { getLocal, resolveIndex, setLocal } from "../../src/array/index/index.js";
import { NDArray } from "../../src/array/ndarray.js";
import * as nt from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import { describeRuntimes } from "../helpers/runtime.js";

const SHAPE = [6, 5, 7];
const SIZE = SHAPE.reduce((a, b) => a * b, 1);

/** A mask with whole empty regions (so some blocks have no true element) and scattered trues. */
function maskValues(): Uint8Array {
  return Uint8Array.from({ length: SIZE }, (_, i) => (i < 70 ? 0 : (i * 2654435761) % 7 < 3 ? 1 : 0));
}

describeRuntimes("masks split along every axis", () => {
  const local = new NDArray(Float64Array.from({ length: SIZE }, (_, i) => i - 100), SHAPE);
  const mask = new NDArray(maskValues(), SHAPE, "bool");
  const count = Array.from(mask.data).reduce((a, b) => a + b, 0);

  for (const [xBlocks, mBlocks] of [
    [[4, 2, 3], [4, 2, 3]],
    [[4, 2, 3], [3, 5, 2]],
    [[6, 5, 7], [2, 2, 2]],
  ] as const) {
    const label = `x in ${JSON.stringify(xBlocks)}, mask in ${JSON.stringify(mBlocks)}`;

    test(`x.get(mask), nonzero, argwhere (${label})`, async () => {
      using x = nt.array(local, { blockShape: [...xBlocks] });
      using m = nt.array(mask, { blockShape: [...mBlocks] });
      using got = x.get(m);
      assertArray(await got.toArray(), getLocal(local, resolveIndex([mask], SHAPE)));
      const coords = nt.nonzero(m);
      const expected = resolveIndex<never>([mask], SHAPE).advanced!.entries;
      for (let d = 0; d < 3; d++) {
        const e = expected[d]!;
        assert.equal(e.kind, "array");
        assert.deepEqual(Array.from((await coords[d]!.toArray()).data), Array.from(e.kind === "array" ? e.values : []));
        coords[d]!.dispose();
      }
      using w = nt.argwhere(m);
      assert.deepEqual((await w.toArray()).shape, [count, 3]);
    });

    test(`x.set(mask, one value per true element) (${label})`, async () => {
      using x = nt.array(local, { blockShape: [...xBlocks] });
      using m = nt.array(mask, { blockShape: [...mBlocks] });
      const values = new NDArray(Float64Array.from({ length: count }, (_, i) => 1000 + i), [count]);
      x.set(m, values);
      const want = new NDArray(local.data.slice(), SHAPE);
      setLocal(want, resolveIndex([mask], SHAPE), values);
      assertArray(await x.toArray(), want);
    });

    test(`x.set(mask over the leading axes, rows) (${label})`, async () => {
      using x = nt.array(local, { blockShape: [...xBlocks] });
      const lead = new NDArray(mask.data.slice(0, 30), [6, 5], "bool");
      using m = nt.array(lead, { blockShape: [...mBlocks].slice(0, 2) });
      const rows = Array.from(lead.data).reduce((a, b) => a + b, 0);
      const values = new NDArray(Float64Array.from({ length: rows * 7 }, (_, i) => -i), [rows, 7]);
      x.set(m, values);
      const want = new NDArray(local.data.slice(), SHAPE);
      setLocal(want, resolveIndex([lead], SHAPE), values);
      assertArray(await x.toArray(), want);
      using picked = x.get([m, nt.slice(null, null, -2)]);
      assertArray(await picked.toArray(), getLocal(want, resolveIndex([lead, nt.slice(null, null, -2)], SHAPE)));
    });
  }
});
