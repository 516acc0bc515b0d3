#!/usr/bin/env python3
"""Writes test/random/fixtures/reference.json: what the nt.random tests compare with.

- "messages": NumPy's own error message for each invalid argument the validation rejects
  (numts prefixes the method name and appends the value given, so tests check containment).
- "ndtri": SciPy's standard normal quantile at probabilities spread over (0, 1/2], to measure the
  accuracy of numts's AS241 normal quantile.
- "stats": SciPy values of the distribution functions the statistical tests compute themselves
  (chi-square survival, Kolmogorov distribution, normal CDF, Poisson and binomial pmf), to check
  those helpers.

Run: python3 scripts/gen/random_reference.py (NumPy 2.x, SciPy).
"""
import json
import os

import numpy as np
from scipy import special, stats

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "test", "random", "fixtures", "reference.json")

g = np.random.default_rng(0)


def message(call):
    try:
        call()
    except Exception as e:  # noqa: BLE001 - we record whatever NumPy raises
        return {"type": type(e).__name__, "message": str(e)}
    raise AssertionError("NumPy accepted an argument numts rejects")


# key -> (numts distribution spec, dtype, NumPy call)
INVALID = {
    "normal scale < 0": ({"name": "normal", "loc": 0, "scale": -1}, "float64", lambda: g.normal(0, -1)),
    "normal scale -0": ({"name": "normal", "loc": 0, "scale": "-0"}, "float64", lambda: g.normal(0, -0.0)),
    "exponential scale < 0": ({"name": "exponential", "scale": -2}, "float64", lambda: g.exponential(-2)),
    "uniform infinite range": ({"name": "uniform", "low": 0, "high": "inf"}, "float64", lambda: g.uniform(0, np.inf)),
    "uniform overflowing range": ({"name": "uniform", "low": -1e308, "high": 1e308}, "float64", lambda: g.uniform(-1e308, 1e308)),
    "uniform nan": ({"name": "uniform", "low": 0, "high": "nan"}, "float64", lambda: g.uniform(0, np.nan)),
    "uniform high < low": ({"name": "uniform", "low": 1, "high": 0}, "float64", lambda: g.uniform(1, 0)),
    "poisson lam < 0": ({"name": "poisson", "lam": -1}, "float64", lambda: g.poisson(-1)),
    "poisson lam nan": ({"name": "poisson", "lam": "nan"}, "float64", lambda: g.poisson(np.nan)),
    "poisson lam too large": ({"name": "poisson", "lam": 1e19}, "float64", lambda: g.poisson(1e19)),
    "poisson lam inf": ({"name": "poisson", "lam": "inf"}, "float64", lambda: g.poisson(np.inf)),
    "binomial n < 0": ({"name": "binomial", "n": -1, "p": 0.5}, "float64", lambda: g.binomial(-1, 0.5)),
    "binomial p < 0": ({"name": "binomial", "n": 1, "p": -0.5}, "float64", lambda: g.binomial(1, -0.5)),
    "binomial p > 1": ({"name": "binomial", "n": 1, "p": 1.5}, "float64", lambda: g.binomial(1, 1.5)),
    "binomial p nan": ({"name": "binomial", "n": 1, "p": "nan"}, "float64", lambda: g.binomial(1, np.nan)),
    "integers low == high": ({"name": "integers", "low": 5, "high": 5, "endpoint": False}, "int32", lambda: g.integers(5, 5)),
    "integers low > high": ({"name": "integers", "low": 5, "high": 4, "endpoint": False}, "int32", lambda: g.integers(5, 4)),
    "integers endpoint low > high": (
        {"name": "integers", "low": 5, "high": 4, "endpoint": True}, "int32", lambda: g.integers(5, 4, endpoint=True)),
    "integers int8 low": (
        {"name": "integers", "low": -200, "high": 5, "endpoint": False}, "int8", lambda: g.integers(-200, 5, dtype=np.int8)),
    "integers int8 high": (
        {"name": "integers", "low": 0, "high": 200, "endpoint": False}, "int8", lambda: g.integers(0, 200, dtype=np.int8)),
    "integers int8 endpoint high": (
        {"name": "integers", "low": 0, "high": 128, "endpoint": True}, "int8",
        lambda: g.integers(0, 128, dtype=np.int8, endpoint=True)),
    "integers uint8 negative": (
        {"name": "integers", "low": -1, "high": 5, "endpoint": False}, "uint8", lambda: g.integers(-1, 5, dtype=np.uint8)),
    "integers uint32 high": (
        {"name": "integers", "low": 0, "high": 2**32 + 1, "endpoint": False}, "uint32",
        lambda: g.integers(0, 2**32 + 1, dtype=np.uint32)),
    "random int32": ({"name": "random"}, "int32", lambda: g.random(dtype=np.int32)),
}

# integers(high) with one argument, which numts's integersDistribution(high, undefined, …) mirrors.
ONE_ARGUMENT = {
    "integers(0)": (0, False, lambda: g.integers(0)),
    "integers(-3)": (-3, False, lambda: g.integers(-3)),
    "integers(-3, endpoint)": (-3, True, lambda: g.integers(-3, endpoint=True)),
}

ps = np.concatenate([np.logspace(-300, -1, 60), np.linspace(0.075, 0.5, 40), [2.0**-54, 2.0**-53, 0.425, 0.075]])
chi2_points = [(x, k) for k in (1, 2, 5, 10, 30, 100) for x in (0.5 * k, k, 2 * k + 5, 3 * k + 20)]
ks_points = [0.3, 0.5, 0.8, 1.0, 1.36, 1.63, 1.95, 2.5]
norm_points = [-8.0, -5.0, -2.5, -1.0, -0.1, 0.0, 0.3, 1.7, 4.0, 7.5]
poisson_points = [(k, lam) for lam in (0.5, 3.0, 10.0, 250.0, 1e6) for k in (0, 1, int(lam), int(lam + 3 * lam**0.5) + 1)]
binom_points = [(k, n, p) for n, p in ((10, 0.3), (100, 0.5), (1000, 0.01), (10**6, 0.999)) for k in
                (0, int(n * p), min(n, int(n * p + 3 * (n * p * (1 - p)) ** 0.5) + 1))]

reference = {
    "numpy": np.__version__,
    "messages": {k: {"distribution": d, "dtype": t, **message(c)} for k, (d, t, c) in INVALID.items()},
    "oneArgument": {k: {"high": h, "endpoint": e, **message(c)} for k, (h, e, c) in ONE_ARGUMENT.items()},
    "ndtri": [[float(p), float(special.ndtri(p))] for p in ps],
    "stats": {
        "chi2sf": [[x, k, float(stats.chi2.sf(x, k))] for x, k in chi2_points],
        "kolmogorovSf": [[x, float(stats.kstwobign.sf(x))] for x in ks_points],
        "normCdf": [[x, float(stats.norm.cdf(x))] for x in norm_points],
        "poissonPmf": [[k, lam, float(stats.poisson.pmf(k, lam))] for k, lam in poisson_points],
        "binomPmf": [[k, n, p, float(stats.binom.pmf(k, n, p))] for k, n, p in binom_points],
    },
}

with open(OUT, "w") as f:
    json.dump(reference, f, indent=1)
    f.write("\n")
print("wrote", os.path.relpath(OUT, ROOT))
