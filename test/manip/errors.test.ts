// SPDX-License-Identifier: Apache-2.0
/** Bad input to the manipulation functions: thrown synchronously, with NumPy's class and message. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import * as nt from "../../src/index.js";
import { CONFIGS, describeRuntimes } from "../helpers/runtime.js";

type ErrorClass = new (...args: never[]) => Error;

describeRuntimes(
  "manipulation errors",
  () => {
    let a6: nt.BlockArray;
    let m23: nt.BlockArray;
    let m24: nt.BlockArray;
    before(() => {
      a6 = nt.arange(6, { blockShape: [4] });
      m23 = nt.zeros([2, 3], { blockShape: [1, 2] });
      m24 = nt.zeros([2, 4]);
    });
    after(() => [a6, m23, m24].forEach((x) => x.dispose()));

    const cases: Array<[string, () => unknown, ErrorClass, RegExp]> = [
      // reshape
      ["reshape to an incompatible size", () => nt.reshape(a6, [4]), nt.ShapeError, /^cannot reshape array of size 6 into shape \(4,\)$/],
      ["reshape with -1 and no fit", () => a6.reshape(4, -1), nt.ShapeError, /^cannot reshape array of size 6 into shape \(4,newaxis\)$/],
      ["reshape with a leading -1 and no fit", () => a6.reshape([-1, 4]), nt.ShapeError, /^cannot reshape array of size 6 into shape \(4\)$/],
      ["reshape with two -1", () => a6.reshape(-1, -1), nt.ShapeError, /^can only specify one unknown dimension$/],
      ["reshape with a fractional dimension", () => a6.reshape([2.5, 2]), TypeError, /'float' object cannot be interpreted as an integer/],
      ["reshape in order K", () => nt.reshape(a6, [6], { order: "K" }), nt.ShapeError, /^order 'K' is not permitted for reshaping$/],
      // concatenate and stacking
      ["concatenate unequal shapes", () => nt.concatenate([m23, m24]), nt.ShapeError,
        /^all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 3 and the array at index 1 has size 4$/],
      ["concatenate different ndim", () => nt.concatenate([m23, a6]), nt.ShapeError,
        /^all the input arrays must have same number of dimensions, but the array at index 0 has 2 dimension\(s\) and the array at index 1 has 1 dimension\(s\)$/],
      ["concatenate 0-d arrays", () => nt.concatenate([1, 2]), nt.ShapeError, /^zero-dimensional arrays cannot be concatenated$/],
      ["concatenate nothing", () => nt.concatenate([]), nt.ShapeError, /^need at least one array to concatenate$/],
      ["concatenate along a bad axis", () => nt.concatenate([m23, m23], { axis: 2 }), nt.AxisError, /^axis 2 is out of bounds for array of dimension 2$/],
      ["concatenate with a lossy dtype", () => nt.concatenate([m23], { dtype: "int32" }), nt.DtypeError,
        /^Cannot cast array data from dtype\('float64'\) to dtype\('int32'\) according to the rule 'same_kind'$/],
      ["stack different shapes", () => nt.stack([m23, m24]), nt.ShapeError, /^all input arrays must have the same shape$/],
      ["stack nothing", () => nt.stack([]), nt.ShapeError, /^need at least one array to stack$/],
      ["stack along a bad axis", () => nt.stack([m23, m23], { axis: -4 }), nt.AxisError, /^axis -4 is out of bounds for array of dimension 3$/],
      ["hstack of mismatched rows", () => nt.hstack([m23, nt.zeros([3, 3])]), nt.ShapeError, /along dimension 0, the array at index 0 has size 2 and the array at index 1 has size 3/],
      // split
      ["split into unequal sections", () => nt.split(a6, 4), nt.ShapeError, /^array split does not result in an equal division$/],
      ["split into zero sections", () => nt.arraySplit(a6, 0), nt.ShapeError, /^number sections must be larger than 0\.$/],
      ["split along a bad axis", () => nt.split(m23, 2, { axis: 2 }), nt.AxisError, /^axis 2 is out of bounds for array of dimension 2$/],
      ["split with fractional sections", () => nt.split(a6, 1.5), TypeError, /cannot be interpreted as an integer/],
      ["vsplit of a 1-d array", () => nt.vsplit(a6, 2), nt.ShapeError, /^vsplit only works on arrays of 2 or more dimensions$/],
      // axes
      ["squeeze of a non-length-1 axis", () => nt.squeeze(m23, 0), nt.ShapeError, /^cannot select an axis to squeeze out which has size not equal to one$/],
      ["squeeze of a bad axis", () => m23.squeeze({ axis: 5 }), nt.AxisError, /^axis 5 is out of bounds for array of dimension 2$/],
      ["squeeze of a repeated axis", () => nt.squeeze(nt.zeros([1, 1]), [0, 0]), nt.AxisError, /^duplicate value in 'axis'$/],
      ["expandDims beyond the result", () => nt.expandDims(m23, 3), nt.AxisError, /^axis 3 is out of bounds for array of dimension 3$/],
      ["expandDims with a repeated axis", () => nt.expandDims(m23, [0, 0]), nt.AxisError, /^repeated axis$/],
      ["swapaxes with a bad axis1", () => nt.swapaxes(m23, 2, 0), nt.AxisError, /^axis1: axis 2 is out of bounds for array of dimension 2$/],
      ["swapaxes with a bad axis2", () => m23.swapaxes(0, -3), nt.AxisError, /^axis2: axis -3 is out of bounds for array of dimension 2$/],
      ["moveaxis with a bad source", () => nt.moveaxis(m23, 2, 0), nt.AxisError, /^source: axis 2 is out of bounds for array of dimension 2$/],
      ["moveaxis with a bad destination", () => nt.moveaxis(m23, 0, 2), nt.AxisError, /^destination: axis 2 is out of bounds for array of dimension 2$/],
      ["moveaxis with unequal lists", () => nt.moveaxis(m23, [0, 1], [0]), nt.ShapeError, /^`source` and `destination` arguments must have the same number of elements$/],
      ["moveaxis with a repeated source", () => nt.moveaxis(m23, [0, 0], [0, 1]), nt.AxisError, /^repeated axis in `source` argument$/],
      // broadcastTo
      ["broadcastTo an incompatible shape", () => nt.broadcastTo(m23, [4, 3]), nt.ShapeError,
        /^operands could not be broadcast together with remapped shapes \[original->remapped\]: \(2,3\) {2}and requested shape \(4,3\)$/],
      ["broadcastTo fewer dimensions", () => nt.broadcastTo(m23, [3]), nt.ShapeError, /^input operand has more dimensions than allowed by the axis remapping$/],
      ["broadcastTo a negative shape", () => nt.broadcastTo(m23, [-1, 3]), nt.ShapeError, /^all elements of broadcast shape must be non-negative$/],
      // tile and repeat
      ["tile with negative reps", () => nt.tile(a6, -1), nt.ShapeError, /^negative dimensions are not allowed$/],
      ["repeat a negative number of times", () => nt.repeat(a6, -1), nt.ShapeError, /^repeats may not contain negative values\.$/],
      ["repeat with a negative count", () => nt.repeat(a6, [1, 2, -1, 1, 1, 1]), nt.ShapeError, /^repeats may not contain negative values\.$/],
      ["repeat with too few counts", () => a6.repeat([1, 2]), nt.ShapeError, /^operands could not be broadcast together with shape \(6,\) \(2,\)$/],
      ["repeat along a bad axis", () => nt.repeat(a6, 2, { axis: 1 }), nt.AxisError, /^axis 1 is out of bounds for array of dimension 1$/],
      ["repeat with 2-d counts", () => nt.repeat(m23, [[1, 2]] as never, { axis: 0 }), nt.ShapeError, /exceed the maximum number of dimension of 1/],
      ["repeat with float counts", () => nt.repeat(m23, new nt.NDArray(new Float64Array([1, 2, 3]), [3]), { axis: 1 }), nt.DtypeError,
        /^Cannot cast array data from dtype\('float64'\) to dtype\('int64'\) according to the rule 'safe'$/],
      // flip and roll
      ["flip a repeated axis", () => nt.flip(m23, { axis: [0, 0] }), nt.AxisError, /^repeated axis$/],
      ["flip a bad axis", () => nt.flip(m23, 2), nt.AxisError, /^axis 2 is out of bounds for array of dimension 2$/],
      ["fliplr of a 1-d array", () => nt.fliplr(a6), nt.ShapeError, /^Input must be >= 2-d\.$/],
      ["flipud of a 0-d array", () => nt.flipud(3), nt.ShapeError, /^Input must be >= 1-d\.$/],
      ["roll along a bad axis", () => nt.roll(a6, 1, { axis: 1 }), nt.AxisError, /^axis 1 is out of bounds for array of dimension 1$/],
      ["roll with mismatched shifts and axes", () => nt.roll(m23, [1, 2, 3], { axis: [0, 1] }), nt.ShapeError,
        /^shape mismatch: objects cannot be broadcast to a single shape\. {2}Mismatch is between arg 0 with shape \(3,\) and arg 1 with shape \(2,\)\.$/],
      ["roll by a fraction", () => nt.roll(a6, 1.5), TypeError, /cannot be interpreted as an integer/],
      // pad
      ["pad widths of three numbers", () => nt.pad(a6, [1, 2, 3]), nt.ShapeError,
        /^operands could not be broadcast together with remapped shapes \[original->remapped\]: \(3,\) {2}and requested shape \(1,2\)$/],
      ["pad widths with a triple", () => nt.pad(a6, [[1, 2, 3]]), nt.ShapeError, /^operands could not be broadcast together with remapped shapes \[original->remapped\]: \(1,3\) {2}and requested shape \(1,2\)$/],
      ["pad widths for too many axes", () => nt.pad(m23, [[1, 2], [3, 4], [5, 6]]), nt.ShapeError, /\(3,2\) {2}and requested shape \(2,2\)$/],
      ["pad widths nested too deep", () => nt.pad(a6, [[[1, 2]]] as never), nt.ShapeError, /^input operand has more dimensions than allowed by the axis remapping$/],
      ["negative pad widths", () => nt.pad(a6, [[-1, 2]]), nt.ShapeError, /^index can't contain negative values$/],
      ["fractional pad widths", () => nt.pad(a6, 1.5), TypeError, /^`pad_width` must be of integral type\.$/],
      ["an unknown pad mode", () => nt.pad(a6, 1, { mode: "foo" as "edge" }), nt.ShapeError, /^mode 'foo' is not supported$/],
      ["constant values in edge mode", () => nt.pad(a6, 1, { mode: "edge", constantValues: 3 }), nt.ShapeError, /^unsupported keyword arguments for mode 'edge': \{'constant_values'\}$/],
      ["edge-padding an empty axis", () => nt.pad(nt.zeros([2, 0]), 1, { mode: "edge" }), nt.ShapeError, /^can't extend empty axis 1 using modes other than 'constant' or 'empty'$/],
      ["constant values of the wrong form", () => nt.pad(m23, 1, { constantValues: [[1, 2], [3, 4], [5, 6]] }), nt.ShapeError, /\(3,2\) {2}and requested shape \(2,2\)$/],
      // triangles and diagonals
      ["tril of a 0-d array", () => nt.tril(3), nt.ShapeError, /at least 1-d/],
      ["diag of a 3-d array", () => nt.diag(nt.zeros([2, 2, 2])), nt.ShapeError, /^Input must be 1- or 2-d\.$/],
      ["diagonal of a 1-d array", () => nt.diagonal(a6), nt.ShapeError, /^diag requires an array of at least two dimensions$/],
      ["diagonal of one axis", () => nt.diagonal(m23, { axis1: 1, axis2: -1 }), nt.ShapeError, /^axis1 and axis2 cannot be the same$/],
      ["diagonal with a bad axis2", () => m23.diagonal({ axis2: 2 }), nt.AxisError, /^axis2: axis 2 is out of bounds for array of dimension 2$/],
    ];

    for (const [name, fn, cls, message] of cases) {
      test(name, () => {
        assert.throws(fn, (e: unknown) => {
          assert.ok(e instanceof cls, `expected ${cls.name}, got ${(e as Error)?.name}: ${(e as Error)?.message}`);
          assert.match((e as Error).message, message);
          return true;
        });
      });
    }
  },
  CONFIGS.slice(0, 1),
);

