#!/usr/bin/env python3
"""Reference values for nt.preprocessing.StandardScaler and nt.modelSelection.trainTestSplit.

  python3 scripts/gen/preprocessing_fixtures.py

scikit-learn is not importable here, so this script restates the parts of scikit-learn 1.x that
numts reproduces, in NumPy, line for line:
- StandardScaler.fit (partial_fit on a fresh scaler: `_incremental_mean_and_var`,
  `_is_constant_feature`, `_handle_zeros_in_scale`), transform and inverse_transform;
- `_validate_shuffle_split` (train/test sizes and their errors);
- `_approximate_mode` (per-class counts of a stratified split), on cases without ties, where it
  does not draw random numbers.

Writes test/fixtures/preprocessing/cases.json.
"""
from math import ceil, floor

import numpy as np

from fixtures_lib import encode, write


def incremental_mean_and_var(X, sample_weight=None, with_var=True):
    """sklearn.utils.extmath._incremental_mean_and_var for the first batch (last_* = 0)."""
    X_nan_mask = np.isnan(X)
    sum_op = np.nansum if np.any(X_nan_mask) else np.sum
    Xd = X.astype(np.float64)  # _safe_accumulator_op: float64 accumulation
    if sample_weight is not None:
        new_sum = np.matmul(sample_weight, np.where(X_nan_mask, 0, Xd))
        new_sample_count = np.sum(sample_weight[:, None] * (~X_nan_mask), axis=0)
    else:
        new_sum = sum_op(Xd, axis=0)
        new_sample_count = X.shape[0] - np.sum(X_nan_mask, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = new_sum / new_sample_count
        if not with_var:
            return mean, None, new_sample_count
        T = new_sum / new_sample_count
        temp = X - T
        if sample_weight is not None:
            correction = np.matmul(sample_weight, np.where(X_nan_mask, 0, temp))
            temp **= 2
            unnormalized = np.matmul(sample_weight, np.where(X_nan_mask, 0, temp))
        else:
            correction = sum_op(temp, axis=0)
            temp **= 2
            unnormalized = sum_op(temp, axis=0)
        unnormalized = unnormalized - correction**2 / new_sample_count
        var = unnormalized / new_sample_count
    return mean, var, new_sample_count


def standard_scaler(X, with_mean=True, with_std=True, sample_weight=None):
    if not with_mean and not with_std:
        mean, var, seen = None, None, X.shape[0] - np.isnan(X).sum(axis=0)
    else:
        mean, var, seen = incremental_mean_and_var(X, sample_weight, with_std)
    if sample_weight is None:
        seen = seen.astype(np.int64)
    if np.ptp(seen) == 0:
        seen = seen[0]
    scale = None
    if with_std:
        eps = np.finfo(np.float64).eps
        constant = var <= seen * eps * var + (seen * mean * eps) ** 2
        scale = np.sqrt(var)
        scale[constant] = 1.0
    Z = X.astype(X.dtype, copy=True)
    if with_mean:
        Z -= mean
    if with_std:
        Z /= scale
    inv = Z.copy()
    if with_std:
        inv *= scale
    if with_mean:
        inv += mean
    return dict(mean=mean, var=var, scale=scale, seen=seen, Z=Z, inverse=inv)


def scaler_cases(rng):
    base = rng.normal(size=(37, 5)) * np.array([1, 10, 0.01, 1e3, 3]) + np.array([0, -5, 100, 1e4, 0.5])
    constant = base.copy()
    constant[:, 1] = 0.1
    constant[:, 3] = 0.0
    with_nan = base.copy()
    with_nan[rng.random(with_nan.shape) < 0.15] = np.nan
    weights = rng.uniform(0.2, 3, size=37)
    ints = rng.integers(-20, 20, size=(37, 5)).astype(np.int32)
    cases = [
        ("plain", base, {}, None),
        ("constant columns", constant, {}, None),
        ("NaNs", with_nan, {}, None),
        ("sample weights", base, {}, weights),
        ("sample weights and NaNs", with_nan, {}, weights),
        ("float32", base.astype(np.float32), {}, None),
        ("int32", ints, {}, None),
        ("withMean false", base, {"withMean": False}, None),
        ("withStd false", with_nan, {"withStd": False}, None),
        ("neither", with_nan, {"withMean": False, "withStd": False}, None),
    ]
    out = []
    for name, X, options, sw in cases:
        Xf = X if X.dtype.kind == "f" else X.astype(np.float64)
        r = standard_scaler(Xf, options.get("withMean", True), options.get("withStd", True), sw)
        out.append({
            "name": name,
            "X": encode(X),
            "options": options,
            "sampleWeight": None if sw is None else encode(sw),
            "mean": None if r["mean"] is None else encode(r["mean"]),
            "var": None if r["var"] is None else encode(r["var"]),
            "scale": None if r["scale"] is None else encode(r["scale"]),
            "nSamplesSeen": encode(r["seen"]),
            "transform": encode(r["Z"]),
            "inverse": encode(r["inverse"]),
        })
    return out


def validate_shuffle_split(n_samples, test_size, train_size, default_test_size=0.25):
    """sklearn.model_selection._split._validate_shuffle_split (after validate_params)."""
    if test_size is None and train_size is None:
        test_size = default_test_size
    test_size_type = np.asarray(test_size).dtype.kind
    train_size_type = np.asarray(train_size).dtype.kind
    if (test_size_type == "i" and (test_size >= n_samples or test_size <= 0)) or (test_size_type == "f" and (test_size <= 0 or test_size >= 1)):
        raise ValueError(f"test_size={test_size} should be either positive and smaller than the number of samples {n_samples} or a float in the (0, 1) range")
    if (train_size_type == "i" and (train_size >= n_samples or train_size <= 0)) or (train_size_type == "f" and (train_size <= 0 or train_size >= 1)):
        raise ValueError(f"train_size={train_size} should be either positive and smaller than the number of samples {n_samples} or a float in the (0, 1) range")
    if train_size_type == "f" and test_size_type == "f" and train_size + test_size > 1:
        raise ValueError(f"The sum of test_size and train_size = {train_size + test_size}, should be in the (0, 1) range. Reduce test_size and/or train_size.")
    if test_size_type == "f":
        n_test = ceil(test_size * n_samples)
    elif test_size_type == "i":
        n_test = float(test_size)
    if train_size_type == "f":
        n_train = floor(train_size * n_samples)
    elif train_size_type == "i":
        n_train = float(train_size)
    if train_size is None:
        n_train = n_samples - n_test
    elif test_size is None:
        n_test = n_samples - n_train
    if n_train + n_test > n_samples:
        raise ValueError("The sum of train_size and test_size = %d, should be smaller than the number of samples %d. Reduce test_size and/or train_size." % (n_train + n_test, n_samples))
    n_train, n_test = int(n_train), int(n_test)
    if n_train == 0:
        raise ValueError(f"With n_samples={n_samples}, test_size={test_size} and train_size={train_size}, the resulting train set will be empty. Adjust any of the aforementioned parameters.")
    return n_train, n_test


def size_cases():
    grid = [
        (100, None, None), (10, None, None), (7, None, None), (1, None, None), (0, None, None), (4, None, None),
        (100, 0.2, None), (100, 0.33, None), (101, None, 0.67), (10, 3, None), (10, None, 3), (10, 3, 4),
        (10, 0.3, 0.5), (10, 0.6, 0.5), (10, 10, None), (10, None, 10), (10, 12, None), (10, 6, 6),
        (10, 0.5, 6), (3, 0.1, 0.1), (1000, 0.001, 0.999), (50, 0.05, 0.95), (20, 0.99, None), (3, 0.5, None),
    ]
    out = []
    for n, test, train in grid:
        try:
            n_train, n_test = validate_shuffle_split(n, test, train)
            out.append({"n": n, "testSize": test, "trainSize": train, "nTrain": n_train, "nTest": n_test})
        except ValueError as e:
            out.append({"n": n, "testSize": test, "trainSize": train, "error": str(e)})
    return out


def approximate_mode(class_counts, n_draws, rng):
    """sklearn.utils.extmath._approximate_mode."""
    continuous = class_counts / class_counts.sum() * n_draws
    floored = np.floor(continuous)
    need_to_add = int(n_draws - floored.sum())
    if need_to_add > 0:
        remainder = continuous - floored
        values = np.sort(np.unique(remainder))[::-1]
        for value in values:
            (inds,) = np.where(remainder == value)
            add_now = min(len(inds), need_to_add)
            inds = rng.choice(inds, size=add_now, replace=False)
            floored[inds] += 1
            need_to_add -= add_now
            if need_to_add == 0:
                break
    return floored.astype(int)


def mode_cases(rng):
    out = []
    for counts, draws in [([12, 5, 3], 15), ([100, 1], 50), ([7, 11, 13, 17], 29), ([500, 300, 200], 333), ([2, 2, 3], 5), ([40, 60], 25)]:
        c = np.array(counts)
        continuous = c / c.sum() * draws
        rem = continuous - np.floor(continuous)
        need = int(draws - np.floor(continuous).sum())
        # Only cases where the rows given out never split a group of equal remainders (no draw).
        taken = np.sort(rem)[::-1]
        if need > 0 and need < len(taken) and taken[need - 1] == taken[need]:
            continue
        out.append({"counts": counts, "draws": draws, "expected": approximate_mode(c, draws, rng).tolist()})
    return out


def main():
    rng = np.random.default_rng(20240611)
    write("preprocessing/cases.json", {"scaler": scaler_cases(rng), "sizes": size_cases(), "approximateMode": mode_cases(rng)})


if __name__ == "__main__":
    main()
