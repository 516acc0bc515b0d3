#!/usr/bin/env python3
"""Generates test/fixtures/linalg-kernels/*.json: inputs and NumPy's (and, for LU and triangular
solves, SciPy's) answers for the single-block linear-algebra kernels, in float64 and float32.

Matrices are well conditioned, ill conditioned (cond 1e12 in float64, 1e4 in float32) and rank
deficient, plus the shapes that stress edge handling (1×1, single row/column, tall, wide, empty).
The NaN/Inf cases record what NumPy does, including its errors.
Run: python3 scripts/gen/lapack_fixtures.py (NumPy 2.x, SciPy).
"""
import warnings

import numpy as np
import scipy.linalg as sla

from fixtures_lib import encode, write

rng = np.random.default_rng(20261125)
DTYPES = ["float64", "float32"]


def with_cond(m, n, cond):
    """m×n with singular values log-spaced from 1 down to 1/cond."""
    k = min(m, n)
    u, _ = np.linalg.qr(rng.standard_normal((m, k)))
    v, _ = np.linalg.qr(rng.standard_normal((n, k)))
    return (u * np.logspace(0, -np.log10(cond), k)) @ v.T


def spd(n, cond):
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return (q * np.logspace(0, -np.log10(cond), n)) @ q.T


def general_matrices(dtype):
    ill = 1e12 if dtype == "float64" else 1e4
    mats = {
        "square6": rng.standard_normal((6, 6)),
        "tall9x4": rng.standard_normal((9, 4)),
        "wide4x9": rng.standard_normal((4, 9)),
        "tall40x7": rng.standard_normal((40, 7)),
        "one1x1": np.array([[-2.5]]),
        "row1x5": rng.standard_normal((1, 5)),
        "col5x1": rng.standard_normal((5, 1)),
        "ill8": with_cond(8, 8, ill),
        "illTall12x6": with_cond(12, 6, ill),
        "rankdef7x5": rng.standard_normal((7, 2)) @ rng.standard_normal((2, 5)),
        "rankdefWide4x7": rng.standard_normal((4, 2)) @ rng.standard_normal((2, 7)),
        "zeroColumn5x3": np.column_stack([rng.standard_normal(5), np.zeros(5), rng.standard_normal(5)]),
        "zeros3x3": np.zeros((3, 3)),
        "scaledHuge5x4": rng.standard_normal((5, 4)) * 1e150,
        "scaledTiny5x4": rng.standard_normal((5, 4)) * 1e-150,
    }
    if dtype == "float32":
        del mats["scaledHuge5x4"], mats["scaledTiny5x4"]
    return {k: v.astype(dtype) for k, v in mats.items()}


WELL = {"square6", "tall9x4", "wide4x9", "tall40x7", "one1x1", "row1x5", "col5x1", "scaledHuge5x4", "scaledTiny5x4"}


def qr_cases():
    cases = []
    for dtype in DTYPES:
        for name, a in general_matrices(dtype).items():
            q, r = np.linalg.qr(a)
            qc, rc = np.linalg.qr(a, mode="complete")
            cases.append({"name": name, "dtype": dtype, "well": name in WELL, "a": encode(a),
                          "reduced": {"q": encode(q), "r": encode(r)}, "complete": {"q": encode(qc), "r": encode(rc)},
                          "r": encode(np.linalg.qr(a, mode="r"))})
        # TSQR merge: the stack [R1; R2; R3] of three blocks' R factors.
        blocks = [rng.standard_normal((m, 5)).astype(dtype) for m in (8, 6, 5)]
        rs = [np.linalg.qr(b, mode="r") for b in blocks]
        stack = np.vstack(rs)
        q, r = np.linalg.qr(stack)
        cases.append({"name": "stackOfR", "dtype": dtype, "well": True, "stack": [encode(x) for x in rs], "a": encode(stack),
                      "reduced": {"q": encode(q), "r": encode(r)}, "r": encode(np.linalg.qr(stack, mode="r")),
                      "rOfBlocks": encode(np.linalg.qr(np.vstack(blocks), mode="r"))})
    return cases


