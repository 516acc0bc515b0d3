#!/usr/bin/env python3
"""Expected values and error messages of the contraction functions, from NumPy.

  python3 scripts/gen/contract_fixtures.py

Writes test/fixtures/contract/cases.json (inputs, options and NumPy's result per case) and
test/fixtures/contract/errors.json (bad inputs with NumPy's exception class and message).
Float inputs are small integers unless a case asks for "random" values, so most results are exact
whatever order the sums run in; random cases are compared with tolerances.
"""
import numpy as np

from fixtures_lib import encode, write

rng = np.random.default_rng(20261125)


def ints(shape, dtype="float64", lo=-4, hi=5):
    return rng.integers(lo, hi, size=shape).astype(dtype)


def rand(shape, dtype="float64"):
    return rng.standard_normal(shape).astype(dtype)


def bools(shape):
    return rng.integers(0, 2, size=shape).astype(bool)


CASES = []


def case(name, fn, args, expected, tol=None, **extra):
    CASES.append({"name": name, "fn": fn, "args": [encode(a) for a in args], "expected": encode(expected),
                  "tol": tol, **extra})


def tr(a, flags):
    """The arrays a test passes: flagged ones are stored transposed and read as `.T` views."""
    return [np.ascontiguousarray(x.T) if f else x for x, f in zip(a, flags)]


# -- matmul ------------------------------------------------------------------------------------
mm = [
    ("2d", [ints((4, 6)), ints((6, 5))]),
    ("1d-2d", [ints(6), ints((6, 5))]),
    ("2d-1d", [ints((4, 6)), ints(6)]),
    ("1d-1d", [ints(7), ints(7)]),
    ("batch", [ints((3, 4, 6)), ints((6, 5))]),
    ("batch-broadcast", [ints((2, 1, 4, 6)), ints((3, 6, 5))]),
    ("batch-right", [ints((4, 6)), ints((2, 6, 5))]),
    ("batch-1d", [ints(6), ints((2, 3, 6, 5))]),
    ("random", [rand((7, 9)), rand((9, 8))]),
    ("float32", [rand((5, 7), "float32"), rand((7, 6), "float32")]),
    ("int32-wrap", [ints((3, 4), "int32", -2**30, 2**30), ints((4, 5), "int32", -2**30, 2**30)]),
    ("int8-wrap", [ints((3, 4), "int8", -100, 100), ints((4, 5), "int8", -100, 100)]),
    ("uint8", [ints((3, 4), "uint8", 0, 200), ints((4, 2), "uint8", 0, 200)]),
    ("bool", [bools((4, 5)), bools((5, 3))]),
    ("int8-uint8", [ints((3, 4), "int8"), ints((4, 2), "uint8", 0, 9)]),
    ("float32-int32", [rand((3, 4), "float32"), ints((4, 2), "int32")]),
    ("int16-float32", [ints((3, 4), "int16"), rand((4, 2), "float32")]),
    ("empty-rows", [ints((0, 3)), ints((3, 2))]),
    ("empty-k", [ints((2, 0)), ints((0, 2))]),
]
for name, args in mm:
    tol = "float32" if any(a.dtype == np.float32 for a in args) else ("float" if name == "random" else None)
    case(f"matmul {name}", "matmul", args, np.matmul(*args), tol)
for flags in ([True, False], [False, True], [True, True]):
    x, y = ints((4, 5)), ints((5, 6))
    case(f"matmul transposed {flags}", "matmul", tr([x, y], flags), x @ y, transpose=flags)

# -- dot, vdot, inner, outer -------------------------------------------------------------------
for name, args in [
    ("1d", [ints(6), ints(6)]),
    ("2d", [ints((3, 4)), ints((4, 5))]),
    ("3d-1d", [ints((2, 3, 4)), ints(4)]),
    ("nd-md", [ints((2, 3, 4)), ints((5, 4, 3))]),
    ("0d-2d", [np.float64(3), ints((2, 3))]),
    ("2d-0d", [ints((2, 3)), np.float64(-2)]),
    ("int8", [ints((3, 4), "int8", -100, 100), ints((4, 2), "int8", -100, 100)]),
]:
    case(f"dot {name}", "dot", args, np.dot(*args))
