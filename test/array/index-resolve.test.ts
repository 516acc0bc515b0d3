// SPDX-License-Identifier: Apache-2.0
/** The ResolvedIndex contract, field by field, and NumPy's error messages. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { IndexError, ShapeError } from "../../src/errors.js";
import { NDArray } from "../../src/array/ndarray.js";
import type { Dtype } from "../../src/array/dtype.js";
import {
  type Index,
  type OpaqueArray,
  bindMaskCounts,
  broadcastIndexShapes,
  getLocal,
  isConcrete,
  knownShape,
  resolveIndex,
  setLocal,
  slice,
} from "../../src/array/index/index.js";

/** A stand-in for a distributed array: shape and dtype known, values not. */
class Remote implements OpaqueArray {
  constructor(
    readonly shape: readonly number[],
    readonly dtype: Dtype,
  ) {}
}

const throwsIndex = (index: Index, shape: number[], message: RegExp): void => {
  assert.throws(() => resolveIndex(index, shape), (e: unknown) => e instanceof IndexError && message.test(e.message));
};

describe("resolveIndex: basic indices", () => {
  it("describes every source axis and every result axis", () => {
    const r = resolveIndex("1, None, ::-2", [3, 4, 5]);
    assert.deepEqual(r.axes, [
      { kind: "int", index: 1 },
      { kind: "slice", start: 3, stop: -1, step: -2, length: 2 },
      { kind: "slice", start: 0, stop: 5, step: 1, length: 5 },
    ]);
    assert.deepEqual(r.resultAxes, [{ kind: "newaxis" }, { kind: "slice", axis: 1 }, { kind: "slice", axis: 2 }]);
    assert.deepEqual(r.shape, [1, 2, 5]);
    assert.deepEqual(r.sourceShape, [3, 4, 5]);
    assert.equal(r.advanced, null);
    assert.equal(r.basic, true);
    assert.equal(r.scalar, false);
  });

  it("expands the ellipsis, normalizes negative integers, and flags full integer indices as scalar", () => {
    const r = resolveIndex([-1, "...", -2], [3, 4, 5]);
    assert.deepEqual(r.axes.map((a) => a.kind), ["int", "slice", "int"]);
    assert.deepEqual(r.axes[0], { kind: "int", index: 2 });
    assert.deepEqual(r.shape, [4]);
    assert.equal(resolveIndex([1, 2], [3, 4]).scalar, true);
    assert.equal(resolveIndex([1, 2, "..."], [3, 4]).scalar, false);
    assert.equal(resolveIndex([], []).scalar, true);
    assert.equal(resolveIndex("...", []).scalar, false);
  });

  it("accepts bare parts and the tuple form alike", () => {
    assert.deepEqual(resolveIndex(3, [5, 2]).shape, [2]);
    assert.deepEqual(resolveIndex(slice(1, 4), [5]).shape, [3]);
    assert.deepEqual(resolveIndex(null, [5]).shape, [1, 5]);
    assert.deepEqual(resolveIndex([0, 1], [5, 2]).shape, []);
    assert.deepEqual(resolveIndex(new NDArray(Int32Array.of(4), []), [5]).axes[0], { kind: "int", index: 4 });
  });
});

