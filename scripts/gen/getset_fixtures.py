"""NumPy's results for take, take_along_axis, put, compress, nonzero, argwhere and where(condition)
(test/getset/functions.test.ts), written to test/fixtures/getset/functions.json.

The array operated on is not stored: it is {shape, dtype, special} and the tests rebuild it as
values(i) = (7*i mod 11) - 3 over the C-order index i (bool: odd values); `special` float arrays
also hold -0.0 (i = 1 mod 5) and NaN (i = 3 mod 7), which a gather must keep bit for bit. Index,
condition and value arguments are stored as nested lists with a dtype (NaN and infinities as strings); `forms` says how the tests
may pass them (JS lists, NDArrays, BlockArrays): the generator checks that NumPy gives the same
outcome for a Python list wherever "js" is listed. Errors are NumPy's type and message.
Run: python3 scripts/gen/getset_fixtures.py (NumPy 2.x).
"""
import numpy as np

from fixtures_lib import encode, write

ARRAY_FORMS = ["ndarray", "blockarray"]
ALL_FORMS = ["js", *ARRAY_FORMS]


def values(shape, dtype="float64", special=False):
    n = int(np.prod(shape))
    v = (np.arange(n, dtype=np.int64) * 7 % 11 - 3).reshape(shape)
    if dtype == "bool":
        return v % 2 == 1
    a = v.astype(dtype)
    if special:
        flat = a.reshape(-1)
        i = np.arange(n)
        flat[i % 5 == 1] = -0.0
        flat[i % 7 == 3] = np.nan
    return a


def spec(shape, dtype="float64", special=False):
    return {"shape": list(shape), "dtype": dtype, "special": special}


def arg(vals, dtype):
    """An array argument: nested values plus the dtype its NDArray/BlockArray forms take."""
    a = np.asarray(vals, dtype=dtype)
    return {"values": a.tolist(), "dtype": dtype, "shape": list(a.shape)}


def outcome(fn):
    try:
        r = fn()
    except Exception as e:  # noqa: BLE001 - NumPy's exception is the expected outcome
        return {"error": {"type": type(e).__name__, "message": str(e).strip()}}
    if isinstance(r, tuple):
        return {"expected": [encode(np.asarray(x).astype(np.int32)) for x in r]}
    return {"expected": encode(r)}


def same(a, b):
    if "error" in a or "error" in b:
        return a == b
    return a == b


CASES = []


def case(name, fn, a, args, options, np_fn, forms=ALL_FORMS):
    """np_fn(array, *args as ndarrays) gives NumPy's outcome; "js" is kept only if a list agrees."""
    x = values(**a)
    as_arrays = [np.asarray(p["values"], dtype=p["dtype"]) if isinstance(p, dict) else p for p in args]
    result = outcome(lambda: np_fn(x.copy(), *as_arrays))
    if "js" in forms:
        as_lists = [p["values"] if isinstance(p, dict) else p for p in args]
        if not same(result, outcome(lambda: np_fn(x.copy(), *as_lists))):
            forms = [f for f in forms if f != "js"]
    CASES.append({"name": name, "fn": fn, "a": a, "args": [json_safe(p) for p in args], "options": options, "forms": forms, **result})


def json_safe(v):
    """NaN and infinities as the strings "NaN", "Infinity", "-Infinity" (JSON has no such numbers)."""
    if isinstance(v, dict):
        return {k: json_safe(x) for k, x in v.items()}
    if isinstance(v, list):
        return [json_safe(x) for x in v]
    if isinstance(v, float) and not np.isfinite(v):
        return "NaN" if np.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    return v


def index_fn(result_of):
    """Index arrays from Python lists become int64 arrays for NumPy (as numts's int32 ones)."""
    return lambda x, *args: result_of(x, *[np.asarray(p) if isinstance(p, list) else p for p in args])


def put_result(x, ind, v, mode="raise"):
    np.put(x, ind, v, mode=mode)
    return x


