// SPDX-License-Identifier: Apache-2.0
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { IndexError } from "../../src/errors.js";
import { NDArray } from "../../src/array/ndarray.js";
import {
  ELLIPSIS,
  type IndexList,
  type LiteralIndexPart,
  formatIndex,
  parseIndex,
  slice,
  toIndexParts,
} from "../../src/array/index/index.js";

describe("parseIndex", () => {
  const cases: [string, LiteralIndexPart[]][] = [
    ["1:5, ::2", [slice(1, 5), slice(null, null, 2)]],
    ["..., 0", [ELLIPSIS, 0]],
    ["None, :", [null, slice(null)]],
    ["-1", [-1]],
    ["+3", [3]],
    ["- 1", [-1]],
    [" 1 : -2 : -3 ", [slice(1, -2, -3)]],
    ["::", [slice(null, null, null)]],
    ["::-1", [slice(null, null, -1)]],
    ["None:3, 1:None:None", [slice(null, 3), slice(1, null, null)]],
    [":, [0, 2, -1]", [slice(null), [0, 2, -1]]],
    ["[[0, 1], [1, 2],]", [[[0, 1], [1, 2]]]],
    ["[]", [[]]],
    ["[[]]", [[[]]]],
    ["[True, False]", [[true, false]]],
    ["True, False", [true, false]],
    ["Ellipsis", [ELLIPSIS]],
    ["1,", [1]],
    ["", []],
    ["   ", []],
    ["()", []],
    ["0, -0", [0, 0]],
    ["007", [7]],
    ["99999999999999999999999", [1e23]],
  ];
  for (const [text, parts] of cases) {
    it(`parses ${JSON.stringify(text)}`, () => assert.deepEqual(parseIndex(text), parts));
  }

  it("reads integers beyond float64's range as the largest finite one (still out of bounds / clamping)", () => {
    assert.deepEqual(parseIndex(`:${"9".repeat(400)}`), [slice(null, Number.MAX_VALUE)]);
    assert.deepEqual(parseIndex(`-${"9".repeat(400)}`), [-Number.MAX_VALUE]);
  });

  const errors: [string, RegExp][] = [
    ["1:2:3:4", /^invalid index "1:2:3:4": too many colons at position 5$/],
    ["1.5", /^invalid index "1.5": only integers, slices \(`:`\), ellipsis \(`...`\), numpy.newaxis \(`None`\) and integer or boolean arrays are valid indices, got "1.5" at position 0$/],
    ["[0, .5]", /got "\.5" at position 4$/],
    ["1.5:2", /^invalid index "1.5:2": slice indices must be integers or None or have an __index__ method, got "1.5" at position 0$/],
    ["::1e3", /slice indices must be integers or None or have an __index__ method, got "1e3" at position 2$/],
    ["2e3", /got "2e3" at position 0$/],
    ["[0, 1", /^invalid index "\[0, 1": unclosed "\[" at position 0$/],
    ["[0 1]", /expected "," or "\]" but found "1" at position 3$/],
    ["foo", /^invalid index "foo": unknown name "foo" at position 0$/],
    ["newaxis", /unknown name "newaxis"/],
    ["0x10", /invalid number "0x" at position 0$/],
    ["1 2", /expected "," but found "2" at position 2$/],
    [",", /unexpected "," at position 0$/],
    ["1,,2", /unexpected "," at position 2$/],
    ["[1:2]", /expected "," or "\]" but found ":" at position 2$/],
    ["[None]", /unexpected "None" at position 1$/],
    ["[foo]", /unexpected "foo" at position 1$/],
    ["[...]", /unexpected "..." at position 1$/],
    ["-", /expected an integer after "-" but found the end at position 1$/],
    ["1]", /expected "," but found "\]" at position 1$/],
    ["(1, 2)", /unexpected "\(" at position 0$/],
    ["..", /unexpected character "\." at position 0$/],
    ["1 & 2", /unexpected character "&" at position 2$/],
    ["é", /unexpected character "é" at position 0$/],
    [`${"[".repeat(1001)}0${"]".repeat(1001)}`, /index list nested more than 1000 deep at position 1000$/],
  ];
  for (const [text, message] of errors) {
    it(`rejects ${JSON.stringify(text.length > 20 ? `${text.slice(0, 20)}...` : text)}`, () => {
      assert.throws(() => parseIndex(text), (e: unknown) => e instanceof IndexError && message.test(e.message));
    });
  }

  it("never throws anything but IndexError on garbage", () => {
    const alphabet = fc.constantFrom(..."0123456789:,[]().-+ eE_xNoneTrueFalsElip\t\né&");
    const check = (text: string): void => {
      try {
        assert.ok(Array.isArray(parseIndex(text)));
      } catch (e) {
        if (!(e instanceof IndexError)) throw e;
        assert.match(e.message, /^invalid index ".*": .+ at position \d+$/s);
      }
    };
    fc.assert(fc.property(fc.string({ unit: alphabet, maxLength: 40 }), check), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 40 }), check), { numRuns: 2000 });
  });
});

/** Parts that an index string can spell, for the round trip. */
const literalPart: fc.Arbitrary<LiteralIndexPart> = (() => {
  const int = fc.integer({ min: -1e6, max: 1e6 });
  const bound = fc.option(int, { nil: null });
  const list = fc.letrec<{ list: IndexList }>((tie) => ({
    list: fc.oneof(
      { depthSize: "small" },
      fc.array(int, { maxLength: 4 }),
      fc.array(fc.boolean(), { maxLength: 4 }),
      fc.array(tie("list"), { maxLength: 3 }),
    ),
  })).list;
  return fc.oneof(
    int,
    fc.boolean(),
    fc.constant(null),
    fc.constant(ELLIPSIS),
    fc.tuple(bound, bound, bound).map(([a, b, c]) => slice(a, b, c)),
    fc.tuple(bound, bound).map(([a, b]) => slice(a, b)),
    list,
  );
})();

describe("formatIndex", () => {
  it("writes NumPy notation", () => {
    assert.equal(formatIndex([slice(1, null), ELLIPSIS, null, [0, -1], true]), "1:, ..., None, [0, -1], True");
    assert.equal(formatIndex([slice(null, null, -1), [[true], [false]]]), "::-1, [[True], [False]]");
    assert.equal(formatIndex([]), "");
    assert.equal(formatIndex([new NDArray(Int32Array.of(1, 2), [2])]), "<int32 array (2,)>");
  });

  it("is read back by parseIndex to the same parts (string form = array form)", () => {
    fc.assert(
      fc.property(fc.array(literalPart, { maxLength: 6 }), (parts) => {
        assert.deepEqual(parseIndex(formatIndex(parts)), parts);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("toIndexParts", () => {
  it("parses strings, takes arrays as the tuple, and wraps a bare part", () => {
    const a = new NDArray(Int32Array.of(0, 2), [2]);
    assert.deepEqual(toIndexParts("1:, 0"), [slice(1, null), 0]);
    assert.deepEqual(toIndexParts("..."), [ELLIPSIS]);
    assert.deepEqual(toIndexParts([0, 2]), [0, 2]);
    assert.deepEqual(toIndexParts([[0, 2]]), [[0, 2]]);
    assert.deepEqual(toIndexParts(3), [3]);
    assert.deepEqual(toIndexParts(null), [null]);
    assert.deepEqual(toIndexParts(slice(1, 5)), [slice(1, 5)]);
    assert.equal(toIndexParts(a)[0], a);
  });
});
