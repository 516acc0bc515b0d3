// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { ArrayGrid } from "../../src/array/grid.js";
import { defaultBlockShape } from "../../src/array/block-shape.js";
import { broadcastShapes, broadcastStrides } from "../../src/array/broadcast.js";
import { normalizeAxes, normalizeAxis } from "../../src/array/axis.js";
import { AxisError, ShapeError } from "../../src/errors.js";

test("regular grids have a ragged last block and C-order entries", () => {
  const g = ArrayGrid.regular([10, 7], [4, 3]);
  assert.deepEqual(g.gridShape, [3, 3]);
  assert.deepEqual(g.chunks, [[4, 4, 2], [3, 3, 1]]);
  assert.deepEqual(g.blockShapeAt([2, 2]), [2, 1]);
  assert.deepEqual(g.blockStart([1, 2]), [4, 6]);
  assert.deepEqual(g.blockRange([2, 1]), [[8, 10], [3, 6]]);
  assert.deepEqual([...g.entries()].slice(0, 4), [[0, 0], [0, 1], [0, 2], [1, 0]]);
  assert.equal(g.flatIndex([2, 1]), 7);
  assert.deepEqual(g.entryOf(7), [2, 1]);
  assert.deepEqual(g.blockShape, [4, 3]);
  assert.equal(g.isRegular, true);
});

test("irregular chunks partition each axis; chunkIndexOf finds the chunk of a coordinate", () => {
  const g = ArrayGrid.fromChunks([10], [[3, 5, 2]]);
  assert.deepEqual([0, 2, 3, 7, 8, 9].map((x) => g.chunkIndexOf(0, x)), [0, 0, 1, 1, 2, 2]);
  assert.equal(g.isRegular, false);
  assert.throws(() => ArrayGrid.fromChunks([10], [[3, 5]]), ShapeError);
  assert.throws(() => ArrayGrid.fromChunks([10], [[3, 0, 7]]), ShapeError);
});

test("empty axes have no blocks; 0-d arrays have one", () => {
  assert.equal(ArrayGrid.regular([0, 5], [1, 5]).numBlocks, 0);
  const scalar = ArrayGrid.regular([], []);
  assert.equal(scalar.numBlocks, 1);
  assert.deepEqual([...scalar.entries()], [[]]);
});

test("invalid block shapes are rejected", () => {
  assert.throws(() => ArrayGrid.regular([4, 4], [2]), /blockShape/);
  assert.throws(() => ArrayGrid.regular([4], [0]), /positive integers/);
});

test("property: grid blocks tile the array exactly once", () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 3 }), (shape, bs) => {
      const g = ArrayGrid.regular(shape, bs.slice(0, shape.length));
      let covered = 0;
      for (const e of g.entries()) covered += g.blockShapeAt(e).reduce((a, b) => a * b, 1);
      assert.equal(covered, g.numBlocks === 0 ? 0 : shape.reduce((a, b) => a * b, 1));
      if (g.numBlocks === 0) assert.ok(shape.includes(0));
      for (let axis = 0; axis < shape.length; axis++) assert.equal(g.chunks[axis]!.reduce((a, b) => a + b, 0), shape[axis]);
    }),
  );
});

test("default block shapes: one block when small, about one per worker when large", () => {
  assert.deepEqual(defaultBlockShape([1000, 10], 8, 2), [1000, 10]);
  assert.deepEqual(defaultBlockShape([1_000_000, 100], 8, 2), [500_000, 100]);
  assert.deepEqual(defaultBlockShape([4096, 4096], 8, 4), [2048, 2048]);
  assert.deepEqual(defaultBlockShape([50_000_000], 8, 8), [6_250_000]);
  // never blocks smaller than the single-block threshold allows
  assert.deepEqual(defaultBlockShape([600_000], 8, 16), [600_000]);
});

test("broadcasting follows NumPy and names every shape in the error", () => {
  assert.deepEqual(broadcastShapes([3, 1], [1, 4]), [3, 4]);
  assert.deepEqual(broadcastShapes([2, 3, 4], [4], []), [2, 3, 4]);
  assert.deepEqual(broadcastShapes([0, 1], [1, 5]), [0, 5]);
  assert.throws(() => broadcastShapes([3, 4], [5]), {
    name: "ShapeError",
    message: "operands could not be broadcast together with shapes (3,4) (5,)",
  });
  assert.deepEqual(broadcastStrides([3, 1], [1, 1], [2, 3, 4]), [0, 1, 0]);
});

test("axes normalize like NumPy", () => {
  assert.equal(normalizeAxis(-1, 3), 2);
  assert.throws(() => normalizeAxis(3, 3), { name: "AxisError", message: "axis 3 is out of bounds for array of dimension 3" });
  assert.deepEqual(normalizeAxes([-1, 0], 3), [0, 2]);
  assert.deepEqual(normalizeAxes(null, 2), [0, 1]);
  assert.throws(() => normalizeAxes([0, -3], 3), AxisError);
  assert.throws(() => normalizeAxis(1.5, 3), TypeError);
});
