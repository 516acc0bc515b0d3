#!/usr/bin/env python3
"""Fixtures for the foundation tests (test/api): creation routines, fused elementwise expressions
with broadcasting, and reductions along every axis combination. Run with NumPy 2.x."""
import numpy as np
from fixtures_lib import encode, hashed, write


def creation():
    return {
        "arange_10": encode(np.arange(10, dtype=np.float64)),
        "arange_neg_step": encode(np.arange(5.0, -3.0, -0.75)),
        "arange_int32": encode(np.arange(-3, 17, 3, dtype=np.int32)),
        "linspace_7": encode(np.linspace(-1.0, 2.0, 7)),
        "linspace_noend": encode(np.linspace(0.0, 1.0, 10, endpoint=False)),
        "linspace_1": encode(np.linspace(3.0, 5.0, 1)),
        "logspace": encode(np.logspace(0.0, 3.0, 4)),
        "logspace_base2": encode(np.logspace(1.0, 4.0, 4, base=2.0)),
        "eye_5_7_k2": encode(np.eye(5, 7, k=2)),
        "eye_4_km1_f32": encode(np.eye(4, k=-1, dtype=np.float32)),
        "tri_4_6_km1": encode(np.tri(4, 6, k=-1)),
        "full_bool": encode(np.full((3, 2), True)),
    }


def elementwise():
    x = hashed((7, 5), 1) * 4
    y = hashed((5,), 2) * 4
    z = hashed((7, 1), 3) * 4
    return {
        "x": encode(x), "y": encode(y), "z": encode(z),
        "x_plus_y": encode(x + y),
        "expr": encode(np.exp(x) * y - z / 2.0),
        "outer_like": encode(z * y),
        "neg_sqrt_abs": encode(-np.sqrt(np.maximum(x, 0.0))),
        "where": encode(np.where(x > y, x, z)),
        "x_f32_plus_half": encode(x.astype(np.float32) + 0.5),
        "x_int32": encode(x.astype(np.int32)),
    }


def reductions():
    out = {}
    for name, shape in [("a", (7, 5)), ("b", (4, 3, 6))]:
        a = hashed(shape, 7) * 10
        out[name] = encode(a)
        axes_list = [None, 0, 1, -1, (0, 1)] + ([(0, 2), (1, 2)] if len(shape) == 3 else [])
        for axes in axes_list:
            key = "all" if axes is None else "_".join(str(x) for x in np.atleast_1d(axes))
            for kd in (False, True):
                suffix = f"{name}_{key}{'_kd' if kd else ''}"
                out[f"sum_{suffix}"] = encode(np.sum(a, axis=axes, keepdims=kd))
                out[f"mean_{suffix}"] = encode(np.mean(a, axis=axes, keepdims=kd))
                out[f"var_{suffix}"] = encode(np.var(a, axis=axes, keepdims=kd))
                out[f"std1_{suffix}"] = encode(np.std(a, axis=axes, ddof=1, keepdims=kd))
                out[f"min_{suffix}"] = encode(np.min(a, axis=axes, keepdims=kd))
                out[f"max_{suffix}"] = encode(np.max(a, axis=axes, keepdims=kd))
    return out


def cumulative():
    a = hashed((7, 5), 11) * 4
    a_nan = a.copy()
    a_nan[1, 2] = np.nan
    a_nan[5, 0] = np.nan
    i = (hashed((7, 5), 12) * 20).astype(np.int32)
    out = {"a": encode(a), "a_nan": encode(a_nan), "i": encode(i)}
    for axis in (0, 1, -1):
        out[f"cumsum_{axis}"] = encode(np.cumsum(a, axis=axis))
        out[f"cumprod_{axis}"] = encode(np.cumprod(a / 2, axis=axis))
        out[f"nancumsum_{axis}"] = encode(np.nancumsum(a_nan, axis=axis))
        out[f"nancumprod_{axis}"] = encode(np.nancumprod(a_nan / 2, axis=axis))
        out[f"cumsum_nan_{axis}"] = encode(np.cumsum(a_nan, axis=axis))
        out[f"cumsum_int_{axis}"] = encode(np.cumsum(i, axis=axis).astype(np.float64))
    out["cumsum_flat_1d"] = encode(np.cumsum(a[:, 0]))
    return out


if __name__ == "__main__":
    write("core/creation.json", creation())
    write("core/elementwise.json", elementwise())
    write("core/reductions.json", reductions())
    write("core/cumulative.json", cumulative())
