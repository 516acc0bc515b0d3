// SPDX-License-Identifier: Apache-2.0
/**
 * Every bad input of get, set, take, takeAlongAxis, put, compress, nonzero and where: the error
 * class and NumPy's message. Errors that do not depend on data throw synchronously with nothing
 * scheduled; those that do (values of distributed index arrays, true counts of distributed masks)
 * reject the result, or the written array.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { NDArray } from "../../src/array/ndarray.js";
import { AxisError, IndexError, OverflowError, ShapeError } from "../../src/errors.js";
import * as nt from "../../src/index.js";

type ErrorClass = new (...args: never[]) => Error;

/** `fn` throws `cls` with `message` and schedules no op. */
function throwsNow(fn: () => unknown, cls: ErrorClass, message: string): void {
  const before = nt.progress().submitted;
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof cls, `${String(e)} should be a ${cls.name}`);
    assert.equal((e as Error).message, message);
    return true;
  });
  assert.equal(nt.progress().submitted, before, "an op was scheduled before the error");
}

/** Reading the array `fn` returns rejects with `cls` and `message`. */
async function rejects(fn: () => nt.BlockArray, cls: ErrorClass, message: string): Promise<void> {
  await assert.rejects(
    () => fn().toArray(),
    (e: unknown) => {
      assert.ok(e instanceof cls, `${String(e)} should be a ${cls.name}`);
      assert.equal((e as Error).message, message);
      return true;
    },
  );
}

