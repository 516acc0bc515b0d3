#!/usr/bin/env python3
"""Generates test/fixtures/index-get.json and test/fixtures/index-set.json: NumPy's own results
for `x[idx]` and `x[idx] = v`, where x = arange(size).reshape(shape) and v = -(arange + 1)
reshaped to a value shape, for hand-picked and seeded random index strings over 0-d..4-d shapes;
and test/fixtures/index-slices.json: CPython's `slice.indices` over a grid of bounds.

Every index is written in numts's index-string syntax, which is a subset of Python's subscript
syntax, so the very same text is what NumPy evaluates here and what numts parses in the tests.
Errors are recorded with NumPy's exception type and message.
Run: python3 scripts/gen/index_fixtures.py (NumPy 2.x).
"""
import json
import os
import random

import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
SEED = 20240611

# (shape, index) pairs that pin down one NumPy rule each.
HANDPICKED = [
    # basic: ints, slices (negative steps, clamping), newaxis, ellipsis
    ((5,), "1:4"), ((5,), "::-1"), ((5,), "::-2"), ((5,), "-2:"), ((5,), "10:-10:-1"), ((5,), "-10:10:2"),
    ((5,), "3::-2"), ((5,), ":-10:-1"), ((5,), "2:2"), ((5,), "-1::-1"), ((5,), "None:3"), ((5,), "1:None:None"),
    ((5,), "4:1"), ((5,), "1:4:-1"), ((5,), ":100"), ((5,), "-100:"), ((5,), "::7"), ((5,), "::-7"),
    ((3, 4), "1"), ((3, 4), "-1"), ((3, 4), "1, 2"), ((3, 4), "-3, -4"), ((3, 4), ":, 1"), ((3, 4), "..., 1"),
    ((3, 4), "1, ..."), ((3, 4), "None, :"), ((3, 4), "None, ..., None, 0"), ((3, 4), "..., None"),
    ((3, 4, 5), "()"), ((3, 4, 5), "..."), ((3, 4, 5), "Ellipsis, 0"), ((3, 4, 5), "1,"), ((3, 4, 5), "0, ..., 0"),
    ((3, 4, 5), "::-1, ::2, 1:-1"), ((2, 3, 4, 5), "1, ..., ::-2"), ((2, 3, 4, 5), ":, None, 1, None, :, -1"),
    ((), "()"), ((), "..."), ((), "None"), ((), "None, ..., None"),
    # empty axes
    ((0,), ":"), ((0,), "::-1"), ((0, 3), ":, 1"), ((3, 0), "1"), ((3, 0), "1:, :"), ((0, 3), "0"), ((0, 3), ":, 3"),
    ((2, 0, 3), "..., 2"), ((2, 0, 3), "1, :, ::-1"),
    # integer arrays, adjacent and separated
    ((5,), "[0, 2, -1]"), ((5,), "[[0, 1], [2, 3]]"), ((5,), "[]"), ((3, 4), "[[]]"), ((5,), "[4, 4, 4]"),
    ((3, 4), "[0, 2], [1, 3]"), ((3, 4), "[[0], [2]], [1, 3]"), ((3, 4), ":, [0, 2]"), ((3, 4), "[0, 2], :"),
    ((3, 4, 5), "[0, 1], :, 0"), ((3, 4, 5), ":, 0, [0, 1]"), ((3, 4, 5), "0, :, [0, 1]"), ((3, 4, 5), ":, [0], ..., [0]"),
    ((3, 4), "[0], ..., [0]"), ((3, 4, 5), "[0], ..., [0]"), ((3, 4), "[0, 1], None, [0, 1]"), ((3, 4), "[0, 1], None"),
    ((3, 4, 5), "[0, 1], ..., 0, None"), ((3, 4, 5), "[[0], [1]], :, [0, 1, 2]"), ((3, 4, 5), "[0, 1], 1:, [4]"),
    ((3, 4, 5, 6), "0, [0, 1], :, [0, 1]"), ((3, 4, 5, 6), ":, 0, :, [0, 1]"), ((3, 4, 5, 6), "[0, 1], 0, :, 0"),
    ((3, 4, 5, 6), ":, [0, 1], 0, :"), ((3, 4, 5, 6), ":, [[0], [1]], 0, :"), ((3, 4, 5, 6), ":, [0, 1], [[0], [1]], :"),
    ((3, 4, 5, 6), "..., [0, 1], [[0], [1]]"), ((3, 4, 5, 6), "None, [0, 1], 0"), ((3, 4, 5), "::-1, [2, 0], ::-2"),
    ((3, 4), "[True, 0]"), ((2, 2), "[[True, False], [True, 1]]"), ((3,), "[[0, 1], [1, 2]]"),
    # boolean masks and 0-d booleans
    ((3,), "[True, False, True]"), ((3, 4), "[True, False, True]"), ((3, 4), ":, [True, False, True, True]"),
    ((2, 2), "[[True, False], [True, True]]"), ((2, 2, 3), "[[True, False], [True, True]]"),
    ((2, 2, 3), "[[True, False], [True, True]], ::-1"), ((3, 4, 5), "0, [True, False, True, False]"),
    ((3, 4, 5), "0, [True, False, True, False], 1"), ((3, 4, 5), ":, [0, 1], [True, False, True, False, False]"),
    ((3, 4, 5), "[True, False, True], 0, 0"), ((3, 4), "[True, False, True], ..., [0, 1]"),
    ((3, 4), "[[0, 1], [1, 2]], [True, False, True, False]"), ((3,), "[False, False, False]"), ((0,), "[]"),
    ((3, 4, 5), "True"), ((3, 4, 5), "False"), ((3, 4), "[0, 1, 2], True"), ((3, 4), "True, [0, 1, 2]"),
    ((3, 4), ":, True, [0, 1]"), ((3,), "True, True"), ((3,), "True, False"), ((3,), "None, False"), ((3,), "False, None"),
    ((3, 4), "0, True"), ((3, 4), "0, False, 1"), ((3, 4, 5), ":, 0, True"), ((3, 4, 5), "True, :, 0"),
    ((3, 4, 5), "0, True, :, 0"), ((3, 4, 5), "[0, 1], :, True"), ((), "True"), ((), "False"), ((1, 4), "[True], 0"),
    # errors
    ((3,), "5"), ((3,), "-4"), ((3,), "[3]"), ((3,), "[-4]"), ((3,), "5, 0"), ((3, 4), "5, :"), ((3,), "..., ..."),
    ((3, 4), "[5], 10"), ((3, 4), "10, [5]"), ((3, 4), "[5, 0], [0, 1, 2]"), ((3, 4, 5), "[0, 1], [0, 1, 2], 7"),
    ((3, 4, 5), "[0, 1], [0, 1, 2], [0]"), ((3, 4), "[[0, 1]], [0, 1, 2]"), ((3,), "[True, False, True, True]"),
    ((3, 4), "[0, 1, 2], False"), ((3,), "False, [0, 1]"), ((3,), "[0, 1], False"),
    ((3, 4), "[[0], [0, 1]]"), ((3, 4), "[0, [1]]"), ((3, 4), "[[1], 0]"), ((3, 4), "[[0, [1]], [0, 1]]"),
    ((3, 4, 5), "::0"), ((3, 4, 5), "::0, 7"), ((3, 4, 5), "7, ::0"), ((3, 4, 5), "[5], ::0"), ((3, 4, 5), "::0, 0, 0, 0"),
    ((3, 4, 5), "[7], 7, [7]"), ((3, 4, 5), "[0, 5], 1, [0, 7]"), ((3, 4, 5), "0, [0, 7], [[0, 9]]"),
    ((3, 4), "[], 9"), ((3, 4), "[], [0, 1]"), ((0,), "[0]"), ((0,), "0"), ((0, 3), "[0], [5]"), ((0, 3), ":, [5]"),
    ((3, 4), "[5], []"), ((3, 4), "[5], [[]]"), ((3, 0), "[5], []"), ((3, 0), ":, [0]"), ((), "0"), ((), "[0]"),
    ((), "[True]"), ((), "0, 0"), ((3, 4), "[True, False, True], [0, 1, 2]"), ((2, 3), "[[True], [False]]"),
    ((3, 4), "[True, True, False, True], 7"), ((3, 4, 5), "7, [True, False, True, False, True]"),
    ((3, 4), "[[True, False, True, False], [True, True, True, True], [False, False, False, False]], 0"), ((3, 4), "1, 2, ..., ..."),
]

