#!/usr/bin/env python3
"""Reference coefficients of the linear models, from an independent NumPy/SciPy implementation.

  python3 scripts/gen/glm_fixtures.py

Writes test/fixtures/glm/cases.json: per case the data (X, y, optional sample weights), the
estimator with its numts options, and the minimizer of scikit-learn's objective for it, written
here in scikit-learn's own (unaveraged) form, so the tests also check numts's rescaling:

  LogisticRegression   C·Σ sᵢ·ℓᵢ + r(w)        ℓ = log-loss (binary) or multinomial log-loss,
                       r = ½‖w‖² (l2), ‖w‖₁ (l1), (1−ρ)/2‖w‖² + ρ‖w‖₁ (elasticnet), 0 (None),
                       sᵢ = sample weight × class weight
  LinearRegression     Σ sᵢ rᵢ²
  Ridge                Σ sᵢ rᵢ² + α‖w‖²
  Lasso / ElasticNet   1/(2Σs)·Σ sᵢ rᵢ² + αρ‖w‖₁ + α(1−ρ)/2‖w‖²
  PoissonRegressor     1/(2Σs)·Σ sᵢ·dev(yᵢ, μᵢ) + α/2‖w‖²,  dev = 2(y log(y/μ) − y + μ)

The intercept is never penalized. Multinomial parameters are defined up to one vector added to
every class along unpenalized coordinates; the reference reports Σₖ wₖⱼ = 0 there (scikit-learn's
representative).

Solvers, chosen to share nothing with numts's:
- smooth objectives: damped Newton with minimum-norm (lstsq) steps, run until the step stops
  changing w at machine precision;
- L1 terms: SciPy's L-BFGS-B on the split form w = u − v (u, v ≥ 0), then a polish — Newton on
  the support with the signs fixed — and a check of the optimality conditions on the zeros.
scikit-learn is not importable here; this script is the oracle.
"""
import numpy as np
from scipy.optimize import minimize

from fixtures_lib import encode, write

rng = np.random.default_rng(20261125)
EPS = np.finfo(float).eps


# ---- objectives in scikit-learn's form: value, gradient, Hessian of the smooth part -----------

def design(X, fit_intercept):
    return np.hstack([X, np.ones((X.shape[0], 1))]) if fit_intercept else X


def binary_loss(Xt, y01, s):
    def f(w):
        eta = Xt @ w
        return np.sum(s * (np.logaddexp(0, eta) - y01 * eta))

    def g(w):
        mu = 1 / (1 + np.exp(-(Xt @ w)))
        return Xt.T @ (s * (mu - y01))

    def h(w):
        mu = 1 / (1 + np.exp(-(Xt @ w)))
        return Xt.T @ (Xt * (s * mu * (1 - mu))[:, None])
    return f, g, h


def multinomial_loss(Xt, Y, s):
    n, dp = Xt.shape
    K = Y.shape[1]

    def probs(w):
        eta = Xt @ w.reshape(K, dp).T
        eta -= eta.max(axis=1, keepdims=True)
        p = np.exp(eta)
        return p / p.sum(axis=1, keepdims=True), eta

    def f(w):
        eta = Xt @ w.reshape(K, dp).T
        m = eta.max(axis=1)
        lse = m + np.log(np.exp(eta - m[:, None]).sum(axis=1))
        return np.sum(s * (lse - (Y * eta).sum(axis=1)))

    def g(w):
        p, _ = probs(w)
        return (Xt.T @ (s[:, None] * (p - Y))).T.ravel()

    def h(w):
        p, _ = probs(w)
        H = np.zeros((K * dp, K * dp))
        for k in range(K):
            for l in range(K):
                wt = s * p[:, k] * ((k == l) - p[:, l])
                H[k * dp:(k + 1) * dp, l * dp:(l + 1) * dp] = Xt.T @ (Xt * wt[:, None])
        return H
    return f, g, h


def squared_loss(Xt, y, s, scale):
    """scale·Σ sᵢ rᵢ²."""
    def f(w):
        r = Xt @ w - y
        return scale * np.sum(s * r * r)

    def g(w):
        return 2 * scale * Xt.T @ (s * (Xt @ w - y))

    def h(w):
        return 2 * scale * Xt.T @ (Xt * s[:, None])
    return f, g, h


def poisson_loss(Xt, y, s):
    """1/(2Σs)·Σ sᵢ dev(yᵢ, μᵢ)."""
    S = s.sum()

    def f(w):
        eta = Xt @ w
        mu = np.exp(eta)
        ylog = np.where(y > 0, y * np.log(np.where(y > 0, y, 1) / mu), 0.0)
        return np.sum(s * 2 * (ylog - y + mu)) / (2 * S)

    def g(w):
        return Xt.T @ (s * (np.exp(Xt @ w) - y)) / S

    def h(w):
        return Xt.T @ (Xt * (s * np.exp(Xt @ w))[:, None]) / S
    return f, g, h