def square_cases():
    """Square matrices for LU, solve, inverse and slogdet."""
    cases = []
    for dtype in DTYPES:
        ill = 1e12 if dtype == "float64" else 1e4
        mats = {"square6": rng.standard_normal((6, 6)), "square17": rng.standard_normal((17, 17)),
                "one1x1": np.array([[-2.5]]), "ill8": with_cond(8, 8, ill),
                "negdet3": np.array([[0.0, 1, 2], [1, 0, 3], [4, -3, 8]]),
                "permuted4": np.eye(4)[[2, 0, 3, 1]] * np.array([1.0, -2, 3, 0.5]),
                "huge5": rng.standard_normal((5, 5)) * 1e200 if dtype == "float64" else rng.standard_normal((5, 5)) * 1e30}
        for name, a in mats.items():
            a = a.astype(dtype)
            b = rng.standard_normal(a.shape[0]).astype(dtype)
            bm = rng.standard_normal((a.shape[0], 3)).astype(dtype)
            lu, piv = sla.lu_factor(a)
            sign, logdet = np.linalg.slogdet(a)
            cases.append({"name": name, "dtype": dtype, "well": name not in ("ill8",), "a": encode(a),
                          "lu": encode(lu), "piv": encode(piv.astype(np.int32)),
                          "b": encode(b), "x": encode(np.linalg.solve(a, b)), "xT": encode(np.linalg.solve(a.T, b)),
                          "bm": encode(bm), "xm": encode(np.linalg.solve(a, bm)),
                          "inv": encode(np.linalg.inv(a)), "slogdet": encode(np.array([sign, logdet], dtype=dtype)),
                          "det": encode(np.array([np.linalg.det(a)], dtype=dtype)),
                          "cond": float(np.linalg.cond(a.astype(np.float64)))})
        # Exactly singular: solve and inv raise, slogdet is (0, -inf), lu still factors.
        for name, a in {"singular4": np.array([[1.0, 2, 3, 4], [2, 4, 6, 8], [0, 1, 0, 1], [1, 1, 1, 1]]),
                        "zeros3": np.zeros((3, 3)), "singularRow": np.array([[1.0, 2], [0, 0]])}.items():
            a = a.astype(dtype)
            sign, logdet = np.linalg.slogdet(a)
            lu, piv = sla.lu_factor(a, check_finite=False)
            cases.append({"name": name, "dtype": dtype, "singular": True, "a": encode(a), "lu": encode(lu),
                          "piv": encode(piv.astype(np.int32)), "slogdet": encode(np.array([sign, logdet], dtype=dtype))})
    return cases


def rect_lu_cases():
    cases = []
    for dtype in DTYPES:
        for shape in [(7, 4), (4, 7)]:
            a = rng.standard_normal(shape).astype(dtype)
            lu, piv = sla.lu_factor(a)
            cases.append({"name": f"lu{shape[0]}x{shape[1]}", "dtype": dtype, "a": encode(a), "lu": encode(lu),
                          "piv": encode(piv.astype(np.int32))})
    return cases


def cholesky_cases():
    cases = []
    for dtype in DTYPES:
        ill = 1e10 if dtype == "float64" else 1e3
        b = rng.standard_normal((6, 6))
        mats = {"spd6": b @ b.T + 6 * np.eye(6), "spd1": np.array([[9.0]]), "illSpd7": spd(7, ill),
                "spd30": spd(30, 100.0)}
        for name, a in mats.items():
            # Garbage in the unreferenced triangle proves it is not read.
            lo = np.tril(a) + np.triu(rng.standard_normal(a.shape), 1)
            up = np.triu(a) + np.tril(rng.standard_normal(a.shape), -1)
            cases.append({"name": name, "dtype": dtype, "well": not name.startswith("ill"), "a": encode(a.astype(dtype)),
                          "aLowerOnly": encode(lo.astype(dtype)), "aUpperOnly": encode(up.astype(dtype)),
                          "l": encode(np.linalg.cholesky(a.astype(dtype))),
                          "u": encode(np.linalg.cholesky(a.astype(dtype), upper=True))})
        for name, a in {"indefinite3": np.array([[1.0, 2, 0], [2, 1, 0], [0, 0, 1]]), "negative2": -np.eye(2),
                        "semidefinite3": np.ones((3, 3))}.items():
            cases.append({"name": name, "dtype": dtype, "notPd": True, "a": encode(a.astype(dtype))})
    return cases


