#!/usr/bin/env python3
"""Generates test/fixtures/kernels/reduce.json and scan.json: NumPy's reductions (sum, prod, min,
max, argmin, argmax, all, any, the nan* variants and moments = count/mean/M2) over 0-d to 4-D
blocks along various axes, including empty blocks and NaN-bearing data, and NumPy's cumsum/cumprod
(and nan* variants) along each axis.

Arrays are base64 of little-endian bytes. Expected values are in numts's state layout: sums and
products in the sum dtype (numts uses float64 where NumPy uses int64), arg-reductions as the index
into the reduced axes flattened in C order (-1 for an all-NaN slice, where NumPy raises).
Run: python3 scripts/gen/kernel_reduce.py (NumPy 2.x).
"""
import base64
import itertools
import json
import os
import warnings

import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUTDIR = os.path.join(ROOT, "test", "fixtures", "kernels")

SHAPES = [(), (0,), (1,), (7,), (300,), (1100,), (5, 0), (4, 300), (300, 4), (3, 5, 7), (2, 3, 4, 5), (260, 3, 2)]
DTYPES = ["float64", "float32", "int32", "uint8", "int16", "bool"]
OPS = ["sum", "prod", "min", "max", "argmin", "argmax", "all", "any", "nansum", "nanprod", "nanmin", "nanmax",
       "nanargmin", "nanargmax", "moments", "nanmoments"]


def enc(a):
    a = np.ascontiguousarray(a)
    if a.dtype == np.bool_:
        a = a.view(np.uint8)
    return base64.b64encode(a.tobytes()).decode()


def sum_dtype(dt):
    return dt if dt.startswith("float") else "float64"


def data(shape, dt, rng, nan):
    n = int(np.prod(shape))
    if dt == "bool":
        return rng.random(n).reshape(shape) < 0.7
    if dt.startswith("float"):
        x = (rng.standard_normal(n) * 3 + 1).astype(dt)
        if nan and n > 0:
            x[rng.random(n) < 0.05] = np.nan
            if n > 3:
                x[:2] = np.nan  # an all-NaN slice along a short axis is likely
        return x.reshape(shape)
    lo, hi = (-3, 4) if dt != "uint8" else (0, 4)
    return rng.integers(lo, hi, n).astype(dt).reshape(shape)


def moved(x, axes):
    """x with the reduced axes moved last and flattened (NumPy has no multi-axis argmin)."""
    kept = [d for d in range(x.ndim) if d not in axes]
    y = np.transpose(x, kept + list(axes))
    return y.reshape(tuple(x.shape[d] for d in kept) + (-1,))


def expected(op, x, axes):
    """Outputs in numts's state layout, each with keepdims shape."""
    kshape = tuple(1 if d in axes else s for d, s in enumerate(x.shape))
    ax = tuple(axes)
    dt = x.dtype.name
    with np.errstate(all="ignore"):
        if op in ("sum", "nansum", "prod", "nanprod"):
            f = getattr(np, op)
            acc = np.int64 if not dt.startswith("float") else (np.float64 if dt == "float32" and False else dt)
            r = f(x, axis=ax, keepdims=True, dtype=acc)
            return [r.astype(sum_dtype(dt))]
        if op in ("min", "max", "nanmin", "nanmax"):
            if x.size == 0 or any(x.shape[d] == 0 for d in axes):
                return None
            return [getattr(np, op)(x, axis=ax, keepdims=True)]
        if op in ("all", "any"):
            return [getattr(np, op)(x, axis=ax, keepdims=True)]
        if op in ("argmin", "argmax", "nanargmin", "nanargmax"):
            if any(x.shape[d] == 0 for d in axes) or x.size == 0:
                return None
            y = moved(x, axes)
            flat = y.reshape(-1, y.shape[-1])
            idx = []
            val = []
            for row in flat:
                try:
                    i = int(getattr(np, op)(row))
                    idx.append(i)
                    val.append(row[i])
                except ValueError:  # all-NaN slice
                    idx.append(-1)
                    val.append(np.nan)
            return [np.array(val, dtype=dt).reshape(kshape), np.array(idx, dtype=np.float64).reshape(kshape)]
        if op in ("moments", "nanmoments"):
            xf = x.astype(np.float64)
            if op == "nanmoments":
                n = np.sum(~np.isnan(xf), axis=ax, keepdims=True).astype(np.float64)
                mean = np.nanmean(xf, axis=ax, keepdims=True)
                m2 = np.nanvar(xf, axis=ax, keepdims=True) * n
            else:
                n = np.full(kshape, float(np.prod([x.shape[d] for d in axes])))
                mean = np.mean(xf, axis=ax, keepdims=True)
                m2 = np.var(xf, axis=ax, keepdims=True) * n
            mean = np.where(n == 0, 0, mean)
            m2 = np.where(n == 0, 0, m2)
            return [n, mean, m2]
    raise ValueError(op)