# NumPy's limit of 64 dimensions.
HANDPICKED += [
    ((3,), ", ".join(["None"] * 63)), ((3,), ", ".join(["None"] * 64)), ((3,), ", ".join(["None"] * 70) + ", 0"),
    ((3,), "[" * 64 + "0" + "]" * 64), ((3,), "[" * 65 + "0" + "]" * 65), ((3,), "[" * 63 + "0" + "]" * 63 + ", None"),
]

# Value shapes tried for assignment, relative to the result shape r: r itself, broadcastable
# variants, and ones that do not fit.
def value_shapes(result_shape, rng):
    r = list(result_shape)
    out = [tuple(r), ()]
    if r:
        out.append(tuple(r[1:]))
        out.append((1,) + tuple(r))
        k = rng.randrange(len(r))
        out.append(tuple(1 if i == k else d for i, d in enumerate(r)))
        out.append(tuple(r[:-1]) + (r[-1] + 1,))
    out.append((2,) + tuple(r))
    out.append((1, 1))
    seen = []
    for s in out:
        if s not in seen and len(s) <= 64:
            seen.append(s)
    return seen


def random_shape(rng):
    ndim = rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4])
    while True:
        shape = tuple(rng.choice([0, 1, 2, 3, 3, 4, 5]) if rng.random() < 0.12 else rng.choice([1, 2, 3, 4, 5])
                      for _ in range(ndim))
        if np.prod(shape) <= 240:
            return shape


