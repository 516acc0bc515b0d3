// SPDX-License-Identifier: Apache-2.0
/** Property tests: indexing against a simple model, get/set consistency, and robustness. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { IndexError } from "../../src/errors.js";
import { NDArray } from "../../src/array/ndarray.js";
import { stridesOf } from "../../src/array/shape.js";
import {
  ELLIPSIS,
  type IndexPart,
  Slice,
  formatIndex,
  getLocal,
  normalizeSlice,
  resolveIndex,
  setLocal,
  slice,
} from "../../src/array/index/index.js";

type BasicPart = number | Slice | null | typeof ELLIPSIS;

const arange = (shape: readonly number[]): NDArray =>
  new NDArray(Float64Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i), shape);

/** Shapes of 0 to 4 dimensions, empty axes included, at most a few hundred elements. */
const shapeArb = fc
  .array(fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 5 }) }, { weight: 1, arbitrary: fc.constant(0) }), { maxLength: 4 })
  .filter((s) => s.reduce((a, b) => a * b, 1) <= 400);

const boundArb = fc.option(fc.integer({ min: -8, max: 8 }), { nil: null, freq: 3 });
const basicPartArb: fc.Arbitrary<BasicPart> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -4, max: 4 }) },
  { weight: 1, arbitrary: fc.integer({ min: -9, max: 9 }) },
  { weight: 6, arbitrary: fc.tuple(boundArb, boundArb, fc.option(fc.integer({ min: -4, max: 4 }), { nil: null, freq: 2 })).map(([a, b, c]) => slice(a, b, c)) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constant(ELLIPSIS) },
);

/**
 * x[parts] for basic parts, by the book: expand the ellipsis, list each axis's positions (an
 * integer fixes one; a slice gives `start + i * step` from normalizeSlice), and read every
 * combination in order. Errors in NumPy's order.
 */
function modelGet(x: NDArray, parts: readonly BasicPart[]): { shape: number[]; values: number[] } | { error: string } {
  const ndim = x.shape.length;
  if (parts.filter((p) => p === ELLIPSIS).length > 1) return { error: "an index can only have a single ellipsis ('...')" };
  const consumed = parts.filter((p) => typeof p === "number" || p instanceof Slice).length;
  if (consumed > ndim) return { error: `too many indices for array: array is ${ndim}-dimensional, but ${consumed} were indexed` };
  const full = (): Slice[] => Array.from({ length: ndim - consumed }, () => slice(null));
  const expanded: BasicPart[] = parts.flatMap((p) => (p === ELLIPSIS ? full() : [p]));
  if (!parts.includes(ELLIPSIS)) expanded.push(...full());

  const fixed = new Array<number>(ndim).fill(0);
  const dims: ({ axis: number; positions: number[] } | "newaxis")[] = [];
  let axis = 0;
  for (const p of expanded) {
    if (p === null) {
      dims.push("newaxis");
      continue;
    }
    const n = x.shape[axis]!;
    if (typeof p === "number") {
      if (p < -n || p >= n) return { error: `index ${p} is out of bounds for axis ${axis} with size ${n}` };
      fixed[axis] = p < 0 ? p + n : p;
    } else if (p instanceof Slice) {
      if (p.step === 0) return { error: "slice step cannot be zero" };
      const s = normalizeSlice(p, n);
      dims.push({ axis, positions: Array.from({ length: s.length }, (_, i) => s.start + i * s.step) });
    }
    axis++;
  }
  const strides = stridesOf(x.shape);
  const values: number[] = [];
  const coords = [...fixed];
  const visit = (k: number): void => {
    if (k === dims.length) {
      values.push(x.data[coords.reduce((flat, c, i) => flat + c * strides[i]!, 0)]!);
      return;
    }
    const d = dims[k]!;
    if (d === "newaxis") return visit(k + 1);
    for (const pos of d.positions) {
      coords[d.axis] = pos;
      visit(k + 1);
    }
  };
  visit(0);
  return { shape: dims.map((d) => (d === "newaxis" ? 1 : d.positions.length)), values };
}