def with_l2(loss, l2):
    f, g, h = loss

    def f2(w):
        return f(w) + 0.5 * np.sum(l2 * w * w)

    def g2(w):
        return g(w) + l2 * w

    def h2(w):
        return h(w) + np.diag(l2)
    return f2, g2, h2


# ---- reference solvers --------------------------------------------------------------------------

def newton(f, g, h, w0, max_iter=200):
    """Damped Newton with minimum-norm steps, until w stops changing."""
    w = w0.copy()
    fw = f(w)
    for _ in range(max_iter):
        gw = g(w)
        step = np.linalg.lstsq(h(w), -gw, rcond=1e-13)[0]
        t = 1.0
        while True:
            wn = w + t * step
            fn = f(wn)
            if fn <= fw + 1e-4 * t * gw @ step or abs(fn - fw) <= 16 * EPS * abs(fw) or t < 1e-12:
                break
            t /= 2
        moved = np.max(np.abs(wn - w))
        w, fw = wn, fn
        if moved <= 4 * EPS * max(1.0, np.max(np.abs(w))):
            break
    return w


def l1_minimize(f, g, h, l1, w0):
    """min f(w) + Σ l1ⱼ|wⱼ|: L-BFGS-B on the split form, then Newton on the support."""
    pen = l1 > 0
    p = w0.size

    def unpack(z):
        w = z[:p].copy()
        w[pen] = z[p:p + pen.sum()] - z[p + pen.sum():]
        return w

    def obj(z):
        w = unpack(z)
        gw = g(w)
        gz = np.concatenate([np.where(pen, 0.0, gw), gw[pen] + l1[pen], -gw[pen] + l1[pen]])
        return f(w) + np.sum(l1[pen] * (z[p:p + pen.sum()] + z[p + pen.sum():])), gz

    z0 = np.zeros(p + 2 * pen.sum())
    bounds = [(None, None) if not pen[j] else (0.0, 0.0) for j in range(p)] + [(0, None)] * (2 * pen.sum())
    res = minimize(obj, z0, jac=True, method="L-BFGS-B", bounds=bounds,
                   options={"maxiter": 200000, "maxfun": 400000, "ftol": 1e-16, "gtol": 1e-13, "maxcor": 30})
    w = unpack(res.x)
    # Polish: with the zero set and the signs fixed, F is smooth on the support.
    scale = max(np.max(np.abs(w)), 1e-300)
    support = ~pen | (np.abs(w) > 1e-7 * scale)
    signs = np.sign(w)
    for _ in range(100):
        gw = g(w) + np.where(pen, l1 * signs, 0.0)
        Hs = h(w)[np.ix_(support, support)]
        step = np.zeros(p)
        step[support] = np.linalg.lstsq(Hs, -gw[support], rcond=1e-13)[0]
        w = np.where(support, w + step, 0.0)
        if np.max(np.abs(step)) <= 4 * EPS * max(1.0, np.max(np.abs(w))):
            break
    assert np.all(np.sign(w[pen & support]) == signs[pen & support]), "polish changed a sign"
    gz = g(w)
    kkt = np.abs(gz[pen & ~support]) - l1[pen & ~support]
    assert kkt.size == 0 or kkt.max() <= 1e-8 * max(1.0, np.abs(gz).max()), f"zeros violate optimality: {kkt.max()}"
    return w


# ---- cases ----------------------------------------------------------------------------------

CASES = []
SMOOTH = ["newton", "irls", "lbfgs", "gd", "sgd", "proximal"]
NONSMOOTH = ["gd", "sgd", "proximal"]


def features(n, d, scales=None):
    X = rng.standard_normal((n, d))
    if scales is not None:
        X *= np.asarray(scales)
    return X


def center_classes(W, free):
    """Σₖ wₖⱼ = 0 for the unpenalized coordinates j (free: mask over one class's d')."""
    W = W.copy()
    W[:, free] -= W[:, free].mean(axis=0)
    return W