for name, args in [
    ("2d", [ints((3, 5)), ints((3, 5))]),
    ("shapes-differ", [ints((2, 6)), ints((3, 4))]),
    ("1d", [rand(9), rand(9)]),
    ("bool", [bools(7), bools(7)]),
    ("0d", [np.float64(2), ints(1)]),
]:
    case(f"vdot {name}", "vdot", args, np.vdot(*args), "float" if name == "1d" else None)
for name, args in [
    ("2d", [ints((3, 5)), ints((4, 5))]),
    ("1d", [ints(5), ints(5)]),
    ("3d-2d", [ints((2, 3, 4)), ints((5, 4))]),
    ("0d", [np.float64(2), ints((2, 3))]),
]:
    case(f"inner {name}", "inner", args, np.inner(*args))
for name, args in [
    ("1d", [ints(4), ints(5)]),
    ("nd", [ints((2, 3)), ints(4)]),
    ("0d", [np.float64(2), ints(3)]),
    ("bool", [bools(3), bools(4)]),
]:
    case(f"outer {name}", "outer", args, np.outer(*args))

# -- tensordot ---------------------------------------------------------------------------------
for name, args, axes in [
    ("default", [ints((3, 4, 5)), ints((4, 5, 2))], None),
    ("axes 1", [ints((3, 4)), ints((4, 5))], 1),
    ("axes 0", [ints((2, 3)), ints(4)], 0),
    ("lists", [ints((3, 4, 5)), ints((5, 3, 2))], [[0, 2], [1, 0]]),
    ("negative", [ints((3, 4)), ints((4, 5))], [[-1], [-2]]),
    ("pair of ints", [ints((3, 4)), ints((4, 5))], [1, 0]),
    ("all axes", [ints((3, 4)), ints((3, 4))], 2),
    ("float32", [rand((3, 4), "float32"), rand((4, 2), "float32")], 1),
]:
    kw = {} if axes is None else {"axes": axes}
    case(f"tensordot {name}", "tensordot", args, np.tensordot(*args, **kw),
         "float32" if name == "float32" else None, options=kw)

