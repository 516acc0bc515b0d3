#!/usr/bin/env python3
"""Fixtures for test/sorting: sorts, searches, sets, quantiles, histograms and comparisons, from
NumPy 2.x (kind="stable" for sorts: numts is always stable). Run from the repository root:
python3 scripts/gen/sorting_fixtures.py. numts has no int64: NumPy's int64 results decode to
float64 in the tests and are compared by value against numts's int32."""
import numpy as np
from fixtures_lib import encode as encode_array, hashed, write

rng = np.random.default_rng(20240611)


def encode(a):
    """fixtures_lib's encoding, keeping 0-d results 0-d (np.ascontiguousarray makes them 1-D)."""
    e = encode_array(a)
    e["shape"] = list(np.shape(a))
    return e


def awkward_floats(n, dtype=np.float64):
    """Values with ties, NaNs, signed zeros and infinities mixed in."""
    x = np.round(hashed((n,), 7) * 20).astype(np.float64) / 2
    x[rng.choice(n, n // 8, replace=False)] = np.nan
    x[rng.choice(n, n // 10, replace=False)] = -0.0
    x[rng.choice(n, n // 10, replace=False)] = 0.0
    x[rng.choice(n, 2, replace=False)] = [np.inf, -np.inf]
    return x.astype(dtype)


def sort_cases():
    cases = []

    def add(name, x, axes):
        for axis in axes:
            cases.append({
                "name": f"{name} axis={axis}", "x": encode(x), "axis": axis,
                "sort": encode(np.sort(x, axis=axis, kind="stable")),
                "argsort": encode(np.argsort(x, axis=axis, kind="stable")),
            })

    add("float64 1-D", awkward_floats(37), [-1, None])
    add("float32 1-D", awkward_floats(29, np.float32), [0])
    add("int32 1-D", rng.integers(-50, 50, 31).astype(np.int32), [0])
    add("int16 1-D", rng.integers(-300, 300, 23).astype(np.int16), [0])
    add("uint8 1-D", rng.integers(0, 9, 26).astype(np.uint8), [0])
    add("bool 1-D", rng.integers(0, 2, 19).astype(bool), [0])
    add("float64 2-D", awkward_floats(42).reshape(6, 7), [0, 1, -1, None])
    add("int32 3-D", rng.integers(-9, 9, 60).astype(np.int32).reshape(3, 4, 5), [0, 1, 2, None])
    return cases


def search_cases():
    a = np.sort(np.concatenate([np.round(hashed((20,), 3) * 10), [np.nan, np.nan, 2.0, 2.0]]))
    v = np.array([[-10.0, 2.0, np.nan], [0.0, -0.0, 4.5], [np.inf, 2.0, 10.0]])
    ai = np.array([1, 3, 3, 3, 7, 9], dtype=np.int32)
    out = {
        "a": encode(a), "v": encode(v),
        "left": encode(np.searchsorted(a, v, side="left")),
        "right": encode(np.searchsorted(a, v, side="right")),
        "ai": encode(ai),
        "ai_left_2_5": encode(np.searchsorted(ai, 2.5)),
        "ai_right_3": encode(np.searchsorted(ai, 3, side="right")),
        "ai_v": encode(np.array([0, 3, 7, 10], dtype=np.int32)),
        "ai_v_left": encode(np.searchsorted(ai, np.array([0, 3, 7, 10], dtype=np.int32))),
    }
    x = np.array([[1.0, 2.0, np.nan], [3.0, -0.0, 5.0]])
    t = np.array([0.0, 3.0, np.nan, 7.0, 5.0])
    out["isin_x"] = encode(x)
    out["isin_t"] = encode(t)
    out["isin"] = encode(np.isin(x, t))
    out["isin_invert"] = encode(np.isin(x, t, invert=True))
    return out


def unique_cases():
    cases = []
    for name, x in [
        ("float64 with NaN", awkward_floats(41)),
        ("int32 2-D", rng.integers(-4, 4, 30).astype(np.int32).reshape(5, 6)),
        ("float32 all equal", np.full(17, 2.5, dtype=np.float32)),
        ("uint8 distinct", np.arange(20, dtype=np.uint8)[::-1].copy()),
    ]:
        u, i, inv, c = np.unique(x, return_index=True, return_inverse=True, return_counts=True)
        cases.append({"name": name, "x": encode(x), "values": encode(u), "index": encode(i), "inverse": encode(inv), "counts": encode(c)})
    sets = []
    for name, a, b in [
        ("floats", np.array([1.0, 2.0, 3.0, 2.0, np.nan, 5.0, 5.0, 8.0]), np.array([2.0, 3.0, 4.0, np.nan, 9.0, 5.0])),
        ("ints 2-D", rng.integers(0, 12, 20).astype(np.int32).reshape(4, 5), rng.integers(5, 20, 9).astype(np.int32)),
        ("disjoint", np.array([1.0, 3.0, 5.0]), np.array([2.0, 4.0])),
    ]:
        sets.append({
            "name": name, "a": encode(a), "b": encode(b),
            "intersect1d": encode(np.intersect1d(a, b)),
            "union1d": encode(np.union1d(a, b)),
            "setdiff1d": encode(np.setdiff1d(a, b)),
        })
    return {"unique": cases, "sets": sets}


def quantile_cases():
    cases = []
    x2 = np.round(hashed((6, 7), 11) * 100) / 4
    x3 = hashed((4, 5, 6), 12).astype(np.float32) * 10
    xn = x2.copy()
    xn[1, 3] = np.nan
    xn[4, :] = np.nan
    xi = rng.integers(-100, 100, 35).astype(np.int8).reshape(5, 7)
    inputs = {"float64": x2, "float32": x3, "with NaN": xn, "int8": xi}
    for name, x in inputs.items():
        axes = [None, 0, -1, [0, 1]] if x.ndim == 2 else [None, 1, [0, 2]]
        for axis in axes:
            ax = tuple(axis) if isinstance(axis, list) else axis
            for keepdims in [False, True]:
                case = {"name": name, "axis": axis, "keepdims": keepdims}
                case["median"] = encode(np.asarray(np.median(x, axis=ax, keepdims=keepdims)))
                case["nanmedian"] = encode(np.asarray(np.nanmedian(x, axis=ax, keepdims=keepdims)))
                case["percentile_37_5"] = encode(np.asarray(np.percentile(x, 37.5, axis=ax, keepdims=keepdims)))
                case["quantile_list"] = encode(np.asarray(np.quantile(x, [0.0, 0.25, 0.5, 0.9, 1.0], axis=ax, keepdims=keepdims)))
                case["nanpercentile_list"] = encode(np.asarray(np.nanpercentile(x, [5.0, 50.0, 99.0], axis=ax, keepdims=keepdims)))
                case["nanquantile_0_3"] = encode(np.asarray(np.nanquantile(x, 0.3, axis=ax, keepdims=keepdims)))
                cases.append(case)
    big = hashed((20001,), 5)
    big[::97] = np.round(big[::97], 1)
    return {"inputs": {k: encode(v) for k, v in inputs.items()}, "cases": cases, "big": {"median": float(np.median(big)), "percentiles": encode(np.percentile(big, [0.0, 1.0, 33.3, 50.0, 99.9, 100.0])), "nanmedian": float(np.nanmedian(big))}}


def histogram_cases():
    x = np.round(hashed((9, 5), 21) * 40) / 4
    x32 = x.astype(np.float32) * 1.1
    xi = rng.integers(-7, 13, 40).astype(np.int32).reshape(8, 5)
    w = hashed((9, 5), 22) + 1
    out = {"x": encode(x), "x32": encode(x32), "xi": encode(xi), "w": encode(w)}
    out["auto_10"] = [encode(a) for a in np.histogram(x)]
    out["auto_7_f32"] = [encode(a) for a in np.histogram(x32, 7)]
    out["auto_6_int"] = [encode(a) for a in np.histogram(xi, 6)]
    out["range_5"] = [encode(a) for a in np.histogram(x, 5, range=(-3.0, 4.5))]
    out["range_3_f32"] = [encode(a) for a in np.histogram(x32, 3, range=(-0.1, 0.7))]
    out["edges"] = [encode(a) for a in np.histogram(x, [-10.0, -2.0, 0.0, 0.25, 3.0, 10.0])]
    out["edges_density"] = [encode(a) for a in np.histogram(x, [-10.0, -2.0, 0.0, 0.25, 3.0, 10.0], density=True)]
    out["range_density"] = [encode(a) for a in np.histogram(x, 4, range=(-5.0, 5.0), density=True)]
    out["weights"] = [encode(a) for a in np.histogram(x, 4, range=(-5.0, 5.0), weights=w)]
    out["constant"] = [encode(a) for a in np.histogram(np.full(6, 3.0), 4)]
    b = rng.integers(0, 30, 50).astype(np.int32)
    bw = hashed((50,), 23)
    out["bin_x"] = encode(b)
    out["bin_w"] = encode(bw)
    out["bincount"] = encode(np.bincount(b))
    out["bincount_w"] = encode(np.bincount(b, weights=bw))
    out["bincount_min"] = encode(np.bincount(b, minlength=40))
    out["bincount_u8"] = encode(np.bincount(np.array([3, 3, 0, 7], dtype=np.uint8)))
    return out


def closeness_cases():
    a = np.array([1e10, 1e-7, np.inf, np.nan, 1.0, -np.inf, 0.0, 1e-8, 3.0])
    b = np.array([1.00001e10, 1e-8, np.inf, np.nan, 1.0001, np.inf, 1e-9, 0.0, 3.0])
    nz = np.array([[0, 1, 2, 0], [3, 0, 0, 4], [0, 0, 0, 5]], dtype=np.int32)
    return {
        "a": encode(a), "b": encode(b),
        "isclose": encode(np.isclose(a, b)),
        "isclose_nan_rtol": encode(np.isclose(a, b, rtol=1e-3, equal_nan=True)),
        "isclose_atol0": encode(np.isclose(a, b, atol=0.0)),
        "isclose_scalar": encode(np.isclose(a, 1.0)),
        "allclose": bool(np.allclose(a, b)),
        "allclose_nan": bool(np.allclose(a[[3, 8]], b[[3, 8]], equal_nan=True)),
        "nz": encode(nz),
        "nz_all": int(np.count_nonzero(nz)),
        "nz_axis0": encode(np.count_nonzero(nz, axis=0)),
        "nz_axis1_keep": encode(np.count_nonzero(nz, axis=1, keepdims=True)),
    }


def error_messages():
    """NumPy's own words for the bad inputs the tests exercise."""
    def msg(f):
        try:
            f()
        except Exception as e:
            return str(e)
        raise AssertionError("expected an error")
    return {
        "searchsorted_2d": msg(lambda: np.searchsorted(np.ones((2, 2)), 1.0)),
        "searchsorted_0d": msg(lambda: np.searchsorted(np.float64(1), 1.0)),
        "searchsorted_side": msg(lambda: np.searchsorted([1.0, 2.0], 1.0, side="middle")),
        "percentile_range": msg(lambda: np.percentile([1.0, 2.0], 101)),
        "quantile_range": msg(lambda: np.quantile([1.0, 2.0], [0.5, -0.1])),
        "bincount_negative": msg(lambda: np.bincount(np.array([1, -1]))),
        "bincount_float": msg(lambda: np.bincount(np.array([], dtype=np.float64))),
        "bincount_2d": msg(lambda: np.bincount(np.ones((2, 2), dtype=np.int64))),
        "bincount_minlength": msg(lambda: np.bincount([1], minlength=-1)),
        "bincount_weights": msg(lambda: np.bincount([1, 2], weights=[1.0])),
        "histogram_monotonic": msg(lambda: np.histogram([1.0, 2.0], bins=[1.0, 3.0, 2.0])),
        "histogram_bins_positive": msg(lambda: np.histogram([1.0, 2.0], bins=0)),
        "histogram_bins_2d": msg(lambda: np.histogram([1.0, 2.0], bins=[[1.0, 2.0]])),
        "histogram_range_order": msg(lambda: np.histogram([1.0, 2.0], range=(3.0, 1.0))),
        "histogram_range_finite": msg(lambda: np.histogram([1.0, 2.0], range=(0, np.inf))),
        "histogram_autodetect_nan": msg(lambda: np.histogram([1.0, np.nan])),
        "sort_axis": msg(lambda: np.sort(np.ones(3), axis=1)),
        "median_axis": msg(lambda: np.median(np.ones((2, 3)), axis=2)),
        "partition_kth": msg(lambda: np.partition(np.arange(5.0), 5)),
        "partition_kth_negative": msg(lambda: np.partition(np.arange(5.0), -6)),
        "partition_kth_type": msg(lambda: np.partition(np.arange(5.0), 1.5)),
        "sort_kind": msg(lambda: np.sort(np.ones(3), kind="fast")),
        "quantile_bool": msg(lambda: np.quantile(np.array([True, False]), 0.5)),
        "quantile_empty": msg(lambda: np.quantile(np.ones(0), 0.5)),
    }


if __name__ == "__main__":
    write("sorting/sort.json", sort_cases())
    write("sorting/search.json", search_cases())
    write("sorting/sets.json", unique_cases())
    write("sorting/quantile.json", quantile_cases())
    write("sorting/histogram.json", histogram_cases())
    write("sorting/closeness.json", closeness_cases())
    write("sorting/errors.json", error_messages())
