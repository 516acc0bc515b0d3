#!/usr/bin/env python3
"""Generates test/fixtures/kernels/elementwise.json: NumPy's result for every elementwise op and
every loop numts implements (src/array/generated/ufunc-loops.ts), over special values of the loop's
dtypes (NaN, ±inf, ±0, subnormals, dtype min/max, negative divisors), plus the full cast matrix.

Arrays are stored as base64 of their little-endian bytes, so NaN, -0 and exact bits survive.
Inputs are contiguous and padded to a multiple of 16 elements: NumPy's float->uint32 cast gives
different answers in its SIMD main loop and its scalar tail, and numts follows the SIMD loop.
Run: python3 scripts/gen/kernel_elementwise.py (NumPy 2.x).
"""
import base64
import json
import os
import re
import warnings

import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "test", "fixtures", "kernels", "elementwise.json")
DTYPES = ["bool", "int8", "uint8", "int16", "uint16", "int32", "uint32", "float32", "float64"]
# numts op -> NumPy callable
NP = {"logicalNot": "logical_not", "floorDivide": "floor_divide", "floatPower": "float_power",
      "notEqual": "not_equal", "lessEqual": "less_equal", "greaterEqual": "greater_equal",
      "logicalAnd": "logical_and", "logicalOr": "logical_or", "logicalXor": "logical_xor",
      "bitwiseAnd": "bitwise_and", "bitwiseOr": "bitwise_or", "bitwiseXor": "bitwise_xor",
      "leftShift": "left_shift", "rightShift": "right_shift"}
# Ops whose NumPy and numts implementations are not correctly rounded: compared within ULP_TOL ulp.
TRANSCENDENTAL = ["cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan",
                  "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "arcsinh", "arccosh", "arctanh",
                  "power", "floatPower", "hypot", "arctan2", "logaddexp", "logaddexp2"]


def specials(dt):
    if dt == "bool":
        return [0, 1]
    if dt.startswith("float"):
        t = np.dtype(dt).type
        fi = np.finfo(dt)
        v = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 3.0, -7.0, 0.1, 7.0, 100.7, -100.7,
             1e10, -3e9, 3e9, 2.0**31, -2.0**31, 2.0**32, 65.0, -0.75, float(fi.max), -float(fi.max),
             float(fi.tiny), float(fi.smallest_subnormal), -float(fi.smallest_subnormal), float(fi.tiny) / 3,
             np.inf, -np.inf, np.nan, 88.5, -103.0, 710.0, -745.0, 1.5707963267948966, 1e-7]
        return [t(x) for x in v]
    ii = np.iinfo(dt)
    v = [0, 1, -1, 2, -2, 3, -3, 5, -5, 7, -7, 8, 13, 16, 31, 32, 33, 64, 100, -100,
         ii.min, ii.max, ii.min + 1, ii.max - 1]
    return sorted(set(x for x in v if ii.min <= x <= ii.max))


def binary_specials(dt):
    """A smaller set for pairwise (and triple) products, keeping every class of special value."""
    v = specials(dt)
    if not dt.startswith("float"):
        return v
    drop = {1.5, 2.5, -1.5, 7.0, 3e9, -2.0**31, 2.0**32, 88.5, -103.0, 710.0, -745.0, 1e-7}
    return [x for x in v if float(x) not in {float(np.dtype(dt).type(d)) for d in drop}]


def randoms(dt, n, rng):
    if dt.startswith("float"):
        return list(rng.standard_normal(n).astype(dt) * np.array(10, dtype=dt))
    return []


def enc(a):
    a = np.ascontiguousarray(a)
    if a.dtype == np.bool_:
        a = a.view(np.uint8)
    return base64.b64encode(a.astype(a.dtype.newbyteorder("<")).tobytes()).decode()