def predictions(estimator, X, y, coef, intercept, sample_weight, classes):
    """What the fitted model answers, from the reference coefficients: decision function,
    probabilities (columns in classes order), predicted labels and score, as scikit-learn's."""
    s = np.ones(X.shape[0]) if sample_weight is None else sample_weight
    coef = np.atleast_2d(coef)
    eta = X @ coef.T + np.asarray(intercept)
    if estimator == "LogisticRegression":
        if coef.shape[0] == 1:
            eta = eta[:, 0]
            p1 = 1 / (1 + np.exp(-eta))
            proba = np.stack([1 - p1, p1], axis=1)
            labels = classes[(eta > 0).astype(int)]
        else:
            e = np.exp(eta - eta.max(axis=1, keepdims=True))
            proba = e / e.sum(axis=1, keepdims=True)
            labels = classes[np.argmax(eta, axis=1)]
        score = np.sum(s * (labels == y)) / s.sum()
        return {"decision": encode(eta), "proba": encode(proba), "predict": encode(labels), "score": float(score)}
    eta = eta[:, 0]
    ybar = np.sum(s * y) / s.sum()
    if estimator == "PoissonRegressor":
        mu = np.exp(eta)

        def dev(m):
            ylog = np.where(y > 0, y * np.log(np.where(y > 0, y, 1) / m), 0.0)
            return 2 * (ylog - y + m)
        score = 1 - np.sum(s * dev(mu)) / np.sum(s * dev(ybar))
    else:
        mu = eta
        score = 1 - np.sum(s * (y - mu) ** 2) / np.sum(s * (y - ybar) ** 2)
    return {"predict": encode(mu), "score": float(score)}


def add_case(name, estimator, options, X, y, coef, intercept, solvers, sample_weight=None, classes=None):
    c = {"name": name, "estimator": estimator, "options": options, "X": encode(X), "y": encode(y),
         "coef": encode(np.asarray(coef, dtype=np.float64)), "intercept": encode(np.asarray(intercept, dtype=np.float64)),
         "solvers": solvers, "predictions": predictions(estimator, X, y, coef, intercept, sample_weight, classes)}
    if sample_weight is not None:
        c["sampleWeight"] = encode(sample_weight)
    if classes is not None:
        c["classes"] = encode(classes)
    CASES.append(c)


def class_weight_of(classes, y, class_weight):
    if class_weight is None:
        return np.ones(y.size)
    if class_weight == "balanced":
        counts = np.array([(y == c).sum() for c in classes], dtype=float)
        cw = y.size / (classes.size * counts)
    else:
        cw = np.array([class_weight.get(c, 1.0) for c in classes.tolist()])
    return cw[np.searchsorted(classes, y)]


def logistic(name, X, y, penalty, C=1.0, l1_ratio=None, fit_intercept=True, sample_weight=None, class_weight=None):
    n, d = X.shape
    classes = np.unique(y)
    K = classes.size
    s = (np.ones(n) if sample_weight is None else sample_weight) * class_weight_of(classes, y, class_weight)
    Xt = design(X, fit_intercept)
    dp = Xt.shape[1]
    rows = 1 if K == 2 else K
    mask = np.tile(np.r_[np.ones(d), np.zeros(dp - d)], rows)
    rho = {"l2": 0.0, "l1": 1.0, "elasticnet": l1_ratio, None: 0.0}[penalty]
    l2 = mask * (0.0 if penalty is None else 1 - rho)
    l1 = mask * (0.0 if penalty is None else rho)
    if K == 2:
        loss = binary_loss(Xt, (y == classes[1]).astype(float), C * s)
    else:
        loss = multinomial_loss(Xt, (y[:, None] == classes[None, :]).astype(float), C * s)
    f, g, h = with_l2(loss, l2)
    w0 = np.zeros(rows * dp)
    w = newton(f, g, h, w0) if rho == 0 else l1_minimize(f, g, h, l1, w0)
    W = w.reshape(rows, dp)
    if K > 2:
        free = np.r_[np.zeros(d, bool), np.ones(dp - d, bool)] if penalty is not None else np.ones(dp, bool)
        W = center_classes(W, free)
    options = {"penalty": penalty, "C": C, "fitIntercept": fit_intercept}
    if l1_ratio is not None:
        options["l1Ratio"] = l1_ratio
    if class_weight is not None:
        options["classWeight"] = class_weight if class_weight == "balanced" else {str(k): v for k, v in class_weight.items()}
    intercept = W[:, d] if fit_intercept else np.zeros(rows)
    add_case(name, "LogisticRegression", options, X, y, W[:, :d], intercept, SMOOTH if rho == 0 else NONSMOOTH,
             sample_weight, classes)


def regression(name, estimator, X, y, alpha=1.0, l1_ratio=None, fit_intercept=True, sample_weight=None):
    n, d = X.shape
    s = np.ones(n) if sample_weight is None else sample_weight
    S = s.sum()
    Xt = design(X, fit_intercept)
    dp = Xt.shape[1]
    mask = np.r_[np.ones(d), np.zeros(dp - d)]
    options = {"fitIntercept": fit_intercept}
    l1 = np.zeros(dp)
    if estimator == "LinearRegression":
        loss, l2 = squared_loss(Xt, y, s, 1.0), 0 * mask
    elif estimator == "Ridge":
        loss, l2 = squared_loss(Xt, y, s, 1.0), 2 * alpha * mask
        options["alpha"] = alpha
    elif estimator in ("Lasso", "ElasticNet"):
        rho = 1.0 if estimator == "Lasso" else l1_ratio
        loss, l2, l1 = squared_loss(Xt, y, s, 1 / (2 * S)), alpha * (1 - rho) * mask, alpha * rho * mask
        options["alpha"] = alpha
        if estimator == "ElasticNet":
            options["l1Ratio"] = l1_ratio
    else:  # PoissonRegressor
        loss, l2 = poisson_loss(Xt, y, s), alpha * mask
        options["alpha"] = alpha
    f, g, h = with_l2(loss, l2)
    w0 = np.zeros(dp)
    w = newton(f, g, h, w0) if not l1.any() else l1_minimize(f, g, h, l1, w0)
    solvers = SMOOTH if not l1.any() else NONSMOOTH
    add_case(name, estimator, options, X, y, w[:d], w[d] if fit_intercept else 0.0, solvers, sample_weight)


