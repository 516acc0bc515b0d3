// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import fc from "fast-check";
import { IndexError } from "../../src/errors.js";
import { Slice, normalizeSlice, slice } from "../../src/array/index/slice.js";

type Bound = number | null;
/** [length, start, stop, step, start', stop', step', count] from CPython's slice.indices. */
type Row = [number, Bound, Bound, Bound, number, number, number, number];
const ROWS = JSON.parse(readFileSync(new URL("../../../test/fixtures/index-slices.json", import.meta.url), "utf8")) as Row[];

/**
 * The selected positions as the Python language reference defines `s[i:j:k]`, written as a walk
 * rather than with CPython's arithmetic: bounds count from the end when negative, clamp to the
 * sequence, and omitted ones mean "from the end the step walks away from".
 */
function modelPositions(length: number, start: Bound, stop: Bound, step: Bound): number[] {
  const k = step ?? 1;
  const clampBound = (b: number, lo: number, hi: number): number => Math.min(Math.max(b < 0 ? b + length : b, lo), hi);
  const out: number[] = [];
  if (k > 0) {
    const i = start === null ? 0 : clampBound(start, 0, length);
    const j = stop === null ? length : clampBound(stop, 0, length);
    for (let x = i; x < j; x += k) out.push(x);
  } else {
    const i = start === null ? length - 1 : clampBound(start, -1, length - 1);
    const j = stop === null ? -1 : clampBound(stop, -1, length - 1);
    for (let x = i; x > j; x += k) out.push(x);
  }
  return out;
}

const positions = (n: { start: number; step: number; length: number }): number[] =>
  Array.from({ length: n.length }, (_, i) => n.start + i * n.step);

describe("normalizeSlice", () => {
  it(`matches CPython's slice.indices on ${ROWS.length} fixture rows`, () => {
    for (const [length, start, stop, step, s, e, k, count] of ROWS) {
      assert.deepEqual(normalizeSlice(slice(start, stop, step), length), { start: s, stop: e, step: k, length: count }, `slice(${start}, ${stop}, ${step}).indices(${length})`);
    }
  });

  it("selects the positions the language reference defines, for any bounds", () => {
    const bound = fc.option(fc.integer({ min: -40, max: 40 }), { nil: null });
    const step = fc.option(fc.integer({ min: -9, max: 9 }).filter((k) => k !== 0), { nil: null });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 30 }), bound, bound, step, (length, start, stop, k) => {
        const n = normalizeSlice(slice(start, stop, k), length);
        assert.deepEqual(positions(n), modelPositions(length, start, stop, k));
      }),
      { numRuns: 2000 },
    );
  });

  it("clamps bounds far out of range (Python's integers are unbounded)", () => {
    assert.deepEqual(normalizeSlice(slice(-1e300, 1e300, 1e20), 5), { start: 0, stop: 5, step: 1e20, length: 1 });
    assert.deepEqual(normalizeSlice(slice(1e300, -1e300, -1), 5), { start: 4, stop: -1, step: -1, length: 5 });
  });

  it('raises "slice step cannot be zero" as an IndexError', () => {
    assert.throws(() => normalizeSlice(slice(null, null, 0), 3), (e: unknown) => e instanceof IndexError && /^slice step cannot be zero$/.test(e.message));
  });
});

describe("slice()", () => {
  it("has Python's call forms: slice(stop) and slice(start, stop, step?)", () => {
    assert.deepEqual({ ...slice(3) }, { start: null, stop: 3, step: null });
    assert.deepEqual({ ...slice(1, 5) }, { start: 1, stop: 5, step: null });
    assert.deepEqual({ ...slice(null, null, -1) }, { start: null, stop: null, step: -1 });
    assert.deepEqual({ ...slice(1, undefined) }, { start: 1, stop: null, step: null });
    assert.deepEqual({ ...slice(undefined) }, { start: null, stop: null, step: null });
  });

  it("prints as Python's slice notation", () => {
    assert.equal(String(slice(1, 5)), "1:5");
    assert.equal(String(slice(null, null, -1)), "::-1");
    assert.equal(String(slice(null)), ":");
    assert.equal(String(slice(-2, null, 3)), "-2::3");
    assert.equal(String(slice(1e21, null)), "1000000000000000000000:");
  });

  it("is an immutable value", () => {
    const s = slice(1, 2);
    assert.ok(s instanceof Slice);
    assert.ok(Object.isFrozen(s));
    assert.ok(Object.is(slice(-0, 1).start, 0));
  });

  it("rejects bounds that are not integers with Python's TypeError", () => {
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, "1", true, {}] as unknown as number[]) {
      assert.throws(() => slice(bad, 2), (e: unknown) => e instanceof TypeError && /^slice indices must be integers or None or have an __index__ method/.test(e.message));
    }
  });
});