# -- take ------------------------------------------------------------------------------------
for a, ind, axis, mode in [
    (spec((10,), special=True), [0, 3, 9, -1, 3], None, "raise"),
    (spec((4, 6), special=True), [[0, 5], [23, -24]], None, "raise"),
    (spec((4, 6)), [5, 0, 2], 1, "raise"),
    (spec((4, 6)), [3, 0], 0, "raise"),
    (spec((4, 6)), [[1, 1], [3, 2]], -1, "raise"),
    (spec((3, 4, 5), "int32"), [4, 0, -2], 2, "raise"),
    (spec((3, 4, 5), "uint8"), [[2], [0]], 1, "raise"),
    (spec((5, 3), "bool"), [4, 4, 0], 0, "raise"),
    (spec((10,), "float32", True), [12, -13, 25], None, "wrap"),
    (spec((4, 6)), [7, -7, 2], 1, "wrap"),
    (spec((4, 6)), [7, -7, 2], 1, "clip"),
    (spec((4, 6)), [[30, -1]], None, "clip"),
    (spec((4, 6)), [], 0, "raise"),
    (spec((4, 0)), [], 1, "raise"),
    (spec((4, 6)), [6], 1, "raise"),
    (spec((4, 6)), [0, -25], None, "raise"),
    (spec((4, 6)), [1, 2, 9, 5], 1, "raise"),
    (spec((4, 0)), [0], 1, "wrap"),
    (spec((4, 6)), [0], 2, "raise"),
    (spec((4, 6)), [0], -3, "raise"),
]:
    case(f"take({tuple(a['shape'])}, {ind}, axis={axis}, mode={mode})", "take", a, [arg(ind, "int32")],
         {"axis": axis, "mode": mode}, index_fn(lambda x, i, axis=axis, mode=mode: np.take(x, i, axis=axis, mode=mode)))
for dtype in ["int8", "uint16", "uint32", "bool"]:
    case(f"take with {dtype} indices", "take", spec((4, 6)), [arg([1, 0, 1], dtype)], {"axis": 1},
         lambda x, i: np.take(x, i, axis=1))
case("take with float indices", "take", spec((4, 6)), [arg([1.0, 2.0], "float64")], {"axis": 0},
     lambda x, i: np.take(x, i, axis=0), forms=ARRAY_FORMS)
case("take with a bad mode", "take", spec((4, 6)), [arg([1], "int32")], {"mode": "foo"},
     index_fn(lambda x, i: np.take(x, i, mode="foo")))
case("take with a scalar index", "take", spec((4, 6)), [7], {}, lambda x, i: np.take(x, i))
case("take with a scalar index along an axis", "take", spec((4, 6)), [-2], {"axis": 1}, lambda x, i: np.take(x, i, axis=1))

# -- take_along_axis -------------------------------------------------------------------------
for a, ind, axis in [
    (spec((4, 6), special=True), [[2, 0, 1, 5, 4, 3], [0] * 6, [5, 4, 3, 2, 1, 0], [1] * 6], 1),
    (spec((4, 6)), [[3], [2], [1], [0]], 1),
    (spec((4, 6)), [[3, 2, 1, 0, 0, 1]], 0),
    (spec((4, 6)), [[-1, 0], [2, -2], [0, 0], [1, 1]], -1),
    (spec((3, 4, 5), "int16"), np.argsort(values((3, 4, 5)), axis=1).tolist(), 1),
    (spec((3, 4, 5)), np.argmax(values((3, 4, 5)), axis=2, keepdims=True).tolist(), 2),
    (spec((12,)), [11, 0, 5], None),
    (spec((4, 6)), [23, 0], None),
    (spec((4, 6)), [[6], [0], [0], [0]], 1),
    (spec((4, 6)), [[0, 1, 2], [0, 1, 2], [0, 1, 2]], 1),
    (spec((4, 6)), [0, 1], 1),
    (spec((4, 6)), [[0]], None),
    (spec((4, 6)), [[0]], 2),
]:
    case(f"takeAlongAxis({tuple(a['shape'])}, {np.shape(ind)}, axis={axis})", "takeAlongAxis", a, [arg(ind, "int32")],
         {"axis": axis}, lambda x, i, axis=axis: np.take_along_axis(x, i, axis=axis), forms=ARRAY_FORMS)
case("takeAlongAxis with uint8 indices", "takeAlongAxis", spec((2, 3)), [arg([[2], [0]], "uint8")], {"axis": 1},
     lambda x, i: np.take_along_axis(x, i, axis=1), forms=ARRAY_FORMS)
for dtype in ["float64", "bool"]:
    case(f"takeAlongAxis with {dtype} indices", "takeAlongAxis", spec((2, 3)), [arg([[1], [0]], dtype)], {"axis": 1},
         lambda x, i: np.take_along_axis(x, i, axis=1), forms=ARRAY_FORMS)