# -- einsum ------------------------------------------------------------------------------------
for subs, args in [
    ("ij,jk->ik", [ints((4, 6)), ints((6, 5))]),
    ("ij,jk", [ints((4, 6)), ints((6, 5))]),
    ("ij,jk->ki", [ints((4, 6)), ints((6, 5))]),
    ("ik,jk->ij", [ints((4, 6)), ints((5, 6))]),
    ("ji,jk->ik", [ints((6, 4)), ints((6, 5))]),
    ("ij,kj,lk->il", [ints((3, 4)), ints((5, 4)), ints((2, 5))]),
    ("ij,jk,kl->il", [ints((3, 4)), ints((4, 5)), ints((5, 2))]),
    ("ijk,jr,kr->ir", [ints((4, 5, 6)), ints((5, 3)), ints((6, 3))]),
    ("bij,bjk->bik", [ints((3, 2, 4)), ints((3, 4, 5))]),
    ("ij->ji", [ints((3, 4))]),
    ("ij->", [ints((3, 4))]),
    ("ij->j", [ints((3, 4))]),
    ("ij", [ints((3, 4))]),
    ("ba", [ints((3, 4))]),
    ("Ba", [ints((3, 4))]),
    ("ii", [ints((5, 5))]),
    ("ii->i", [ints((5, 5))]),
    ("iij->ji", [ints((4, 4, 3))]),
    ("iji->ij", [ints((3, 2, 3))]),
    ("i,i", [ints(6), ints(6)]),
    ("i,i->i", [ints(6), ints(6)]),
    ("i,j->ij", [ints(4), ints(5)]),
    ("i,j", [ints(4), ints(5)]),
    ("ij,ij->ij", [ints((1, 3)), ints((2, 3))]),
    ("i,i", [ints(1), ints(6)]),
    (",i", [np.float64(2), ints(3)]),
    ("i j -> j", [ints((2, 3))]),
    ("...ij,...jk->...ik", [ints((2, 1, 3, 4)), ints((5, 4, 2))]),
    ("...ij,...jk", [ints((2, 3, 4)), ints((4, 5))]),
    ("i...->...", [ints((3, 2, 4))]),
    ("...ii->...i", [ints((2, 4, 4))]),
    ("ij...,jk...->ik...", [ints((3, 4, 2)), ints((4, 5, 2))]),
    ("i...j,j...k->...ik", [ints((2, 5, 3)), ints((3, 5, 4))]),
    ("...,...", [ints((2, 3)), ints((4, 1, 3))]),
    ("i,...", [ints(3), ints((4, 3))]),
    ("...", [ints((2, 3))]),
    ("ijk,jk->i", [rand((6, 7, 5)), rand((7, 5))]),
    ("ij,ik,il->jkl", [ints((3, 2)), ints((3, 3)), ints((3, 2))]),
    ("ij,j->i", [ints((5, 4)), ints(4)]),
    ("ij,jk->k", [ints((3, 4)), ints((4, 5))]),
]:
    tol = "float" if any(a.dtype == np.float64 and not np.all(a == np.round(a)) for a in args) else None
    case(f"einsum {subs}", "einsum", args, np.einsum(subs, *args), tol, subscripts=subs)
for subs, args, dtype in [
    ("ij,jk", [bools((3, 4)), bools((4, 2))], None),
    ("ij,jk", [ints((3, 4), "int8", -100, 100), ints((4, 2), "int8", -100, 100)], None),
    ("ii", [ints((4, 4), "int8", -100, 100)], None),
    ("i->", [bools(5)], None),
    ("ij,jk", [ints((3, 4), "int32"), ints((4, 2), "int16")], None),
    ("ij,jk", [ints((3, 4), "int32"), ints((4, 2), "int32")], "float64"),
    ("ij,jk", [rand((3, 4), "float32"), rand((4, 2), "float32")], None),
]:
    kw = {} if dtype is None else {"dtype": dtype}
    res = np.einsum(subs, *args, **kw)
    tol = "float32" if res.dtype == np.float32 else None
    case(f"einsum {subs} {[str(a.dtype) for a in args]} {dtype or ''}", "einsum", args, res, tol, subscripts=subs,
         options=kw)
args = [ints((3, 4)), ints((4, 5))]
case("einsum sublists", "einsum", args, np.einsum(args[0], [0, 1], args[1], [1, 2], [0, 2]),
     sublists=[[0, 1], [1, 2]], out=[0, 2])
args = [ints((3, 4))]
case("einsum sublists ellipsis", "einsum", args, np.einsum(args[0], [0, Ellipsis], [Ellipsis]),
     sublists=[[0, "..."]], out=["..."])

# -- trace -------------------------------------------------------------------------------------
for name, a, opts in [
    ("2d", ints((5, 5)), {}),
    ("rect", ints((4, 6)), {}),
    ("offset", ints((4, 6)), {"offset": 2}),
    ("negative offset", ints((5, 4)), {"offset": -1}),
    ("offset past the end", ints((4, 6)), {"offset": 7}),
    ("3d axes", ints((2, 4, 4)), {"axis1": 1, "axis2": 2}),
    ("3d reversed axes", ints((4, 3, 5)), {"axis1": 2, "axis2": 0, "offset": 1}),
    ("negative axes", ints((3, 4, 4)), {"axis1": -1, "axis2": -2}),
    ("int32", ints((4, 4), "int32"), {}),
    ("bool", bools((4, 4)), {}),
    ("float32", rand((4, 4), "float32"), {}),
    ("dtype", ints((4, 4), "int8"), {"dtype": "float32"}),
]:
    kw = {k: v for k, v in opts.items()}
    res = np.trace(a, **kw)
    exp = np.asarray(res)
    if exp.dtype in (np.int64, np.uint64):
        exp = exp.astype(np.float64)  # numts accumulates integers in float64
    case(f"trace {name}", "trace", [a], exp, "float32" if exp.dtype == np.float32 else None, options=opts)