def main():
    n, d = 240, 4
    X = features(n, d, [1.0, 2.0, 0.5, 1.5])
    beta = np.array([0.8, -0.6, 1.5, 0.0])
    eta = X @ beta + 0.4
    yb = np.where(rng.uniform(size=n) < 1 / (1 + np.exp(-eta)), 7, 2)  # labels 2 and 7
    sw = rng.uniform(0.5, 2.0, n)
    for fit_intercept in (True, False):
        tag = "" if fit_intercept else ", no intercept"
        logistic(f"binary l2{tag}", X, yb, "l2", C=0.5, fit_intercept=fit_intercept)
        logistic(f"binary None{tag}", X, yb, None, fit_intercept=fit_intercept)
        logistic(f"binary l1{tag}", X, yb, "l1", C=0.05, fit_intercept=fit_intercept)
        logistic(f"binary elasticnet{tag}", X, yb, "elasticnet", C=0.1, l1_ratio=0.6, fit_intercept=fit_intercept)
    logistic("binary l2, sample weights", X, yb, "l2", C=0.5, sample_weight=sw)
    logistic("binary l2, balanced classes", X, yb, "l2", C=0.5, class_weight="balanced")
    logistic("binary l1, class weight map and sample weights", X, yb, "l1", C=0.05, sample_weight=sw, class_weight={2: 1.5, 7: 0.5})

    B = np.array([[1.0, -0.5, 0.0, 0.3], [-0.7, 0.8, 0.5, 0.0], [0.0, 0.2, -1.0, 0.6]])
    logits = X @ B.T + np.array([0.3, -0.2, 0.0])
    u = rng.uniform(size=(n, 1))
    cdf = np.cumsum(np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True), axis=1)
    ym = np.array([1, 3, 5])[(u > cdf).sum(axis=1)]
    for fit_intercept in (True, False):
        tag = "" if fit_intercept else ", no intercept"
        logistic(f"multinomial l2{tag}", X, ym, "l2", C=0.5, fit_intercept=fit_intercept)
        logistic(f"multinomial None{tag}", X, ym, None, fit_intercept=fit_intercept)
        logistic(f"multinomial l1{tag}", X, ym, "l1", C=0.1, fit_intercept=fit_intercept)
        logistic(f"multinomial elasticnet{tag}", X, ym, "elasticnet", C=0.2, l1_ratio=0.5, fit_intercept=fit_intercept)
    logistic("multinomial l2, sample weights and balanced classes", X, ym, "l2", C=0.5, sample_weight=sw, class_weight="balanced")

    yr = X @ np.array([1.0, -0.5, 0.0, 0.25]) + 0.7 + 0.3 * rng.standard_normal(n)
    yp = rng.poisson(np.exp(X @ np.array([0.3, -0.1, 0.2, 0.0]) + 0.2)).astype(float)
    for fit_intercept in (True, False):
        tag = "" if fit_intercept else ", no intercept"
        regression(f"linear{tag}", "LinearRegression", X, yr, fit_intercept=fit_intercept)
        regression(f"ridge{tag}", "Ridge", X, yr, alpha=30.0, fit_intercept=fit_intercept)
        regression(f"lasso{tag}", "Lasso", X, yr, alpha=0.1, fit_intercept=fit_intercept)
        regression(f"elastic net{tag}", "ElasticNet", X, yr, alpha=0.2, l1_ratio=0.4, fit_intercept=fit_intercept)
        regression(f"poisson{tag}", "PoissonRegressor", X, yp, alpha=0.05, fit_intercept=fit_intercept)
    regression("ridge, sample weights", "Ridge", X, yr, alpha=30.0, sample_weight=sw)
    regression("lasso, sample weights", "Lasso", X, yr, alpha=0.1, sample_weight=sw)
    regression("poisson, sample weights", "PoissonRegressor", X, yp, alpha=0.05, sample_weight=sw)
    write("glm/cases.json", {"cases": CASES})


if __name__ == "__main__":
    main()