def fmt_list(v):
    if isinstance(v, list):
        return "[" + ", ".join(fmt_list(e) for e in v) + "]"
    if isinstance(v, bool):
        return "True" if v else "False"
    return str(v)


def random_int(n, rng, valid=0.93):
    if n > 0 and rng.random() < valid:
        return rng.randrange(-n, n)
    return rng.choice([-n - 1, n, n + 2])


def random_bound(n, rng):
    if rng.random() < 0.3:
        return ""
    return str(rng.randint(-n - 3, n + 3))


def random_part(shape, axis, rng, have_ellipsis):
    """One part and how many axes it consumes (None for an ellipsis)."""
    n = shape[axis] if axis < len(shape) else 2
    kind = rng.choices(["int", "slice", "none", "ellipsis", "list", "mask", "bool"],
                       weights=[3, 5, 1, 1.2 if not have_ellipsis else 0.05, 2.2, 1.4, 0.35])[0]
    if kind == "int":
        return str(random_int(n, rng)), 1
    if kind == "slice":
        step = rng.choices(["", "1", "2", "3", "-1", "-2", "-3", "0"], weights=[6, 1, 2, 1, 3, 2, 1, 0.15])[0]
        text = random_bound(n, rng) + ":" + random_bound(n, rng)
        return (text + ":" + step) if step or rng.random() < 0.2 else text, 1
    if kind == "none":
        return "None", 0
    if kind == "ellipsis":
        return "...", None
    if kind == "bool":
        return rng.choice(["True", "False"]), 0
    if kind == "list":
        dims = rng.choice([[rng.randint(0, 3)], [rng.randint(1, 3)], [rng.randint(1, 2), rng.randint(1, 3)], [1, rng.randint(1, 3)]])
        flat = [random_int(n, rng, valid=0.97) for _ in range(int(np.prod(dims)))]
        return fmt_list(np.array(flat, dtype=int).reshape(dims).tolist()), 1
    # a mask over the next one or two axes, occasionally of the wrong length
    k = 2 if axis + 1 < len(shape) and rng.random() < 0.3 else 1
    dims = [shape[a] if a < len(shape) else 2 for a in range(axis, axis + k)]
    if rng.random() < 0.05:
        dims[-1] += 1
    if int(np.prod(dims)) == 0:
        return fmt_list(np.zeros(dims, dtype=bool).tolist()) if k == 2 else "[]", k
    bits = [rng.random() < 0.55 for _ in range(int(np.prod(dims)))]
    return fmt_list(np.array(bits).reshape(dims).tolist()), k