describe("resolveIndex: advanced indices", () => {
  it("keeps adjacent advanced indices in place", () => {
    const r = resolveIndex(":, [[0], [2]], [1, -1]", [3, 4, 5]);
    assert.deepEqual(r.shape, [3, 2, 2]);
    assert.deepEqual(r.advanced?.shape, [2, 2]);
    assert.equal(r.advanced?.position, 1);
    assert.equal(r.advanced?.adjacent, true);
    assert.deepEqual(r.axes[1], { kind: "advanced", entry: 0 });
    assert.deepEqual(r.axes[2], { kind: "advanced", entry: 1 });
    assert.deepEqual(r.resultAxes, [{ kind: "slice", axis: 0 }, { kind: "advanced", dim: 0 }, { kind: "advanced", dim: 1 }]);
    const e = r.advanced!.entries[1]!;
    assert.equal(e.kind, "array");
    if (e.kind === "array") assert.deepEqual(Array.from(e.values), [1, 4]); // -1 normalized
    assert.equal(r.basic, false);
  });

  it("moves advanced dimensions to the front when a slice separates them (integers count as advanced)", () => {
    const r = resolveIndex("0, :, [0, 1]", [3, 4, 5]);
    assert.deepEqual(r.shape, [2, 4]);
    assert.equal(r.advanced?.position, 0);
    assert.equal(r.advanced?.adjacent, false);
    assert.deepEqual(r.axes[0], { kind: "int", index: 0 });
    assert.deepEqual(resolveIndex(":, 0, [0, 1]", [3, 4, 5]).shape, [3, 2]);
    assert.deepEqual(resolveIndex(":, [0], ..., [0]", [3, 4, 5]).shape, [1, 3]); // even an empty ellipsis separates
    assert.deepEqual(resolveIndex("[0, 1], None, [0, 1]", [3, 4]).shape, [2, 1]);
  });

  it("turns a concrete mask into nonzero() positions, one entry per mask axis", () => {
    const mask = new NDArray(Uint8Array.of(1, 0, 0, 1, 1, 0), [2, 3], "bool");
    const r = resolveIndex([mask, "..."], [2, 3, 4]);
    assert.deepEqual(r.shape, [3, 4]);
    const [a, b] = r.advanced!.entries;
    assert.ok(a?.kind === "array" && b?.kind === "array");
    assert.deepEqual([a.axis, Array.from(a.values)], [0, [0, 1, 1]]);
    assert.deepEqual([b.axis, Array.from(b.values)], [1, [0, 0, 1]]);
    assert.equal(r.singleMask, false);
    assert.equal(resolveIndex(mask, [2, 3]).singleMask, true);
    assert.equal(resolveIndex("[True, False]", [2]).singleMask, true);
    assert.equal(resolveIndex("True", []).singleMask, true);
    assert.equal(resolveIndex("True", [2]).singleMask, false);
  });

  it("gives a 0-d boolean a length-1 or length-0 advanced dimension that indexes no axis", () => {
    const r = resolveIndex("False", [3]);
    assert.deepEqual(r.shape, [0, 3]);
    assert.deepEqual(r.advanced?.entries, [{ kind: "bool", value: false, shape: [0] }]);
    assert.deepEqual(resolveIndex(":, 0, True", [3, 4, 5]).shape, [3, 1, 5]);
  });

  it("accepts integer typed arrays as 1-D index arrays", () => {
    assert.deepEqual(resolveIndex([Uint8Array.of(0, 2, 2)], [3]).shape, [3]);
    throwsIndex(Float64Array.of(0) as unknown as Index, [3], /^arrays used as indices must be of integer \(or boolean\) type$/);
  });
});

