"""NumPy's results for the manipulation functions (test/manip/*.test.ts).

Inputs are not stored: each is described by {shape, dtype, transpose} and rebuilt by the tests as
values(i) = (7*i mod 11) - 3 over the C-order index i (bool: odd values), cast to dtype, then
transposed when `transpose` is set. Run: python3 scripts/gen/manip_fixtures.py
"""
import numpy as np

from fixtures_lib import encode, write


def values(shape, dtype="float64", transpose=False):
    shape = tuple(reversed(shape)) if transpose else tuple(shape)
    v = (np.arange(int(np.prod(shape)), dtype=np.int64) * 7 % 11 - 3).reshape(shape)
    a = (v % 2 == 1) if dtype == "bool" else v.astype(dtype)
    return a.T if transpose else a


def spec(shape, dtype="float64", transpose=False):
    return {"shape": list(shape), "dtype": dtype, "transpose": transpose}


CASES = []


def describe(inputs, list_input):
    parts = [f"{tuple(i['shape'])}{' ' + i['dtype'] if i['dtype'] != 'float64' else ''}{'.T' if i['transpose'] else ''}" for i in inputs]
    return f"[{', '.join(parts)}]" if list_input else parts[0]


def case(fn, inputs, args=(), options=None, np_fn=None, list_input=False, name=None):
    arrays = [values(**i) for i in inputs]
    first = arrays if list_input else arrays[0]
    kwargs = {} if options is None else {k: v for k, v in options.items()}
    result = np_fn(first, *args, **kwargs)
    expected = [encode(r) for r in result] if isinstance(result, list) else encode(result)
    label = name or f"{fn}({', '.join([describe(inputs, list_input)] + [repr(a) for a in args])}{', ' + repr(options) if options else ''})"
    CASES.append({"name": label, "fn": fn, "inputs": inputs, "list": list_input, "args": list(args), "options": options, "expected": expected})


# -- reshape, ravel, flatten -----------------------------------------------------------------
for shape, new in [((12,), (3, 4)), ((3, 4), (4, 3)), ((3, 4), (2, -1)), ((2, 3, 4), (6, 4)), ((2, 3, 4), (4, 6)),
                   ((2, 3, 4), (24,)), ((4, 6), (2, 2, 6)), ((4, 6), (2, 12)), ((1, 12, 1), (3, 1, 4)),
                   ((0, 3), (3, 0)), ((), (1, 1)), ((2, 3, 4), (3, 8)), ((5, 7), (7, 5)), ((4, 6, 5), (24, 5)),
                   ((6, 10), (3, 4, 5)), ((24,), (2, 3, 4))]:
    case("reshape", [spec(shape)], [list(new)], np_fn=lambda a, s: np.reshape(a, s))
case("reshape", [spec((3, 4), transpose=True)], [[6, 2]], np_fn=lambda a, s: np.reshape(a, s))
case("reshape", [spec((4, 6), "int32")], [[6, 4]], {"order": "F"}, np_fn=lambda a, s, order: np.reshape(a, s, order=order))
case("reshape", [spec((2, 3, 4), "uint8")], [[4, -1]], np_fn=lambda a, s: np.reshape(a, s))
for sp in [spec((3, 4)), spec((2, 3, 4)), spec((4, 5), transpose=True), spec((3, 5), "bool")]:
    case("ravel", [sp], np_fn=lambda a: np.ravel(a))
case("flatten", [spec((3, 4))], np_fn=lambda a: a.flatten())
case("ravel", [spec((3, 4))], [], {"order": "F"}, np_fn=lambda a, order: np.ravel(a, order=order))

# -- axes ------------------------------------------------------------------------------------
case("squeeze", [spec((1, 3, 1))], np_fn=lambda a: np.squeeze(a))
case("squeeze", [spec((1, 3, 1))], [0], np_fn=lambda a, ax: np.squeeze(a, ax))
case("squeeze", [spec((1, 3, 1))], [[0, -1]], np_fn=lambda a, ax: np.squeeze(a, tuple(ax)))
for ax in [0, -1, [0, 3], [1, 2]]:
    case("expandDims", [spec((3, 4))], [ax], np_fn=lambda a, ax: np.expand_dims(a, tuple(ax) if isinstance(ax, list) else ax))
case("swapaxes", [spec((2, 3, 4))], [0, 2], np_fn=np.swapaxes)
case("swapaxes", [spec((3, 4))], [-1, 0], np_fn=np.swapaxes)
case("moveaxis", [spec((2, 3, 4))], [0, -1], np_fn=np.moveaxis)
case("moveaxis", [spec((2, 3, 4))], [[0, 1], [-1, -2]], np_fn=np.moveaxis)
for shape, target in [((3,), (4, 3)), ((3, 1), (2, 3, 5)), ((), (2, 2)), ((1, 4), (3, 4)), ((2, 1), (2, 0))]:
    case("broadcastTo", [spec(shape)], [list(target)], np_fn=lambda a, t: np.broadcast_to(a, t))