describe("indexing errors", () => {
  let x: nt.BlockArray;
  let ints: nt.BlockArray;
  before(async () => {
    await nt.init({ nodes: 3, workersPerNode: 1 });
    x = nt.arange(24).reshape(4, 6).rechunk([3, 4]);
    ints = nt.arange(6, { dtype: "int8" });
  });
  after(async () => {
    x.dispose();
    ints.dispose();
    await nt.shutdown();
  });

  describe("x.get", () => {
    test("malformed and invalid indices", () => {
      throwsNow(() => x.get("1:2:3:4"), IndexError, 'invalid index "1:2:3:4": too many colons at position 5');
      throwsNow(() => x.get([1.5]), IndexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices");
      throwsNow(() => x.get("0, 0, 0"), IndexError, "too many indices for array: array is 2-dimensional, but 3 were indexed");
      throwsNow(() => x.get("..., ..."), IndexError, "an index can only have a single ellipsis ('...')");
      throwsNow(() => x.get("::0"), IndexError, "slice step cannot be zero");
      throwsNow(() => x.get([nt.slice(0.5, 2)]), TypeError, "slice indices must be integers or None or have an __index__ method, got number 0.5");
    });

    test("out-of-bounds integers and known arrays", () => {
      throwsNow(() => x.get("4"), IndexError, "index 4 is out of bounds for axis 0 with size 4");
      throwsNow(() => x.get([nt.slice(null), [0, -7]]), IndexError, "index -7 is out of bounds for axis 1 with size 6");
    });

    test("float index arrays", () => {
      const message = "arrays used as indices must be of integer (or boolean) type";
      throwsNow(() => x.get([new NDArray(Float64Array.of(1), [1])]), IndexError, message);
      const f = nt.array([1, 2]);
      throwsNow(() => x.get([f]), IndexError, message);
      f.dispose();
    });

    test("masks of the wrong shape and index arrays that do not broadcast", () => {
      const m = nt.array([true, false, true]);
      throwsNow(() => x.get([m]), IndexError, "boolean index did not match indexed array along axis 0; size of axis is 4 but size of corresponding boolean axis is 3");
      throwsNow(() => x.get([[0, 1], [0, 1, 2]]), IndexError, "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,)");
      m.dispose();
    });

    test("distributed index values out of bounds: the first one in NumPy's order", async () => {
      const i = nt.array([0, 9, 1, -8], { dtype: "int32", blockShape: [2] });
      const j = nt.array([7, 0, 0, 0], { dtype: "int32", blockShape: [3] });
      await rejects(() => x.get([i]), IndexError, "index 9 is out of bounds for axis 0 with size 4");
      // Index arrays are checked in order: i's 9 before j's 7.
      await rejects(() => x.get([i, j]), IndexError, "index 9 is out of bounds for axis 0 with size 4");
      await rejects(() => x.get([nt.slice(null), j]), IndexError, "index 7 is out of bounds for axis 1 with size 6");
      i.dispose();
      j.dispose();
    });

    test("a distributed mask's count that does not broadcast with another index array", async () => {
      const m = nt.array([true, false, true, true]);
      await rejects(() => x.get([m, [0, 1]]), IndexError, "shape mismatch: indexing arrays could not be broadcast together with shapes (3,) (2,)");
      m.dispose();
    });

    test("a 0-d distributed mask next to another index array", () => {
      const b = nt.array(true);
      throwsNow(() => x.get([b, [0]]), IndexError, "a 0-d boolean BlockArray can only be used as the only array in an index (use a JS boolean)");
      b.dispose();
    });

    test("a disposed array", () => {
      const y = nt.zeros([2]);
      y.dispose();
      assert.throws(() => y.get("0"), ReferenceError);
    });
  });

  describe("x.set", () => {
    test("values that do not broadcast", () => {
      const y = x.copy();
      throwsNow(() => y.set("0, 1:4", [1, 2]), ShapeError, "could not broadcast input array from shape (2,) into shape (3,)");
      throwsNow(() => y.set([[0, 1]], [[1, 2, 3]]), ShapeError, "shape mismatch: value array of shape (1,3) could not be broadcast to indexing result of shape (2,6)");
      throwsNow(() => y.set("0, 0", [1, 2]), ShapeError, "setting an array element with a sequence.");
      throwsNow(() => y.set([[true, false, true, true]], [1, 2]), ShapeError, "shape mismatch: value array of shape (2,) could not be broadcast to indexing result of shape (3,6)");
      y.dispose();
    });

    test("boolean assignment rules (known masks)", () => {
      const y = nt.arange(4);
      throwsNow(() => y.set([[true, false, true, false]], [1, 2, 3]), ShapeError, "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true");
      throwsNow(() => y.set([[true, false, true, false]], [[1, 2]]), TypeError, "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 dimensions");
      y.dispose();
    });

    test("boolean assignment rules (distributed masks): the count-dependent one rejects", async () => {
      const y = nt.arange(4);
      const m = nt.array([true, false, true, false], { blockShape: [3] });
      throwsNow(() => y.set(m, [[1, 2]]), TypeError, "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, input has 2 dimensions");
      await rejects(() => y.set(m, [1, 2, 3]), ShapeError, "NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true");
      const z = nt.arange(8).reshape(4, 2);
      throwsNow(() => z.set(m, [[1, 2, 3]]), ShapeError, "shape mismatch: value array of shape (1,3) could not be broadcast to indexing result of shape (?,2)");
      await rejects(() => z.set(m, [[1, 2], [3, 4], [5, 6]]), ShapeError, "shape mismatch: value array of shape (3,2) could not be broadcast to indexing result of shape (2,2)");
      m.dispose();
      z.dispose();
    });

    test("JS numbers that an integer array cannot hold", () => {
      throwsNow(() => ints.set("0", 300), OverflowError, "Python integer 300 out of bounds for int8");
      throwsNow(() => ints.set("0:2", [1, -129]), OverflowError, "Python integer -129 out of bounds for int8");
      throwsNow(() => ints.set("0", 2 ** 70), OverflowError, "Python int too large to convert to C long");
      throwsNow(() => ints.set("0", Infinity), OverflowError, "cannot convert float infinity to integer");
      throwsNow(() => ints.set("0", NaN), RangeError, "cannot convert float NaN to integer");
      const u = nt.zeros([2], { dtype: "uint8" });
      throwsNow(() => u.set("0", -1), OverflowError, "Python integer -1 out of bounds for uint8");
      u.dispose();
    });

    test("distributed index values out of bounds reject the written array", async () => {
      const y = x.copy();
      const i = nt.array([1, 5], { dtype: "int32" });
      await rejects(() => y.set([i], 0), IndexError, "index 5 is out of bounds for axis 0 with size 4");
      i.dispose();
      y.dispose();
    });
  });

  describe("take, takeAlongAxis, put, compress, nonzero, where", () => {
    test("take", () => {
      throwsNow(() => nt.take(x, [0], { axis: 2 }), AxisError, "axis 2 is out of bounds for array of dimension 2");
      throwsNow(() => nt.take(x, [0], { mode: "nope" as nt.ClipMode }), RangeError, "clipmode must be one of 'clip', 'raise', or 'wrap' (got 'nope')");
      throwsNow(() => nt.take(x, new NDArray(Float32Array.of(1), [1])), TypeError, "Cannot cast array data from dtype('float32') to dtype('int64') according to the rule 'same_kind'");
      throwsNow(() => nt.take(x, [24]), IndexError, "index 24 is out of bounds for axis 0 with size 24");
      throwsNow(() => nt.take(nt.zeros([0]), [0], { mode: "wrap" }), IndexError, "cannot do a non-empty take from an empty axes.");
    });

    test("takeAlongAxis", () => {
      throwsNow(() => nt.takeAlongAxis(x, [0, 1], 1), ShapeError, "`indices` and `arr` must have the same number of dimensions");
      throwsNow(() => nt.takeAlongAxis(x, [[0]], null), ShapeError, "when axis=None, `indices` must have a single dimension.");
      throwsNow(() => nt.takeAlongAxis(x, [[true]], 1), IndexError, "`indices` must be an integer array");
      throwsNow(() => nt.takeAlongAxis(x, [[0]], -3), AxisError, "axis -3 is out of bounds for array of dimension 2");
      throwsNow(() => nt.takeAlongAxis(x, [[0, 1, 2], [0, 1, 2], [0, 1, 2]], 1), IndexError, "shape mismatch: indexing arrays could not be broadcast together with shapes (4,1) (3,3)");
    });

    test("put", async () => {
      throwsNow(() => nt.put([1, 2] as unknown as nt.BlockArray, [0], 1), TypeError, "put: a must be a BlockArray (put writes into it), got array [1,2]");
      const y = x.copy();
      throwsNow(() => nt.put(y, [0], 1, { mode: "x" as nt.ClipMode }), RangeError, "clipmode must be one of 'clip', 'raise', or 'wrap' (got 'x')");
      throwsNow(() => nt.put(y, new NDArray(Float64Array.of(1), [1]), 1), TypeError, "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'");
      throwsNow(() => nt.put(y, [0, 24], 1), IndexError, "index 24 is out of bounds for axis 0 with size 24");
      throwsNow(() => nt.put(ints, [0], 1000), OverflowError, "Python integer 1000 out of bounds for int8");
      const i = nt.array([0, -25], { dtype: "int32" });
      await rejects(() => (nt.put(y, i, 1), y), IndexError, "index -25 is out of bounds for axis 0 with size 24");
      i.dispose();
      y.dispose();
    });

    test("compress, nonzero, where", () => {
      throwsNow(() => nt.compress([[1, 0]], x, { axis: 0 }), ShapeError, "condition must be a 1-d array");
      throwsNow(() => nt.compress([1], x, { axis: 3 }), AxisError, "axis 3 is out of bounds for array of dimension 2");
      throwsNow(() => nt.nonzero(5), ShapeError, "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.");
      throwsNow(() => nt.where(x, x as nt.ArrayLike, undefined as unknown as nt.ArrayLike), ShapeError, "either both or neither of x and y should be given");
    });
  });
});