def svd_cases():
    cases = []
    for dtype in DTYPES:
        for name, a in general_matrices(dtype).items():
            u, s, vt = np.linalg.svd(a)
            ur, sr, vtr = np.linalg.svd(a, full_matrices=False)
            gaps = np.diff(np.sort(sr.astype(np.float64)))
            separated = bool(name in WELL and (len(gaps) == 0 or gaps.min() > 1e-3 * sr.max()))
            cases.append({"name": name, "dtype": dtype, "well": name in WELL, "separated": separated, "a": encode(a),
                          "full": {"u": encode(u), "s": encode(s), "vt": encode(vt)},
                          "reduced": {"u": encode(ur), "s": encode(sr), "vt": encode(vtr)},
                          "s": encode(np.linalg.svd(a, compute_uv=False))})
    return cases


def eigh_cases():
    cases = []
    for dtype in DTYPES:
        b = rng.standard_normal((7, 7))
        q, _ = np.linalg.qr(rng.standard_normal((5, 5)))
        mats = {"sym7": b + b.T, "spd6": spd(6, 1e3), "one1x1": np.array([[3.0]]),
                "degenerate5": (q * np.array([1.0, 1, 2, 2, -3])) @ q.T, "zeros3": np.zeros((3, 3)),
                "diagonal4": np.diag([3.0, -1, 2, 0]), "sym25": (lambda c: c + c.T)(rng.standard_normal((25, 25)))}
        for name, a in mats.items():
            garbage = rng.standard_normal(a.shape)
            lo = np.tril(a) + np.triu(garbage, 1)
            up = np.triu(a) + np.tril(garbage, -1)
            w, v = np.linalg.eigh(a.astype(dtype))
            gaps = np.diff(w.astype(np.float64))
            separated = bool(len(gaps) == 0 or gaps.min() > 1e-3 * max(abs(w).max(), 1e-300))
            cases.append({"name": name, "dtype": dtype, "separated": separated, "a": encode(a.astype(dtype)),
                          "aLowerOnly": encode(lo.astype(dtype)), "aUpperOnly": encode(up.astype(dtype)),
                          "w": encode(w), "v": encode(v)})
    return cases


def triangular_cases():
    cases = []
    for dtype in DTYPES:
        n = 6
        a = rng.standard_normal((n, n)) + 4 * np.eye(n)
        bl = rng.standard_normal((n, 3))
        br = rng.standard_normal((4, n))
        bv = rng.standard_normal(n)
        for lower in (True, False):
            for trans in (False, True):
                for unit in (False, True):
                    t = np.tril(a) if lower else np.triu(a)
                    if unit:
                        np.fill_diagonal(t, 1.0)
                    op = t.T if trans else t
                    cases.append({"lower": lower, "transA": trans, "unitDiagonal": unit, "dtype": dtype,
                                  "a": encode(a.astype(dtype)), "bLeft": encode(bl.astype(dtype)),
                                  "bRight": encode(br.astype(dtype)), "bVec": encode(bv.astype(dtype)),
                                  "xLeft": encode(sla.solve_triangular(op, bl, lower=lower != trans).astype(dtype)),
                                  "xVec": encode(sla.solve_triangular(op, bv, lower=lower != trans).astype(dtype)),
                                  "xRight": encode(np.linalg.solve(op.T, br.T).T.astype(dtype))})
    return cases