# -- put -------------------------------------------------------------------------------------
for a, ind, v, mode in [
    (spec((10,), special=True), [0, 3, 9], [-1.5, -2.5, -3.5], "raise"),
    (spec((4, 6), special=True), [0, 7, -1], [-1, -2], "raise"),
    (spec((4, 6)), [1, 2, 3, 4, 5], [9], "raise"),
    (spec((4, 6)), [0, 0, 5, 0], [1, 2, 3, 4], "raise"),
    (spec((4, 6), "int32"), [[23, 22], [21, 20]], [[7, 8], [9, 10]], "raise"),
    (spec((3, 4, 5), "uint8"), [59, 0, 30], [200, 100], "raise"),
    (spec((4, 6)), [30, -30], [1, 2], "wrap"),
    (spec((4, 6)), [30, -30], [1, 2], "clip"),
    (spec((4, 6)), [], [1], "raise"),
    (spec((4, 6)), [1, 2], [], "raise"),
    (spec((4, 6)), [24], [1], "raise"),
    (spec((4, 6)), [0, -25], [1], "raise"),
    (spec((4, 6), "bool"), [0, 1, 2], [0, 2, 0.5], "raise"),
    (spec((), "float64"), [0, 0], [3, 4], "raise"),
]:
    case(f"put({tuple(a['shape'])} {a['dtype']}, {ind}, {v}, mode={mode})", "put", a, [arg(ind, "int32"), arg(v, "float64")],
         {"mode": mode}, index_fn(lambda x, i, vv, mode=mode: put_result(x, i, vv, mode)), forms=ARRAY_FORMS)
    case(f"put({tuple(a['shape'])} {a['dtype']}, {ind}, JS {v}, mode={mode})", "put", a, [arg(ind, "int32"), v],
         {"mode": mode}, index_fn(lambda x, i, vv, mode=mode: put_result(x, i, vv, mode)))
for v in [[300], [-1], [1.5, np.nan], [np.inf]]:
    case(f"put(int8, JS {v})", "put", spec((4,), "int8"), [arg([0, 1], "int32"), v], {},
         index_fn(lambda x, i, vv: put_result(x, i, vv)), forms=["js"])
case("put with float indices", "put", spec((4,)), [arg([1.0], "float64"), 5.0], {},
     lambda x, i, vv: put_result(x, i, vv), forms=ARRAY_FORMS)
case("put with a bad mode", "put", spec((4,)), [arg([1], "int32"), 5.0], {"mode": "nope"},
     index_fn(lambda x, i, vv: put_result(x, i, vv, "nope")))

# -- compress --------------------------------------------------------------------------------
for a, cond, axis, dtype in [
    (spec((4, 6), special=True), [0, 1, 1, 0], 0, "bool"),
    (spec((4, 6)), [1, 0, 0, 1, 1, 0], 1, "bool"),
    (spec((4, 6)), [0, 1], 1, "bool"),
    (spec((4, 6)), [0, 1, 0, 0, 0, 0, 0, 0], 1, "bool"),
    (spec((4, 6)), [0, 1, 0, 0, 0, 0, 1], 1, "bool"),
    (spec((4, 6), "int16"), [3, 0, -1, 0], 0, "int8"),
    (spec((4, 6)), [1, 0, 1], None, "bool"),
    (spec((3, 4, 5), special=True), [0, 0, 1, 0, 1], -1, "float32"),
    (spec((4, 6)), [0, 0, 0, 0], 0, "bool"),
    (spec((4, 6)), [[1, 0]], 0, "bool"),
    (spec((4, 6)), [1, 0], 2, "bool"),
]:
    case(f"compress({cond}, {tuple(a['shape'])}, axis={axis})", "compress", a, [arg(cond, dtype)], {"axis": axis},
         lambda x, c, axis=axis: np.compress(c, x, axis=axis), forms=ARRAY_FORMS if dtype == "float32" else ALL_FORMS)

# -- nonzero, argwhere, where(condition) -----------------------------------------------------
for a in [spec((10,)), spec((4, 6)), spec((3, 4, 5), "int8"), spec((4, 6), "bool"), spec((5, 5), special=True),
          spec((0, 3)), spec((3, 0, 2), "bool")]:
    case(f"nonzero({tuple(a['shape'])} {a['dtype']})", "nonzero", a, [], {}, lambda x: np.nonzero(x))
    case(f"argwhere({tuple(a['shape'])} {a['dtype']})", "argwhere", a, [], {}, lambda x: np.argwhere(x).astype(np.int32))
    case(f"where({tuple(a['shape'])} {a['dtype']})", "where", a, [], {}, lambda x: np.where(x))
case("argwhere of a 0-d array", "argwhere", spec(()), [], {}, lambda x: np.argwhere(x).astype(np.int32))
case("nonzero of a 0-d array", "nonzero", spec(()), [], {}, lambda x: np.nonzero(x))

write("getset/functions.json", {"cases": CASES})