# -- kron --------------------------------------------------------------------------------------
for name, args in [
    ("2d", [ints((2, 3)), ints((4, 2))]),
    ("1d", [ints(3), ints(4)]),
    ("ndim differ", [ints((2, 3)), ints((2, 2, 2))]),
    ("0d", [np.float64(3), ints((2, 2))]),
    ("bool", [bools((2, 2)), bools((2, 3))]),
    ("int8", [ints((2, 2), "int8", -100, 100), ints((3, 2), "int8", -100, 100)]),
]:
    case(f"kron {name}", "kron", args, np.kron(*args))

write("contract/cases.json", {"cases": CASES})

# -- bad input ---------------------------------------------------------------------------------
ERRORS = []
NUMTS_CLASS = {}


def error(name, fn, shapes, numts_class, dtypes=None, **extra):
    """Records NumPy's exception for `fn` on zero arrays of `shapes`."""
    dtypes = dtypes or ["float64"] * len(shapes)
    arrays = [np.zeros(s, d) for s, d in zip(shapes, dtypes)]
    try:
        if fn == "einsum":
            if "sublists" in extra:
                seq = [x for pair in zip(arrays, extra["sublists"]) for x in pair]
                np.einsum(*seq)
            else:
                np.einsum(extra["subscripts"], *arrays, **extra.get("options", {}))
        elif fn == "tensordot":
            np.tensordot(*arrays, **extra.get("options", {}))
        elif fn == "trace":
            np.trace(*arrays, **extra.get("options", {}))
        else:
            getattr(np, fn)(*arrays)
    except Exception as e:  # noqa: BLE001 - every NumPy exception is a fixture
        ERRORS.append({"name": name, "fn": fn, "shapes": [list(s) for s in shapes], "dtypes": dtypes,
                       "numpyClass": type(e).__name__, "numtsClass": numts_class, "message": str(e), **extra})
        return
    raise SystemExit(f"{name}: NumPy raised nothing")