def random_index(shape, rng):
    """Mostly valid: once every axis is indexed, mostly parts that index none."""
    parts = []
    axis = 0
    have_ellipsis = False
    for _ in range(rng.randint(1, len(shape) + 2)):
        if axis >= len(shape) and rng.random() < 0.85:
            choices = ["None", "True", "False"] + ([] if have_ellipsis else ["...", "..."])
            text = rng.choice(choices)
            have_ellipsis = have_ellipsis or text == "..."
            parts.append(text)
            continue
        text, used = random_part(shape, axis, rng, have_ellipsis)
        if used is None:
            have_ellipsis = True
            axis = max(axis, len(shape) - 1)
        else:
            axis += used
        parts.append(text)
    return ", ".join(parts)


def evaluate(x, index):
    return eval(f"x[{index}]", {"x": x})  # noqa: S307 - the fixtures' own index strings


def error_of(e):
    return {"type": type(e).__name__, "message": str(e).strip()}


def get_case(shape, index):
    x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
    case = {"shape": list(shape), "index": index}
    try:
        r = evaluate(x, index)
    except (IndexError, ValueError, TypeError) as e:
        case["error"] = error_of(e)
        return case
    case["result"] = {"shape": list(np.shape(r)), "values": np.ravel(r).tolist(), "scalar": not isinstance(r, np.ndarray)}
    return case


def set_cases(shape, index, rng):
    x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
    try:
        result_shape = np.shape(evaluate(x, index))
    except (IndexError, ValueError, TypeError) as e:
        return [{"shape": list(shape), "index": index, "valueShape": [], "error": error_of(e)}]
    cases = []
    for vshape in value_shapes(result_shape, rng):
        x = np.arange(int(np.prod(shape)), dtype=np.int64).reshape(shape)
        v = -(np.arange(int(np.prod(vshape)), dtype=np.int64) + 1).reshape(vshape)
        case = {"shape": list(shape), "index": index, "valueShape": list(vshape)}
        try:
            exec(f"x[{index}] = v", {"x": x, "v": v})  # noqa: S102
            case["result"] = {"values": x.ravel().tolist()}
        except (IndexError, ValueError, TypeError) as e:
            case["error"] = error_of(e)
        cases.append(case)
    return cases


def slice_rows():
    """CPython's slice.indices plus the selected count, for every combination of a few lengths and
    bounds: rows [length, start, stop, step, start', stop', step', count] (None for omitted)."""
    bounds = [None, -8, -7, -6, -3, -1, 0, 1, 2, 5, 6, 7, 100]
    rows = []
    for length in [0, 1, 2, 5, 6]:
        for step in [None, 1, 2, 3, 7, -1, -2, -3, -7]:
            for start in bounds:
                for stop in bounds:
                    s = slice(start, stop, step)
                    rows.append([length, start, stop, step, *s.indices(length), len(range(*s.indices(length)))])
    return rows


def main():
    rng = random.Random(SEED)
    pairs = list(HANDPICKED)
    seen = set(pairs)
    while len(pairs) < len(HANDPICKED) + 420:
        shape = random_shape(rng)
        pair = (shape, random_index(shape, rng))
        if pair not in seen:
            seen.add(pair)
            pairs.append(pair)
    get = [get_case(shape, index) for shape, index in pairs]
    sets = []
    for shape, index in pairs[:: 2]:
        sets.extend(set_cases(shape, index, rng))
    write("index-get.json", get)
    write("index-set.json", sets)
    write("index-slices.json", slice_rows())
    ok = sum("result" in c for c in get)
    print(f"index-get.json: {len(get)} cases ({ok} results, {len(get) - ok} errors); index-set.json: {len(sets)} cases")


def write(name, cases):
    with open(os.path.join(ROOT, "test", "fixtures", name), "w") as fh:
        fh.write("[\n" + ",\n".join(json.dumps(c, separators=(",", ":")) for c in cases) + "\n]\n")


if __name__ == "__main__":
    main()