/** Mostly valid indices mixing basic parts, integer lists and masks, built axis by axis. */
const mixedIndexArb = shapeArb.chain((shape) => {
  const perAxis = shape.map((n) => {
    const int = n > 0 ? fc.integer({ min: -n, max: n - 1 }) : fc.constant(0);
    const options: fc.Arbitrary<IndexPart>[] = [
      fc.tuple(boundArb, boundArb, fc.constantFrom(null, 1, 2, -1, -2, 3)).map(([a, b, c]) => slice(a, b, c)),
      fc.array(int, { minLength: n > 0 ? 1 : 0, maxLength: n > 0 ? 3 : 0 }),
      fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    ];
    if (n > 0) options.push(int, fc.array(fc.array(int, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 2 }));
    return fc.oneof(...options);
  });
  return fc.tuple(fc.constant(shape), fc.tuple(...perAxis), fc.nat({ max: shape.length }), fc.boolean()).map(([s, parts, cut, newaxis]) => {
    const index: IndexPart[] = parts.slice(0, cut);
    if (newaxis) index.splice(Math.min(1, index.length), 0, null);
    return { shape: s, index };
  });
});

const listAsNDArray = (p: IndexPart): IndexPart => {
  if (!Array.isArray(p)) return p;
  const flat = (p as unknown[]).flat(Infinity) as (number | boolean)[];
  const shape = Array.isArray(p[0]) ? [p.length, (p[0] as unknown[]).length] : [p.length];
  return flat.length > 0 && typeof flat[0] === "boolean"
    ? new NDArray(Uint8Array.from(flat, Number), shape, "bool")
    : new NDArray(Int32Array.from(flat, Number), shape, "int32");
};

const tryResolve = (index: IndexPart[], shape: number[]): ReturnType<typeof resolveIndex> | null => {
  try {
    return resolveIndex(index, shape);
  } catch (e) {
    if (e instanceof IndexError) return null; // e.g. index arrays that do not broadcast
    throw e;
  }
};

describe("indexing properties", () => {
  it("basic indices agree with the model, errors included", () => {
    fc.assert(
      fc.property(shapeArb, fc.array(basicPartArb, { maxLength: 6 }), (shape, parts) => {
        const x = arange(shape);
        const expected = modelGet(x, parts);
        if ("error" in expected) {
          assert.throws(() => resolveIndex(parts, shape), (e: unknown) => e instanceof IndexError && e.message === expected.error);
          return;
        }
        const r = resolveIndex(parts, shape);
        assert.equal(r.basic, true);
        const got = getLocal(x, r);
        assert.deepEqual(got.shape, expected.shape);
        assert.deepEqual(Array.from(got.data), expected.values);
        // The string form says the same thing.
        assert.deepEqual(resolveIndex(formatIndex(parts), shape), r);
      }),
      { numRuns: 1500 },
    );
  });

  it("lists and NDArrays index alike, and the string form resolves like the parts", () => {
    fc.assert(
      fc.property(mixedIndexArb, ({ shape, index }) => {
        const r = tryResolve(index, shape);
        fc.pre(r !== null);
        const x = arange(shape);
        const viaArrays = getLocal(x, resolveIndex(index.map(listAsNDArray), shape));
        const viaLists = getLocal(x, r);
        assert.deepEqual(viaArrays, viaLists);
        assert.deepEqual(resolveIndex(formatIndex(index), shape), r);
      }),
      { numRuns: 800 },
    );
  });

  it("setting what get returns changes nothing; distinct positions read back what was set", () => {
    fc.assert(
      fc.property(mixedIndexArb, ({ shape, index }) => {
        const r = tryResolve(index, shape);
        fc.pre(r !== null);
        const x = arange(shape);
        const before = Array.from(x.data);
        const got = getLocal(x, r);
        setLocal(x, r, got);
        assert.deepEqual(Array.from(x.data), before);

        const value = new NDArray(got.data.map((_, i) => -1 - i), got.shape);
        setLocal(x, r, value);
        const distinct = new Set(got.data).size === got.size; // x's values are its positions
        if (distinct) assert.deepEqual(getLocal(x, r), value);
        const changed = Array.from(x.data).filter((v, i) => v !== before[i]).length;
        assert.equal(changed, new Set(got.data).size);
      }),
      { numRuns: 800 },
    );
  });

  it("throws nothing but IndexError and TypeError, whatever the parts", () => {
    const junk = fc.oneof(
      fc.anything(),
      fc.double(),
      fc.integer({ min: -10, max: 10 }),
      fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.boolean(), fc.double()), { maxLength: 4 }),
      fc.constantFrom(null, ELLIPSIS, true, false, slice(null, null, 0), new NDArray(Float32Array.of(1), [1])),
    );
    fc.assert(
      fc.property(shapeArb, fc.array(junk, { maxLength: 5 }), (shape, parts) => {
        try {
          resolveIndex(parts as IndexPart[], shape);
        } catch (e) {
          if (!(e instanceof IndexError || e instanceof TypeError)) throw e;
        }
      }),
      { numRuns: 3000 },
    );
  });
});
