#!/usr/bin/env python3
"""Generates test/fixtures/linalg/*.json: inputs and NumPy's (SciPy's for solve_triangular) answers
for nt.linalg, in float64 and float32.

Matrices are well conditioned, ill conditioned (cond 1e12 in float64, 1e4 in float32), rank
deficient, singular, not positive definite, empty, stacked, and with NaN/Inf; the error cases
record NumPy's exception class and message.
Run: python3 scripts/gen/linalg_fixtures.py (NumPy 2.x, SciPy).
"""
import warnings

import numpy as np
import scipy.linalg as sla

from fixtures_lib import encode, write

rng = np.random.default_rng(20261126)


def with_cond(m, n, cond):
    k = min(m, n)
    u, _ = np.linalg.qr(rng.standard_normal((m, k)))
    v, _ = np.linalg.qr(rng.standard_normal((n, k)))
    return (u * np.logspace(0, -np.log10(cond), k)) @ v.T


def spd(n, cond=10.0):
    q, _ = np.linalg.qr(rng.standard_normal((n, n)))
    return (q * np.logspace(0, -np.log10(cond), n)) @ q.T


def general(dtype):
    ill = 1e12 if dtype == "float64" else 1e4
    mats = {
        "square7": rng.standard_normal((7, 7)),
        "square24": rng.standard_normal((24, 24)),
        "tall40x6": rng.standard_normal((40, 6)),
        "tall30x13": rng.standard_normal((30, 13)),
        "wide6x23": rng.standard_normal((6, 23)),
        "wide11x14": rng.standard_normal((11, 14)),
        "one1x1": np.array([[-2.5]]),
        "ill20": with_cond(20, 20, ill),
        "illTall36x9": with_cond(36, 9, ill),
        "rankdef18x10": rng.standard_normal((18, 3)) @ rng.standard_normal((3, 10)),
        "rankdefWide8x21": rng.standard_normal((8, 2)) @ rng.standard_normal((2, 21)),
    }
    return {k: v.astype(dtype) for k, v in mats.items()}


WELL = {"square7", "square24", "tall40x6", "tall30x13", "wide6x23", "wide11x14", "one1x1"}


def qr_cases():
    out = []
    for dtype in ["float64", "float32"]:
        for name, a in general(dtype).items():
            q, r = np.linalg.qr(a)
            qc, rc = np.linalg.qr(a, mode="complete")
            out.append({"name": name, "dtype": dtype, "well": name in WELL, "a": encode(a),
                        "reduced": {"q": encode(q), "r": encode(r)}, "complete": {"q": encode(qc), "r": encode(rc)},
                        "r": encode(np.linalg.qr(a, mode="r"))})
    return out


def svd_cases():
    out = []
    for dtype in ["float64", "float32"]:
        for name, a in general(dtype).items():
            out.append({"name": name, "dtype": dtype, "well": name in WELL, "a": encode(a),
                        "s": encode(np.linalg.svd(a, compute_uv=False)),
                        "rank": int(np.linalg.matrix_rank(a)),
                        "pinv": encode(np.linalg.pinv(a)),
                        "norms": {str(o): float(np.linalg.norm(a, o)) for o in [None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]}})
    return out


def square_cases():
    """solve, inv, det, slogdet, cond, cholesky, eigh, matrix_power on square matrices."""
    out = []
    for dtype in ["float64", "float32"]:
        mats = {k: v for k, v in general(dtype).items() if v.shape[0] == v.shape[1]}
        mats["spd16"] = spd(16).astype(dtype)
        mats["spd33"] = spd(33, 1e3).astype(dtype)
        for name, a in mats.items():
            n = a.shape[0]
            b = rng.standard_normal(n).astype(dtype)
            bm = rng.standard_normal((n, 3)).astype(dtype)
            sign, logdet = np.linalg.slogdet(a)
            case = {"name": name, "dtype": dtype, "well": not name.startswith("ill"), "a": encode(a), "b": encode(b), "bm": encode(bm),
                    "x": encode(np.linalg.solve(a, b)), "xm": encode(np.linalg.solve(a, bm)), "inv": encode(np.linalg.inv(a)),
                    "det": float(np.linalg.det(a)), "sign": float(sign), "logdet": float(logdet),
                    "cond": {str(p): float(np.linalg.cond(a, p)) for p in [None, 2, -2, 1, -1, np.inf, -np.inf, "fro", "nuc"]},
                    "power": {str(k): encode(np.linalg.matrix_power(a, k)) for k in [0, 1, 2, 3, 5, 8, -1, -2]}}
            if name.startswith("spd"):
                w, v = np.linalg.eigh(a)
                case.update({"chol": encode(np.linalg.cholesky(a)), "cholUpper": encode(np.linalg.cholesky(a, upper=True)), "w": encode(w), "v": encode(v),
                             "wUpper": encode(np.linalg.eigvalsh(np.triu(a) + np.triu(a, 1).T))})
            out.append(case)
    return out