# -- joining ---------------------------------------------------------------------------------
def np_concat(arrays, axis=0, dtype=None):
    return np.concatenate(arrays, axis=axis, dtype=dtype)


case("concatenate", [spec((3, 4)), spec((5, 4))], list_input=True, np_fn=np_concat)
case("concatenate", [spec((3, 4)), spec((3, 2))], [], {"axis": 1}, list_input=True, np_fn=np_concat)
case("concatenate", [spec((3, 4)), spec((3, 4)), spec((2, 4))], list_input=True, np_fn=np_concat)
case("concatenate", [spec((2, 3)), spec((3,))], [], {"axis": None}, list_input=True, np_fn=np_concat)
case("concatenate", [spec((2, 3, 4)), spec((2, 3, 2))], [], {"axis": -1}, list_input=True, np_fn=np_concat)
case("concatenate", [spec((2, 3), "int32"), spec((2, 3), "float32")], list_input=True, np_fn=np_concat)
case("concatenate", [spec((4,), "bool"), spec((3,), "int8")], list_input=True, np_fn=np_concat)
case("concatenate", [spec((0, 4)), spec((3, 4))], list_input=True, np_fn=np_concat)
case("concatenate", [spec((3, 4), "int32"), spec((2, 4), "int32")], [], {"dtype": "float32"}, list_input=True, np_fn=np_concat)
case("concatenate", [spec((6, 7)), spec((6, 7), transpose=True)], [], {"axis": 1}, list_input=True, np_fn=np_concat)
for axis in [0, 1, -1]:
    case("stack", [spec((3, 4)), spec((3, 4))], [], {"axis": axis}, list_input=True, np_fn=lambda a, axis: np.stack(a, axis=axis))
case("vstack", [spec((3,)), spec((3,))], list_input=True, np_fn=np.vstack)
case("vstack", [spec((2, 3)), spec((3,))], list_input=True, np_fn=np.vstack)
case("hstack", [spec((3,)), spec((2,))], list_input=True, np_fn=np.hstack)
case("hstack", [spec((3, 2)), spec((3, 4))], list_input=True, np_fn=np.hstack)
case("dstack", [spec((3,)), spec((3,))], list_input=True, np_fn=np.dstack)
case("dstack", [spec((2, 3)), spec((2, 3, 2))], list_input=True, np_fn=np.dstack)
case("columnStack", [spec((3,)), spec((3, 2))], list_input=True, np_fn=np.column_stack)

# -- splitting -------------------------------------------------------------------------------
def np_split(fn):
    return lambda a, s, axis=0: fn(a, s, axis=axis)


case("split", [spec((6,))], [3], np_fn=np_split(np.split))
case("split", [spec((10,))], [[2, 5]], np_fn=np_split(np.split))
case("split", [spec((10,))], [[-2, 12]], np_fn=np_split(np.split))
case("split", [spec((10,))], [[6, 2]], np_fn=np_split(np.split))
case("split", [spec((4, 6))], [2], {"axis": 1}, np_fn=np_split(np.split))
case("arraySplit", [spec((7,))], [3], np_fn=np_split(np.array_split))
case("arraySplit", [spec((5, 3))], [7], np_fn=np_split(np.array_split))
case("arraySplit", [spec((4, 9), "int16")], [4], {"axis": -1}, np_fn=np_split(np.array_split))
case("hsplit", [spec((4, 6))], [3], np_fn=np.hsplit)
case("vsplit", [spec((4, 6))], [[1]], np_fn=np.vsplit)
case("dsplit", [spec((2, 2, 4))], [2], np_fn=np.dsplit)

# -- tile, repeat ----------------------------------------------------------------------------
for shape, reps in [((3,), 2), ((3,), [2, 2]), ((2, 3), [2, 1]), ((2, 3), [1, 3, 2]), ((2, 2), [0, 1]), ((3,), 50),
                    ((4, 5), [3, 2]), ((2, 3), 1)]:
    case("tile", [spec(shape)], [reps], np_fn=np.tile)
case("tile", [spec((3, 2), "bool")], [[2, 2]], np_fn=np.tile)


def np_repeat(a, r, axis=None):
    return np.repeat(a, r, axis=axis)


case("repeat", [spec((2, 3))], [2], np_fn=np_repeat)
case("repeat", [spec((3, 4))], [[1, 0, 2]], {"axis": 0}, np_fn=np_repeat)
case("repeat", [spec((3, 4), "int32")], [3], {"axis": 1}, np_fn=np_repeat)
case("repeat", [spec((5,))], [[2]], np_fn=np_repeat)
case("repeat", [spec((3, 2))], [0], {"axis": 0}, np_fn=np_repeat)
case("repeat", [spec((7,))], [[3, 0, 1, 2, 0, 4, 1]], np_fn=np_repeat)
case("repeat", [spec((2, 5))], [[1, 2, 1, 2, 3]], {"axis": -1}, np_fn=np_repeat)
case("repeat", [spec((4,))], [40], np_fn=np_repeat)

