// SPDX-License-Identifier: Apache-2.0
/**
 * Every manipulation function against NumPy, for every runtime configuration and input layout
 * (one block, even blocks, ragged blocks), with multi-input cases mixing layouts so operands have
 * different block shapes.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import * as nt from "../../src/index.js";
import { assertArray } from "../helpers/assert.js";
import { type EncodedArray, decodeArray, readFixture } from "../helpers/fixtures.js";
import { describeRuntimes, layoutsFor } from "../helpers/runtime.js";
import { type InputSpec, callByName, makeInput } from "./helpers.js";

interface Case {
  readonly name: string;
  readonly fn: string;
  readonly inputs: InputSpec[];
  readonly list: boolean;
  readonly args: unknown[];
  readonly options: Record<string, unknown> | null;
  readonly expected: EncodedArray | EncodedArray[];
}

const { cases } = readFixture<{ cases: Case[] }>("manip/cases.json");

async function check(c: Case, layout: number): Promise<void> {
  const inputs = c.inputs.map((s, i) => makeInput(s, (layout + i) % 3));
  const results: nt.BlockArray[] = [];
  try {
    const first = c.list ? inputs : inputs[0];
    const out = callByName(c.fn, [first, ...c.args, ...(c.options ? [c.options] : [])]);
    results.push(...(Array.isArray(out) ? out : [out]));
    const expected = Array.isArray(c.expected) ? c.expected : [c.expected];
    assert.equal(results.length, expected.length, "number of results");
    for (let i = 0; i < expected.length; i++) {
      assertArray(await results[i]!.toArray(), decodeArray(expected[i]!), {}, `result ${i}`);
    }
  } finally {
    for (const r of results) r.dispose();
    for (const x of inputs) x.dispose();
  }
}

describeRuntimes("manipulation vs NumPy", () => {
  for (const c of cases) {
    const names = layoutsFor(c.inputs[0]!.shape).map((l) => l.name);
    names.forEach((layout, i) => {
      test(`${c.name} [${layout}${c.inputs.length > 1 ? ", operands mixed" : ""}]`, () => check(c, i));
    });
  }
});