def lstsq_cases():
    out = []
    for dtype in ["float64", "float32"]:
        for name, a in general(dtype).items():
            m = a.shape[0]
            for rhs in ["vector", "matrix"]:
                b = (rng.standard_normal(m) if rhs == "vector" else rng.standard_normal((m, 2))).astype(dtype)
                x, res, rank, s = np.linalg.lstsq(a, b)
                out.append({"name": f"{name}/{rhs}", "dtype": dtype, "well": name in WELL, "a": encode(a), "b": encode(b),
                            "x": encode(x), "residuals": encode(res), "rank": int(rank), "s": encode(s)})
    return out


def ord_json(o):
    """JSON has no infinities: they travel as "inf" / "-inf"."""
    if o is None or isinstance(o, str):
        return o
    return "inf" if o == np.inf else "-inf" if o == -np.inf else float(o)


def norm_cases():
    """Vector and matrix norms over axes, with keepdims, on a 3-D array and vectors."""
    x3 = rng.standard_normal((4, 5, 6))
    v = rng.standard_normal(9)
    out = []
    for ord_ in [None, 0, 1, -1, 2, -2, 3, 0.5, np.inf, -np.inf]:
        for keepdims in [False, True]:
            out.append({"x": "v", "ord": ord_json(ord_), "axis": None, "keepdims": keepdims, "out": encode(np.linalg.norm(v, ord_, keepdims=keepdims))})
            for axis in [0, 1, -1]:
                out.append({"x": "x3", "ord": ord_json(ord_), "axis": axis, "keepdims": keepdims,
                            "out": encode(np.linalg.norm(x3, ord_, axis=axis, keepdims=keepdims))})
    for ord_ in [None, "fro", "nuc", 1, -1, 2, -2, np.inf, -np.inf]:
        for axis in [(0, 1), (2, 0), (-1, -2)]:
            for keepdims in [False, True]:
                out.append({"x": "x3", "ord": ord_json(ord_), "axis": list(axis), "keepdims": keepdims,
                            "out": encode(np.linalg.norm(x3, ord_, axis=axis, keepdims=keepdims))})
    out.append({"x": "x3", "ord": None, "axis": None, "keepdims": True, "out": encode(np.linalg.norm(x3, keepdims=True))})
    return {"x3": encode(x3), "v": encode(v), "cases": out}


def stacked_cases():
    a = rng.standard_normal((2, 3, 5, 5))
    s = np.einsum("...ij,...kj->...ik", a, a) + 5 * np.eye(5)
    b = rng.standard_normal((2, 3, 5, 2))
    v = rng.standard_normal(5)
    t = rng.standard_normal((3, 7, 4))
    sign, logdet = np.linalg.slogdet(a)
    return {"a": encode(a), "spd": encode(s), "b": encode(b), "v": encode(v), "tall": encode(t),
            "solve": encode(np.linalg.solve(a, b)), "solveVector": encode(np.linalg.solve(a, v)), "inv": encode(np.linalg.inv(a)), "det": encode(np.linalg.det(a)),
            "sign": encode(sign), "logdet": encode(logdet), "chol": encode(np.linalg.cholesky(s)),
            "eigvalsh": encode(np.linalg.eigvalsh(s)), "svdvals": encode(np.linalg.svd(t, compute_uv=False)),
            "qrR": encode(np.abs(np.linalg.qr(t, mode="r"))), "rank": encode(np.linalg.matrix_rank(t)),
            "pinv": encode(np.linalg.pinv(t)), "cond": encode(np.linalg.cond(a)), "cond1": encode(np.linalg.cond(a, 1)),
            "power3": encode(np.linalg.matrix_power(a, 3)), "normFro": encode(np.linalg.norm(t, axis=(1, 2)))}


def multi_dot_cases():
    shapes = [[(9,), (9, 4), (4, 7)], [(3, 10), (10, 2), (2, 8), (8, 5)], [(6, 2), (2, 9), (9, 9), (9, 3), (3,)], [(7,), (7, 3), (3, 5), (5,)]]
    out = []
    for sh in shapes:
        arrays = [rng.standard_normal(s) for s in sh]
        out.append({"arrays": [encode(x) for x in arrays], "out": encode(np.linalg.multi_dot(arrays))})
    return out