error("matmul core mismatch", "matmul", [(2, 3), (4, 5)], "ShapeError")
error("matmul core mismatch 1-D", "matmul", [(3,), (4,)], "ShapeError")
error("matmul core mismatch brief", "matmul", [(2, 4), (3, 2)], "ShapeError")
error("matmul 0-d first", "matmul", [(), (3,)], "ShapeError")
error("matmul 0-d second", "matmul", [(3,), ()], "ShapeError")
error("matmul batch mismatch", "matmul", [(2, 3, 4), (5, 4, 2)], "ShapeError")
error("matmul batch mismatch 4-D", "matmul", [(2, 3, 3, 4), (5, 4, 2)], "ShapeError")
error("matmul core before batch", "matmul", [(2, 3, 4), (5, 3, 2)], "ShapeError")
error("dot not aligned", "dot", [(2, 3), (4, 5)], "ShapeError")
error("dot not aligned 1-D", "dot", [(3,), (4,)], "ShapeError")
error("dot not aligned N-D", "dot", [(2, 3, 4), (2, 5, 6)], "ShapeError")
error("inner not aligned", "inner", [(2, 3), (2, 4)], "ShapeError")
error("inner not aligned N-D", "inner", [(2, 3, 4), (5, 6, 7, 3)], "ShapeError")
error("inner not aligned 1-D", "inner", [(3,), (5, 6, 4)], "ShapeError")
error("vdot sizes", "vdot", [(3,), (4,)], "ShapeError")
error("tensordot shape mismatch", "tensordot", [(2, 3), (4, 5)], "ShapeError", options={"axes": 1})
error("tensordot list lengths", "tensordot", [(2, 3), (3, 5)], "ShapeError", options={"axes": [[1, 0], [0]]})
error("tensordot axis out of range", "tensordot", [(2, 3), (3, 5)], "IndexError", options={"axes": [[5], [0]]})
error("tensordot too many axes", "tensordot", [(2, 3), (3, 5)], "IndexError", options={"axes": 3})
error("tensordot duplicate axes", "tensordot", [(2, 3), (2, 3)], "AxisError", options={"axes": [[0, 0], [0, 1]]})
for name, subs, shapes, cls in [
    ("too few operands", "ij,jk->ik", [(2, 3)], "SubscriptError"),
    ("too many operands", "ij->ij", [(2, 3), (3,)], "SubscriptError"),
    ("trailing comma", "i,j,", [(2,), (3,)], "SubscriptError"),
    ("digit", "i1,jk->ik", [(2, 3), (3, 4)], "SubscriptError"),
    ("symbol in operand", "ij>i", [(2, 3)], "SubscriptError"),
    ("symbol in output", "ij->i>", [(2, 3)], "SubscriptError"),
    ("second arrow", "ij->i->j", [(2, 3)], "SubscriptError"),
    ("bad arrow", "ij-->i", [(2, 3)], "SubscriptError"),
    ("output not in inputs", "ij,jk->iz", [(2, 3), (3, 4)], "SubscriptError"),
    ("output repeated", "ij,jk->iki", [(2, 3), (3, 4)], "SubscriptError"),
    ("too many subscripts", "ijk->i", [(2, 3)], "SubscriptError"),
    ("too few subscripts", "i->i", [(2, 3)], "SubscriptError"),
    ("subscripts for 0-d", "i", [()], "SubscriptError"),
    ("stray dot", "i..j", [(2, 3)], "SubscriptError"),
    ("stray dot in output", "ij->..", [(2, 3)], "SubscriptError"),
    ("output without ellipsis", "...ij->ij", [(4, 2, 3)], "SubscriptError"),
    ("dimension mismatch", "ij,jk->ik", [(2, 3), (4, 4)], "ShapeError"),
    ("dimension mismatch three", "i,j,i", [(2,), (3,), (4,)], "ShapeError"),
    ("ellipsis mismatch", "...ij,...jk", [(2, 3, 2, 3), (5, 3, 4)], "ShapeError"),
    ("implicit ellipsis mismatch", "...i,...i", [(2, 3), (4, 3)], "ShapeError"),
    ("repeated label single operand", "ii->i", [(2, 3)], "ShapeError"),
    ("repeated label trace", "ii", [(2, 3)], "ShapeError"),
    ("repeated label two operands", "iij,jk", [(2, 3, 3), (4, 4)], "ShapeError"),
    ("diagonal then mismatch", "iij,jk", [(2, 2, 3), (4, 4)], "ShapeError"),
]:
    error(f"einsum {name}", "einsum", shapes, cls, subscripts=subs)
error("einsum unsafe dtype", "einsum", [(2, 3), (3,)], "DtypeError", subscripts="ij,j", options={"dtype": "int32"})
error("einsum sublist range", "einsum", [(2, 3)], "SubscriptError", sublists=[[0, 60]])
error("trace 1-D", "trace", [(3,)], "ShapeError")
error("trace 0-d", "trace", [()], "ShapeError")
error("trace same axes", "trace", [(2, 3)], "AxisError", options={"axis1": 0, "axis2": 0})
error("trace axis2 out of range", "trace", [(2, 3)], "AxisError", options={"axis1": 0, "axis2": 5})
error("trace axis1 out of range", "trace", [(2, 3)], "AxisError", options={"axis1": -3, "axis2": 1})

write("contract/errors.json", {"errors": ERRORS})
