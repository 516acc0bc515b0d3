#!/usr/bin/env python3
"""Generates test/fixtures/kernels/programs.json: fused multi-instruction programs evaluated by
NumPy over strided views (broadcast stride 0, transposed, negative strides, offsets), so the
kernels' n-d iteration, coalescing, gathering and register handling are checked end to end.

Each case stores the base buffers (base64, little-endian), each input's view (offset, shape,
strides in elements), the program and NumPy's results. Run: python3 scripts/gen/kernel_programs.py
"""
import base64
import json
import os

import numpy as np
from numpy.lib.stride_tricks import as_strided

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "test", "fixtures", "kernels", "programs.json")


def enc(a):
    a = np.ascontiguousarray(a)
    if a.dtype == np.bool_:
        a = a.view(np.uint8)
    return base64.b64encode(a.tobytes()).decode()


def view(base, offset, shape, strides):
    it = base.itemsize
    return as_strided(base[offset:], shape=shape, strides=[s * it for s in strides])


def main():
    rng = np.random.default_rng(3)
    cases = []

    def add(name, program, bases, views, fn, ulp=0):
        arrays = [view(bases[b], o, sh, st) for b, o, sh, st in views]
        with np.errstate(all="ignore"):
            res = fn(*arrays)
        res = res if isinstance(res, tuple) else (res,)
        cases.append({"name": name, "program": program, "ulp": ulp,
                      "bases": [{"dtype": b.dtype.name, "data": enc(b)} for b in bases],
                      "views": [{"base": b, "offset": o, "shape": list(sh), "strides": list(st)} for b, o, sh, st in views],
                      "results": [{"dtype": r.dtype.name, "data": enc(r)} for r in res]})

    f = rng.standard_normal(4000)
    g = rng.standard_normal(4000)
    # exp(a)*b + 1: a transposed (40x50 stored column-major), b a broadcast row. b > 0 so the
    # +1 does not cancel (which would turn exp's few ulps into many).
    add("exp(a)*b+1, a transposed, b broadcast row",
        {"regs": ["float64"] * 5, "nInputs": 2, "consts": [[3, 1]], "code": [["exp", 2, 0], ["multiply", 2, 2, 1], ["add", 4, 2, 3]],
         "results": [4]},
        [f, np.abs(g) + 0.1], [(0, 7, (50, 40), (1, 50)), (1, 3, (50, 40), (0, 1))],
        lambda a, b: np.exp(a) * b + 1, ulp=4)
    # negative strides on both axes, short runs (gather path), two results.
    add("a-b and a<b over reversed views with short rows",
        {"regs": ["float64", "float64", "float64", "bool"], "nInputs": 2, "consts": [],
         "code": [["subtract", 2, 0, 1], ["less", 3, 0, 1]], "results": [2, 3]},
        [f, g], [(0, 3999, (400, 3), (-10, -1)), (1, 0, (400, 3), (3, 1))],
        lambda a, b: (a - b, a < b))
    i = rng.integers(-2**31, 2**31, 3000, dtype=np.int64).astype(np.int32)
    j = rng.integers(-2**31, 2**31, 3000, dtype=np.int64).astype(np.int32)
    # where(a > b, a*3, b - a) in int32 (wraps), b broadcast along the inner axis.
    add("where(a > b, a*3, b - a) int32 with a column broadcast",
        {"regs": ["int32", "int32", "int32", "bool", "int32", "int32", "int32"], "nInputs": 2, "consts": [[2, 3]],
         "code": [["greater", 3, 0, 1], ["multiply", 4, 0, 2], ["subtract", 5, 1, 0], ["where", 6, 3, 4, 5]], "results": [6]},
        [i, j], [(0, 0, (30, 100), (100, 1)), (1, 5, (30, 100), (1, 0))],
        lambda a, b: np.where(a > b, a * np.int32(3), b - a))
    h = (rng.standard_normal(2000) * 1000).astype(np.float32)
    k = rng.integers(-30000, 30000, 2000).astype(np.int16)
    # float32 sqrt(|a|) + float32(b), 3-D with a permuted view and a constant folded in.
    add("sqrt(|a|) + cast(b) * 0.5, float32, permuted 3-D",
        {"regs": ["float32", "int16", "float32", "float32", "float32", "float32", "float32"], "nInputs": 2, "consts": [[5, 0.5]],
         "code": [["absolute", 2, 0], ["sqrt", 2, 2], ["cast", 3, 1], ["multiply", 4, 3, 5], ["add", 6, 2, 4]], "results": [6]},
        [h, k], [(0, 0, (10, 8, 20), (1, 200, 10)), (1, 0, (10, 8, 20), (160, 20, 1))],
        lambda a, b: np.sqrt(np.abs(a)) + b.astype(np.float32) * np.float32(0.5))
    # int8 arithmetic on a 0-d block and a scalar-only program (all registers broadcast).
    u = np.array([100, -128, 77], dtype=np.int8)
    add("0-d int8 a*a + a",
        {"regs": ["int8", "int8", "int8"], "nInputs": 1, "consts": [], "code": [["multiply", 1, 0, 0], ["add", 2, 1, 0]],
         "results": [2]},
        [u], [(0, 1, (), ())], lambda a: a * a + a)
    add("broadcast-only inputs: every register is a scalar",
        {"regs": ["float64", "float64", "float64"], "nInputs": 1, "consts": [[1, 2.5]], "code": [["power", 2, 0, 1]],
         "results": [2]},
        [f], [(0, 11, (7, 300), (0, 0))], lambda a: np.power(a, 2.5), ulp=4)
    with open(OUT, "w") as fh:
        json.dump({"generator": "scripts/gen/kernel_programs.py", "numpy": np.__version__, "cases": cases}, fh)
    print(f"{len(cases)} cases -> {OUT} ({os.path.getsize(OUT) // 1024} KiB)")


if __name__ == "__main__":
    main()
