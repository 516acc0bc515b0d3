"""Shared helpers for fixture generators: exact array encoding and the benchmark input hash.

Arrays are stored as {"dtype", "shape", "data"} with `data` the base64 of the little-endian C-order
bytes, so NaN, infinities, -0.0 and every bit pattern survive (JSON numbers would not).
"""
import base64
import json
import os

import numpy as np

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
FIXTURES = os.path.join(ROOT, "test", "fixtures")


def encode(a):
    a = np.asarray(a)  # keeps 0-d arrays 0-d (ascontiguousarray would make them 1-d)
    if a.dtype == np.float16:
        a = a.astype(np.float32)
    return {"dtype": a.dtype.name, "shape": list(a.shape), "data": base64.b64encode(a.astype(a.dtype.newbyteorder("<")).tobytes()).decode()}


def write(name, obj):
    path = os.path.join(FIXTURES, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as fh:
        json.dump(obj, fh, separators=(",", ":"))
    print(f"wrote {os.path.relpath(path, ROOT)} ({os.path.getsize(path)} bytes)")


def hashed(shape, salt):
    """peer_bench.py's deterministic inputs, uniform in [-0.5, 0.5)."""
    m = np.uint64(0xFFFFFFFF)
    h = (np.arange(int(np.prod(shape)), dtype=np.uint64) + np.uint64((salt * 0x9E3779B9) & 0xFFFFFFFF)) & m
    h ^= h >> np.uint64(16)
    h = (h * np.uint64(0x7FEB352D)) & m
    h ^= h >> np.uint64(15)
    h = (h * np.uint64(0x846CA68B)) & m
    h ^= h >> np.uint64(16)
    return (h.astype(np.float64) / 2.0**32 - 0.5).reshape(shape)