# -- flips and rolls -------------------------------------------------------------------------
def np_flip(a, axis=None):
    return np.flip(a, axis=None if axis is None else tuple(axis) if isinstance(axis, list) else axis)


case("flip", [spec((2, 3, 4))], np_fn=np_flip)
case("flip", [spec((2, 3, 4))], [], {"axis": 1}, np_fn=np_flip)
case("flip", [spec((2, 3, 4))], [], {"axis": [0, 2]}, np_fn=np_flip)
case("flip", [spec((5, 4), transpose=True)], [], {"axis": 0}, np_fn=np_flip)
case("fliplr", [spec((3, 4))], np_fn=np.fliplr)
case("flipud", [spec((3, 4))], np_fn=np.flipud)


def np_roll(a, shift, axis=None):
    return np.roll(a, shift, axis=None if axis is None else tuple(axis) if isinstance(axis, list) else axis)


case("roll", [spec((10,))], [3], np_fn=np_roll)
case("roll", [spec((10,))], [-13], np_fn=np_roll)
case("roll", [spec((3, 4))], [5], np_fn=np_roll)
case("roll", [spec((3, 4))], [[1, 2]], {"axis": [0, 1]}, np_fn=np_roll)
case("roll", [spec((3, 4))], [[1, 1]], {"axis": [1, 1]}, np_fn=np_roll)
case("roll", [spec((3, 4), "uint16")], [7], {"axis": 1}, np_fn=np_roll)
case("roll", [spec((3, 4))], [2], {"axis": [0, 1]}, np_fn=np_roll)

# -- pad -------------------------------------------------------------------------------------
def np_pad(a, width, mode="constant", constantValues=None):
    if constantValues is None:
        return np.pad(a, width, mode=mode)
    return np.pad(a, width, mode=mode, constant_values=constantValues)


case("pad", [spec((3, 4))], [1], np_fn=np_pad)
case("pad", [spec((3, 4))], [[[1, 2], [0, 3]]], np_fn=np_pad)
case("pad", [spec((3, 4))], [[2, 1]], {"mode": "edge"}, np_fn=np_pad)
case("pad", [spec((3, 4))], [[[1, 2], [3, 1]]], {"constantValues": [[7, 8], [9, 10]]}, np_fn=np_pad)
case("pad", [spec((3, 4), "int32")], [1], {"constantValues": 1.7}, np_fn=np_pad)
case("pad", [spec((5,), "uint8")], [[[1, 2]]], {"constantValues": [300, -1]}, np_fn=np_pad)
case("pad", [spec((3,))], [[[7, 9]]], {"constantValues": 5}, np_fn=np_pad)
case("pad", [spec((3,))], [[[7, 9]]], {"mode": "edge"}, np_fn=np_pad)
case("pad", [spec((0, 3))], [1], np_fn=np_pad)
case("pad", [spec((2, 3, 2), "float32")], [[[1], [2], [0]]], {"mode": "edge"}, np_fn=np_pad)
case("pad", [spec((4, 3), "bool")], [1], {"constantValues": 2}, np_fn=np_pad)
case("pad", [spec((3, 4), transpose=True)], [[[0, 1], [2, 0]]], {"mode": "edge"}, np_fn=np_pad)

# -- triangles and diagonals -----------------------------------------------------------------
for fn, npf in [("tril", np.tril), ("triu", np.triu)]:
    for k in [0, -1, 2]:
        case(fn, [spec((4, 5))], [k], np_fn=npf)
    case(fn, [spec((2, 3, 4))], [], np_fn=npf)
    case(fn, [spec((4,))], [1], np_fn=npf)
    case(fn, [spec((3, 3), "bool")], [], np_fn=npf)
for k in [0, 2, -1]:
    case("diag", [spec((4,))], [k], np_fn=np.diag)
case("diag", [spec((3,), "int32")], [], np_fn=np.diag)
for k in [0, 1, -2, 10]:
    case("diag", [spec((4, 5))], [k], np_fn=np.diag)
case("diagonal", [spec((4, 5))], [], {"offset": 1}, np_fn=lambda a, offset: np.diagonal(a, offset))
case("diagonal", [spec((2, 3, 4))], [], {"offset": -1, "axis1": 1, "axis2": 2},
     np_fn=lambda a, offset, axis1, axis2: np.diagonal(a, offset, axis1, axis2))
case("diagonal", [spec((3, 4, 5))], [], {"axis1": 2, "axis2": 0}, np_fn=lambda a, axis1, axis2: np.diagonal(a, 0, axis1, axis2))
case("diagonal", [spec((6, 6), transpose=True)], [], {"offset": -2}, np_fn=lambda a, offset: np.diagonal(a, offset))

write("manip/cases.json", {"cases": CASES})