describe("resolveIndex: opaque (distributed) index arrays", () => {
  it("keeps an opaque integer array's shape and leaves its bounds to the runtime", () => {
    const idx = new Remote([2, 2], "int32");
    const r = resolveIndex<Remote>([slice(null), idx], [3, 4]);
    assert.deepEqual(r.shape, [3, 2, 2]);
    assert.deepEqual(r.advanced?.entries, [{ kind: "opaque", axis: 1, shape: [2, 2], size: 4, source: idx }]);
    assert.equal(isConcrete(r), false);
    assert.throws(() => getLocal(NDArray.zeros([3, 4]), r), TypeError);
  });

  it("records an opaque mask with an unknown count until bindMaskCounts", () => {
    const mask = new Remote([3, 4], "bool");
    const r = resolveIndex<Remote>([mask, null], [3, 4, 5]);
    assert.deepEqual(r.shape, [null, 1, 5]);
    assert.deepEqual(r.advanced?.entries, [{ kind: "mask", axes: [0, 1], shape: [null], count: null, source: mask }]);
    assert.deepEqual(r.axes.slice(0, 2), [{ kind: "advanced", entry: 0 }, { kind: "advanced", entry: 0 }]);
    assert.throws(() => knownShape(r), IndexError);
    const bound = bindMaskCounts(r, [7]);
    assert.deepEqual(bound.shape, [7, 1, 5]);
    assert.deepEqual(knownShape(bound), [7, 1, 5]);
    assert.throws(() => bindMaskCounts(r, [13]), /a mask over 12 elements cannot have 13 true entries/);
    assert.throws(() => bindMaskCounts(r, []), /the index has 1 opaque masks but 0 counts were given/);
  });

  it("checks an opaque mask's shape at once and its count against other arrays when bound", () => {
    throwsIndex([new Remote([4], "bool")], [3], /^boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 4$/);
    const r = resolveIndex([new Remote([3], "bool"), [0, 1, 2]], [3, 4]);
    assert.deepEqual(r.shape, [3]); // the only length that can succeed
    assert.deepEqual(bindMaskCounts(r, [1]).shape, [3]);
    assert.throws(() => bindMaskCounts(r, [2]), /^IndexError: shape mismatch: indexing arrays could not be broadcast together with shapes \(2,\) \(3,\)$/);
  });

  it("defers concrete bounds checks while the advanced shape may be empty", () => {
    const r = resolveIndex([new Remote([3], "bool"), [7]], [3, 4]);
    assert.doesNotThrow(() => bindMaskCounts(r, [0])); // NumPy skips the check for empty results
    assert.throws(() => bindMaskCounts(r, [2]), /^IndexError: index 7 is out of bounds for axis 1 with size 4$/);
  });

  it("rejects float opaque arrays", () => {
    throwsIndex([new Remote([2], "float64")], [3], /^arrays used as indices must be of integer \(or boolean\) type$/);
  });
});

describe("broadcastIndexShapes", () => {
  it("broadcasts unknown lengths like lengths other than 1", () => {
    assert.deepEqual(broadcastIndexShapes([[null], [1]]), [null]);
    assert.deepEqual(broadcastIndexShapes([[null], [3]]), [3]);
    assert.deepEqual(broadcastIndexShapes([[3], [null], [2, 1]]), [2, 3]);
    assert.deepEqual(broadcastIndexShapes([[null], [null]]), [null]);
    assert.throws(() => broadcastIndexShapes([[2], [null], [3]]), /with shapes \(2,\) \(\?,\) \(3,\)$/);
  });
});

describe("resolveIndex: NumPy's errors", () => {
  const cases: [Index, number[], RegExp][] = [
    ["..., ...", [3], /^an index can only have a single ellipsis \('\.\.\.'\)$/],
    ["5", [3], /^index 5 is out of bounds for axis 0 with size 3$/],
    [":, -5", [3, 4], /^index -5 is out of bounds for axis 1 with size 4$/],
    ["0, 0, 0", [3, 4], /^too many indices for array: array is 2-dimensional, but 3 were indexed$/],
    ["0", [], /^too many indices for array: array is 0-dimensional, but 1 were indexed$/],
    ["[0, 1], [0, 1, 2]", [3, 4], /^shape mismatch: indexing arrays could not be broadcast together with shapes \(2,\) \(3,\)$/],
    ["[[0, 1]], [0, 1, 2]", [3, 4], /with shapes \(1,2\) \(3,\)$/],
    ["[True, False, True, True]", [3], /^boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 4$/],
    ["[[0], [0, 1]]", [3], /^setting an array element with a sequence\. The requested array has an inhomogeneous shape after 1 dimensions\. The detected shape was \(2,\) \+ inhomogeneous part\.$/],
    ["[3]", [3], /^index 3 is out of bounds for axis 0 with size 3$/],
    ["::0", [3], /^slice step cannot be zero$/],
  ];
  for (const [index, shape, message] of cases) {
    it(`${JSON.stringify(index)} on ${JSON.stringify(shape)}`, () => throwsIndex(index, shape, message));
  }

  it("rejects parts that are not indices with NumPy's message", () => {
    const numpy = /^only integers, slices \(`:`\), ellipsis \(`\.\.\.`\), numpy\.newaxis \(`None`\) and integer or boolean arrays are valid indices/;
    for (const bad of [1.5, Number.NaN, Number.POSITIVE_INFINITY, undefined, {}, "1:2", [1.5], [null], 1n]) {
      throwsIndex([bad as unknown as number], [3], numpy);
    }
    throwsIndex([new NDArray(Float64Array.of(0), [1])], [3], /^arrays used as indices must be of integer \(or boolean\) type$/);
  });
});