def gram_cases():
    cases = []
    for dtype in DTYPES:
        for m, n in [(30, 5), (300, 9), (4, 6), (1, 3)]:  # 300 rows cross a 256-row panel
            a = rng.standard_normal((m, n))
            s = rng.uniform(0, 1, m)
            sn = rng.standard_normal(m)  # negative weights too
            c0 = rng.standard_normal((n, n))
            c0 = c0 + c0.T
            x = rng.standard_normal(n)
            y0 = rng.standard_normal(m)
            cases.append({"dtype": dtype, "a": encode(a.astype(dtype)), "s": encode(s.astype(dtype)),
                          "sSigned": encode(sn.astype(dtype)), "c0": encode(c0.astype(dtype)),
                          "plain": encode((a.T @ a).astype(dtype)), "weighted": encode((a.T @ (s[:, None] * a)).astype(dtype)),
                          "signed": encode((a.T @ (sn[:, None] * a)).astype(dtype)),
                          "accumulated": encode((a.T @ (s[:, None] * a) + c0).astype(dtype)),
                          "x": encode(x.astype(dtype)), "y0": encode(y0.astype(dtype)),
                          "ax": encode((a @ x).astype(dtype)), "axPlusY0": encode((a @ x + y0).astype(dtype))})
    return cases


def nonfinite_cases():
    """NumPy's behaviour on NaN/Inf, recorded as values or error messages."""
    base = np.array([[4.0, 1, 0], [1, 3, 1], [0, 1, 2]])
    out = []

    def run(f):
        with np.errstate(all="ignore"):
            try:
                r = f()
                return {"ok": [encode(np.asarray(x)) for x in (r if isinstance(r, tuple) else (r,))]}
            except np.linalg.LinAlgError as e:
                return {"error": str(e)}

    for where, pos, val in [("nanDiag", (1, 1), np.nan), ("nanLower", (2, 0), np.nan), ("nanUpper", (0, 2), np.nan),
                            ("infDiag", (1, 1), np.inf)]:
        a = base.copy()
        a[pos] = val
        case = {"name": where, "a": encode(a)}
        case["cholesky"] = run(lambda: np.linalg.cholesky(a))
        case["choleskyUpper"] = run(lambda: np.linalg.cholesky(a, upper=True))
        case["qr"] = run(lambda: tuple(np.linalg.qr(a)))
        case["solve"] = run(lambda: np.linalg.solve(a, np.ones(3)))
        case["inv"] = run(lambda: np.linalg.inv(a))
        case["slogdet"] = run(lambda: np.array(np.linalg.slogdet(a)))
        if not np.isinf(a).any():  # NumPy's gesdd can hang on ±Inf input
            case["svd"] = run(lambda: tuple(np.linalg.svd(a)))
            case["svdvals"] = run(lambda: np.linalg.svd(a, compute_uv=False))
            case["eighL"] = run(lambda: tuple(np.linalg.eigh(a)))
            case["eighU"] = run(lambda: tuple(np.linalg.eigh(a, UPLO="U")))
            case["eigvalshL"] = run(lambda: np.linalg.eigvalsh(a))
        out.append(case)
    return out


def empty_cases():
    out = []
    for shape in [(0, 0), (3, 0), (0, 3)]:
        a = np.zeros(shape)
        case = {"shape": list(shape), "a": encode(a)}
        for mode in ("reduced", "complete"):
            q, r = np.linalg.qr(a, mode=mode)
            case[f"qr_{mode}"] = {"q": encode(q), "r": encode(r)}
        case["qr_r"] = encode(np.linalg.qr(a, mode="r"))
        for fm in (True, False):
            u, s, vt = np.linalg.svd(a, full_matrices=fm)
            case[f"svd_{'full' if fm else 'reduced'}"] = {"u": encode(u), "s": encode(s), "vt": encode(vt)}
        out.append(case)
    return out


if __name__ == "__main__":
    # Expected here: det overflowing to inf, and SciPy warning that singular cases are singular.
    warnings.simplefilter("ignore", RuntimeWarning)
    warnings.simplefilter("ignore", sla.LinAlgWarning)
    write("linalg-kernels/qr.json", {"cases": qr_cases()})
    write("linalg-kernels/square.json", {"cases": square_cases(), "rect": rect_lu_cases()})
    write("linalg-kernels/cholesky.json", {"cases": cholesky_cases()})
    write("linalg-kernels/svd.json", {"cases": svd_cases()})
    write("linalg-kernels/eigh.json", {"cases": eigh_cases()})
    write("linalg-kernels/triangular.json", {"cases": triangular_cases()})
    write("linalg-kernels/gram.json", {"cases": gram_cases()})
    write("linalg-kernels/nonfinite.json", {"cases": nonfinite_cases(), "empty": empty_cases()})