def pad16(*arrays):
    n = len(arrays[0])
    m = -(-max(n, 1) // 16) * 16
    return [np.concatenate([a, np.repeat(a[-1:], m - n)]) if m > n else a for a in arrays]


def loops():
    src = open(os.path.join(ROOT, "src", "array", "generated", "ufunc-loops.ts")).read()
    out = {}
    for m in re.finditer(r"^\s+(\w+): (\[\[.*\]\]),$", src, re.M):
        out[m.group(1)] = json.loads(m.group(2))
    return out


def inputs_for(op, ins, rng):
    if len(ins) == 1:
        vals = specials(ins[0]) + randoms(ins[0], 64, rng)
        return [np.array(vals, dtype=ins[0])]
    if len(ins) == 2:
        a = binary_specials(ins[0])
        b = binary_specials(ins[1])
        if op in ("power",) and not ins[1].startswith("float"):
            b = [x for x in b if x >= 0 and x <= 40] + [np.iinfo(ins[1]).max]
        if op == "ldexp":
            b = [x for x in b if -100 <= x <= 100] + [1100, -1100, 2000, -2000, -1074, -1080]
        xa = np.array([x for x in a for _ in b], dtype=ins[0])
        xb = np.array([y for _ in a for y in b], dtype=ins[1])
        if ins[0].startswith("float"):
            ra = np.array(randoms(ins[0], 128, rng), dtype=ins[0])
            rb = np.array(randoms(ins[1], 128, rng), dtype=ins[1]) if ins[1].startswith("float") else \
                np.array(rng.integers(-30, 30, 128), dtype=ins[1])
            xa, xb = np.concatenate([xa, ra]), np.concatenate([xb, rb])
        return [xa, xb]
    # ternary: where(bool, T, T) or clip(T, T, T)
    s = binary_specials(ins[1])[::3] if ins[1] != "bool" else [0, 1]
    if ins[0] == "bool" and op == "where":
        c = [0, 1]
        trip = [(x, y, z) for x in c for y in s for z in s]
    else:
        trip = [(x, y, z) for x in s for y in s for z in s]
    return [np.array([t[i] for t in trip], dtype=ins[i]) for i in range(3)]


def main():
    rng = np.random.default_rng(12345)
    cases = []
    warnings.simplefilter("ignore")
    table = loops()
    for op, lps in table.items():
        fn = np._core.umath.clip if op == "clip" else getattr(np, NP.get(op, op))
        for loop in lps:
            ins, out = loop[:-1], loop[-1]
            arrays = pad16(*inputs_for(op, ins, rng))
            with np.errstate(all="ignore"):
                res = fn(*arrays)
            assert res.dtype == np.dtype(out), (op, loop, res.dtype)
            cases.append({"op": op, "dtypes": loop, "inputs": [enc(a) for a in arrays], "expected": enc(res),
                          "ulp": op in TRANSCENDENTAL and out.startswith("float")})
    for dt in DTYPES:  # where(bool, T, T) -> T is not a NumPy ufunc loop list entry
        loop = ["bool", dt, dt, dt]
        arrays = pad16(*inputs_for("where", loop[:-1], rng))
        cases.append({"op": "where", "dtypes": loop, "inputs": [enc(a) for a in arrays],
                      "expected": enc(np.where(arrays[0], arrays[1], arrays[2])), "ulp": False})
    for src in DTYPES:  # the full cast matrix (astype, unsafe)
        for dst in DTYPES:
            vals = specials(src) + randoms(src, 32, rng)
            a, = pad16(np.array(vals, dtype=src))
            with np.errstate(all="ignore"):
                res = a.astype(dst)
            cases.append({"op": "cast", "dtypes": [src, dst], "inputs": [enc(a)], "expected": enc(res), "ulp": False})
    with open(OUT, "w") as f:
        json.dump({"generator": "scripts/gen/kernel_elementwise.py", "numpy": np.__version__, "cases": cases}, f)
    print(f"{len(cases)} cases -> {OUT} ({os.path.getsize(OUT) // 1024} KiB)")


if __name__ == "__main__":
    main()
