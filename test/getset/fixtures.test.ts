// SPDX-License-Identifier: Apache-2.0
/**
 * Distributed `x.get(index)` and `x.set(index, value)` against NumPy: every case of the index
 * resolver's fixtures (scripts/gen/index_fixtures.py) under every runtime, with x in three layouts
 * (one block, even blocks, ragged blocks) and the index given three ways (its string; lists as
 * NDArrays; lists as BlockArrays laid out differently from x, so masks and integer arrays are
 * distributed and their values unknown to the planner; BlockArrays and NDArrays alternating).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { readFixture } from "../helpers/fixtures.js";
import { describeRuntimes } from "../helpers/runtime.js";
import { type GetCase, type SetCase } from "../helpers/index-cases.js";
import { type IndexForm, arange, distribute, expectNumpyError, inBatches, indexIn } from "./helpers.js";


const GET = readFixture<GetCase[]>("index-get.json");
const SET = readFixture<SetCase[]>("index-set.json");
const FORMS: readonly IndexForm[] = ["string", "ndarray", "blockarray", "mixed"];
const LAYOUTS = ["one block", "even blocks", "ragged blocks"];

/** `fn()`, with `label` on any error it throws. */
async function labelled<T>(label: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw new Error(`${label}: ${(e as Error).stack ?? String(e)}`, { cause: e });
  }
}

async function checkGet(c: GetCase, form: IndexForm, layout: number): Promise<boolean> {
  const ix = indexIn(c.index, form, layout);
  if (ix === null) return false;
  const label = `x${JSON.stringify(c.shape)}[${c.index}] (${form}, ${LAYOUTS[layout]})`;
  const x = distribute(arange(c.shape), layout);
  try {
    if (c.error) {
      await expectNumpyError(() => x.get(ix.index).toArray(), c.error, label);
    } else {
      const got = await labelled(label, () => x.get(ix.index).toArray());
      assert.deepEqual([...got.shape], c.result!.shape, `${label} shape`);
      assert.deepEqual(Array.from(got.data), c.result!.values, label);
    }
  } finally {
    x.dispose();
    for (const b of ix.made) b.dispose();
  }
  return true;
}

async function checkSet(c: SetCase, form: IndexForm, layout: number): Promise<boolean> {
  const ix = indexIn(c.index, form, layout);
  if (ix === null) return false;
  const label = `x${JSON.stringify(c.shape)}[${c.index}] = value of shape ${JSON.stringify(c.valueShape)} (${form}, ${LAYOUTS[layout]})`;
  const x = distribute(arange(c.shape), layout);
  // The value as an NDArray, or distributed in another layout when the index is.
  const local = arange(c.valueShape, -1, 1);
  const value = form === "blockarray" ? distribute(local, (layout + 1) % 3) : local;
  try {
    if (c.error) {
      await expectNumpyError(() => x.set(ix.index, value).toArray(), c.error, label);
    } else {
      const got = await labelled(label, () => x.set(ix.index, value).toArray());
      assert.deepEqual(Array.from(got.data), c.result!.values, label);
    }
  } finally {
    x.dispose();
    if (value instanceof nt.BlockArray) value.dispose();
    for (const b of ix.made) b.dispose();
  }
  return true;
}

describeRuntimes("x.get(index) matches NumPy", () => {
  for (const form of FORMS) {
    LAYOUTS.forEach((name, layout) => {
      test(`${GET.length} fixture cases, index as ${form}, x in ${name}`, async () => {
        let ran = 0;
        await inBatches(GET, 8, async (c) => void ((await checkGet(c, form, layout)) && ran++));
        assert.ok(ran > (form === "mixed" ? 50 : GET.length * 0.9), `only ${ran} cases ran`);
      });
    });
  }
});

describeRuntimes("x.set(index, value) matches NumPy", () => {
  for (const form of FORMS) {
    LAYOUTS.forEach((name, layout) => {
      test(`${SET.length} fixture cases, index as ${form}, x in ${name}`, async () => {
        let ran = 0;
        await inBatches(SET, 8, async (c) => void ((await checkSet(c, form, layout)) && ran++));
        assert.ok(ran > (form === "mixed" ? 100 : SET.length * 0.9), `only ${ran} cases ran`);
      });
    });
  }
});