describe("getLocal / setLocal", () => {
  const x = (): NDArray => new NDArray(Float64Array.from({ length: 12 }, (_, i) => i), [3, 4]);

  it("gets a copy with the source dtype", () => {
    const a = new NDArray(Int16Array.of(5, 6, 7), [3], "int16");
    const got = getLocal(a, resolveIndex("::-1", [3]));
    assert.equal(got.dtype, "int16");
    assert.deepEqual(Array.from(got.data), [7, 6, 5]);
    assert.notEqual(got.data.buffer, a.data.buffer);
  });

  it("casts values to the target dtype like NumPy's setitem", () => {
    const b = NDArray.zeros([3], "bool");
    setLocal(b, resolveIndex(":", [3]), new NDArray(Float64Array.of(0, Number.NaN, 2), [3]));
    assert.deepEqual(Array.from(b.data), [0, 1, 1]);
    const i = NDArray.zeros([3], "int32");
    setLocal(i, resolveIndex(":", [3]), new NDArray(Float64Array.of(1.7, -1.7, 2.5), [3]));
    assert.deepEqual(Array.from(i.data), [1, -1, 2]);
    setLocal(i, resolveIndex("[0, 2]", [3]), true);
    assert.deepEqual(Array.from(i.data), [1, -1, 1]);
  });

  it("reads overlapping values before writing", () => {
    const a = new NDArray(Float64Array.of(0, 1, 2, 3), [4]);
    setLocal(a, resolveIndex("::-1", [4]), a);
    assert.deepEqual(Array.from(a.data), [3, 2, 1, 0]);
  });

  it("raises NumPy's assignment errors", () => {
    const ones = (shape: number[]): NDArray => new NDArray(new Float64Array(shape.reduce((p, d) => p * d, 1)).fill(1), shape);
    const cases: [string, number[], new (...a: never[]) => Error, RegExp][] = [
      ["0", [2], ShapeError, /^could not broadcast input array from shape \(2,\) into shape \(4,\)$/],
      [":, [0, 1]", [3, 3], ShapeError, /^shape mismatch: value array of shape \(3,3\) could not be broadcast to indexing result of shape \(3,2\)$/],
      ["0, 0", [1], ShapeError, /^setting an array element with a sequence\.$/],
      ["[[True, False, True, True], [False, False, False, False], [True, True, True, True]]", [2], ShapeError,
        /^NumPy boolean array indexing assignment cannot assign 2 input values to the 7 output values where the mask is true$/],
      ["[[True, False, True, True], [False, False, False, False], [True, True, True, True]]", [1, 7], TypeError,
        /^NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 dimensions$/],
    ];
    for (const [index, valueShape, cls, message] of cases) {
      assert.throws(() => setLocal(x(), resolveIndex(index, [3, 4]), ones(valueShape)), (e: unknown) => e instanceof cls && message.test(e.message), index);
    }
  });

  it("refuses an index resolved for another shape", () => {
    assert.throws(() => getLocal(x(), resolveIndex(":", [4, 3])), /index resolved for shape \(4,3\) applied to an array of shape \(3,4\)/);
  });
});