def axes_for(nd):
    if nd == 0:
        return [()]
    out = [tuple(c) for k in range(1, nd + 1) for c in itertools.combinations(range(nd), k)]
    return out if nd < 4 else [(0,), (3,), (1, 2), (0, 3), (0, 1, 2, 3)]


def main():
    warnings.simplefilter("ignore")
    rng = np.random.default_rng(7)
    cases = []
    arrays = []
    for shape in SHAPES:
        for dt in (DTYPES if len(shape) <= 1 else ["float64", "float32", "int32"] if len(shape) == 2 else ["float64", "int16"]):
            for nan in ([False, True] if dt.startswith("float") else [False]):
                x = data(shape, dt, rng, nan)
                arrays.append({"dtype": dt, "shape": list(shape), "data": enc(x)})
                for axes in axes_for(len(shape)):
                    for op in OPS:
                        if op.startswith("nan") and not dt.startswith("float") and op not in ("nansum",):
                            continue
                        if dt == "bool" and op not in ("sum", "all", "any", "min", "max", "argmax"):
                            continue
                        exp = expected(op, x, axes)
                        if exp is None:
                            continue
                        cases.append({"op": op, "input": len(arrays) - 1, "axes": list(axes),
                                      "expected": [enc(e) for e in exp],
                                      "stateDtypes": [e.dtype.name for e in exp]})
    path = os.path.join(OUTDIR, "reduce.json")
    with open(path, "w") as f:
        json.dump({"generator": "scripts/gen/kernel_reduce.py", "numpy": np.__version__, "arrays": arrays,
                   "cases": cases}, f)
    print(f"{len(cases)} reduce cases -> {path} ({os.path.getsize(path) // 1024} KiB)")

    scans = []
    for shape in [(0,), (9,), (300,), (4, 5), (3, 1, 6), (2, 3, 4)]:
        for dt, out in [("float64", "float64"), ("float32", "float32"), ("int8", "float64"), ("int32", "int32"),
                        ("uint8", "uint8"), ("bool", "float64")]:
            x = data(shape, dt, rng, dt.startswith("float"))
            for axis in range(len(shape)):
                for op in ["cumsum", "cumprod", "nancumsum", "nancumprod"]:
                    if op.startswith("nan") and not dt.startswith("float"):
                        continue
                    with np.errstate(all="ignore"):
                        r = getattr(np, op)(x, axis=axis, dtype=out)
                    scans.append({"op": op, "dtype": dt, "out": out, "shape": list(shape), "axis": axis,
                                  "data": enc(x), "expected": enc(r)})
    path = os.path.join(OUTDIR, "scan.json")
    with open(path, "w") as f:
        json.dump({"generator": "scripts/gen/kernel_reduce.py", "numpy": np.__version__, "cases": scans}, f)
    print(f"{len(scans)} scan cases -> {path} ({os.path.getsize(path) // 1024} KiB)")


if __name__ == "__main__":
    main()