def triangular_cases():
    out = []
    for n, rhs in [(9, (9,)), (17, (17, 4)), (1, (1, 2))]:
        a = rng.standard_normal((n, n)) + n * np.eye(n)
        b = rng.standard_normal(rhs)
        for lower in [False, True]:
            for trans in [0, 1]:
                for unit in [False, True]:
                    out.append({"a": encode(a), "b": encode(b), "lower": lower, "trans": trans, "unit": unit,
                                "x": encode(sla.solve_triangular(a, b, trans=trans, lower=lower, unit_diagonal=unit))})
    return out


def matrix_power_int():
    a = np.array([[1, 2], [3, 4]], dtype=np.int32)
    return {"a": encode(a), "cube": encode(np.linalg.matrix_power(a, 3)), "zero": encode(np.linalg.matrix_power(a, 0))}


def special_cases():
    """Singular, not positive definite, empty and non-finite inputs: values or NumPy's error."""
    def attempt(fn):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                r = fn()
            return {"ok": True, "value": [encode(x) for x in r] if isinstance(r, tuple) else encode(r)}
        except Exception as e:  # noqa: BLE001 (recording NumPy's behavior)
            return {"ok": False, "error": type(e).__name__, "message": str(e)}

    singular = np.array([[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [1.0, 0.0, 1.0]])
    notpd = np.array([[1.0, 2.0], [2.0, 1.0]])
    nan = np.array([[1.0, np.nan], [0.5, 2.0]])
    inf = np.array([[1.0, np.inf], [0.5, 2.0]])
    cases = {
        "solve/singular": attempt(lambda: np.linalg.solve(singular, np.ones(3))),
        "inv/singular": attempt(lambda: np.linalg.inv(singular)),
        "det/singular": attempt(lambda: np.linalg.det(singular)),
        "slogdet/singular": attempt(lambda: tuple(np.linalg.slogdet(singular))),
        "cond/singular": attempt(lambda: np.linalg.cond(singular)),
        "cond1/singular": attempt(lambda: np.linalg.cond(singular, 1)),
        "rank/singular": attempt(lambda: np.linalg.matrix_rank(singular)),
        "cholesky/notpd": attempt(lambda: np.linalg.cholesky(notpd)),
        "svd/nan": attempt(lambda: np.linalg.svd(nan, compute_uv=False)),
        "pinv/nan": attempt(lambda: np.linalg.pinv(nan)),
        "rank/nan": attempt(lambda: np.linalg.matrix_rank(nan)),
        "lstsq/nan": attempt(lambda: np.linalg.lstsq(nan, np.ones(2))[0]),
        "solve/nan": attempt(lambda: np.linalg.solve(nan, np.ones(2))),
        "det/nan": attempt(lambda: np.linalg.det(nan)),
        "qr/nan": attempt(lambda: np.linalg.qr(nan, mode="r")),
        "cholesky/nan": attempt(lambda: np.linalg.cholesky(np.array([[4.0, np.nan], [np.nan, 4.0]]))),
        "norm/inf": attempt(lambda: np.linalg.norm(inf)),
        "solve/inf": attempt(lambda: np.linalg.solve(inf, np.ones(2))),
        "inv/empty": attempt(lambda: np.linalg.inv(np.zeros((0, 0)))),
        "det/empty": attempt(lambda: np.linalg.det(np.zeros((0, 0)))),
        "slogdet/empty": attempt(lambda: tuple(np.linalg.slogdet(np.zeros((0, 0))))),
        "cholesky/empty": attempt(lambda: np.linalg.cholesky(np.zeros((0, 0)))),
        "solve/empty": attempt(lambda: np.linalg.solve(np.zeros((0, 0)), np.zeros(0))),
        "qr/empty0x3": attempt(lambda: tuple(np.linalg.qr(np.zeros((0, 3))))),
        "qr/empty3x0complete": attempt(lambda: tuple(np.linalg.qr(np.zeros((3, 0)), mode="complete"))),
        "svd/empty0x3": attempt(lambda: tuple(np.linalg.svd(np.zeros((0, 3))))),
        "svd/empty3x0reduced": attempt(lambda: tuple(np.linalg.svd(np.zeros((3, 0)), full_matrices=False))),
        "pinv/empty": attempt(lambda: np.linalg.pinv(np.zeros((0, 3)))),
        "rank/empty": attempt(lambda: np.asarray(np.linalg.matrix_rank(np.zeros((0, 3))), dtype=np.int32)),
        "norm/empty": attempt(lambda: np.linalg.norm(np.zeros((0, 3)))),
        "lstsq/empty": attempt(lambda: np.linalg.lstsq(np.zeros((0, 3)), np.zeros(0))[0]),
        "lstsq/emptyCols": attempt(lambda: tuple(np.linalg.lstsq(np.zeros((3, 0)), np.ones(3))[:2])),
        "eigvalsh/empty": attempt(lambda: np.linalg.eigvalsh(np.zeros((0, 0)))),
        "cond/empty": attempt(lambda: np.linalg.cond(np.zeros((0, 0)))),
        "rank/vector": attempt(lambda: np.asarray(np.linalg.matrix_rank(np.array([0.0, 2.0])), dtype=np.int32)),
        "rank/zeroVector": attempt(lambda: np.asarray(np.linalg.matrix_rank(np.zeros(3)), dtype=np.int32)),
        "power/singular": attempt(lambda: np.linalg.matrix_power(singular, -1)),
    }
    return {"singular": encode(singular), "notpd": encode(notpd), "nan": encode(nan), "inf": encode(inf), "cases": cases}


def error_cases():
    """Argument errors NumPy raises before computing: class and message."""
    def attempt(fn):
        try:
            fn()
            return None
        except Exception as e:  # noqa: BLE001
            return {"error": type(e).__name__, "message": str(e)}

    v = np.ones(3)
    rect = np.ones((2, 3))
    sq = np.eye(3)
    return {
        "qr/1d": attempt(lambda: np.linalg.qr(v)),
        "qr/mode": attempt(lambda: np.linalg.qr(sq, mode="foo")),
        "svd/1d": attempt(lambda: np.linalg.svd(v)),
        "cholesky/1d": attempt(lambda: np.linalg.cholesky(v)),
        "cholesky/rect": attempt(lambda: np.linalg.cholesky(rect)),
        "inv/rect": attempt(lambda: np.linalg.inv(rect)),
        "inv/1d": attempt(lambda: np.linalg.inv(v)),
        "det/rect": attempt(lambda: np.linalg.det(rect)),
        "slogdet/rect": attempt(lambda: np.linalg.slogdet(rect)),
        "solve/rect": attempt(lambda: np.linalg.solve(rect, np.ones(2))),
        "solve/vector": attempt(lambda: np.linalg.solve(sq, np.ones(2))),
        "solve/matrix": attempt(lambda: np.linalg.solve(sq, np.ones((2, 2)))),
        "eigh/rect": attempt(lambda: np.linalg.eigh(rect)),
        "eigh/uplo": attempt(lambda: np.linalg.eigh(sq, UPLO="X")),
        "lstsq/3d": attempt(lambda: np.linalg.lstsq(np.ones((2, 2, 2)), np.ones(2))),
        "lstsq/rows": attempt(lambda: np.linalg.lstsq(rect, np.ones(3))),
        "pinv/1d": attempt(lambda: np.linalg.pinv(v)),
        "pinv/both": attempt(lambda: np.linalg.pinv(sq, rcond=1e-3, rtol=1e-3)),
        "cond/1d": attempt(lambda: np.linalg.cond(v)),
        "cond/rect1": attempt(lambda: np.linalg.cond(rect, 1)),
        "norm/matrixOrd": attempt(lambda: np.linalg.norm(sq, 3)),
        "norm/vectorFro": attempt(lambda: np.linalg.norm(v, "fro")),
        "norm/dup": attempt(lambda: np.linalg.norm(sq, axis=(0, 0))),
        "norm/3axes": attempt(lambda: np.linalg.norm(np.ones((2, 2, 2)), 2)),
        "power/rect": attempt(lambda: np.linalg.matrix_power(rect, 2)),
        "power/float": attempt(lambda: np.linalg.matrix_power(sq, 1.5)),
        "multiDot/one": attempt(lambda: np.linalg.multi_dot([sq])),
        "multiDot/shapes": attempt(lambda: np.linalg.multi_dot([sq, rect, sq])),
        "multiDot/3d": attempt(lambda: np.linalg.multi_dot([sq, np.ones((3, 3, 3)), sq])),
        "solveTriangular/rect": attempt(lambda: sla.solve_triangular(rect, np.ones(2))),
        "solveTriangular/b": attempt(lambda: sla.solve_triangular(sq, np.ones(2))),
    }


if __name__ == "__main__":
    write("linalg/qr.json", {"cases": qr_cases()})
    write("linalg/svd.json", {"cases": svd_cases()})
    write("linalg/square.json", {"cases": square_cases()})
    write("linalg/lstsq.json", {"cases": lstsq_cases()})
    write("linalg/norm.json", norm_cases())
    write("linalg/stacked.json", stacked_cases())
    write("linalg/misc.json", {"multiDot": multi_dot_cases(), "triangular": triangular_cases(), "powerInt": matrix_power_int()})
    write("linalg/special.json", special_cases())
    write("linalg/errors.json", error_cases())
