#!/usr/bin/env python3
"""Expected outputs of the `glmGram` kernel (one GLM Newton pass over a row block), by NumPy.

  python3 scripts/gen/glm_gram_fixtures.py

Writes test/fixtures/linalg-kernels/glm-gram.json: per case A (m×n), y, sample weights ω, β (n',
n' = n + 1 with appendOnes) and, for every family and with/without weights, with η = Ãβ:
C = Ãᵀ·diag(ω·v(η))·Ã, P = Ãᵀ·(ω·(μ − y)), L = Σ ω·ℓ(y, η) — binomial μ = σ(η), v = μ(1−μ),
ℓ = log(1+e^η) − yη; poisson μ = v = e^η, ℓ = e^η − yη; gaussian μ = η, v = 1, ℓ = ½(η−y)².
"""
import numpy as np

from fixtures_lib import encode, write

rng = np.random.default_rng(20261126)


def family(name, eta, y):
    if name == "binomial":
        mu = 1 / (1 + np.exp(-eta))
        return mu, mu * (1 - mu), np.logaddexp(0, eta) - y * eta
    if name == "poisson":
        mu = np.exp(eta)
        return mu, mu, mu - y * eta
    return eta, np.ones_like(eta), 0.5 * (eta - y) ** 2


def main():
    cases = []
    # 600 rows cross the kernel's 256-row panels; 3 rows fit in one; large |η| probes the tails.
    for m, n, ones, scale in [(600, 7, True, 1.0), (3, 4, False, 1.0), (300, 5, True, 12.0)]:
        A = rng.standard_normal((m, n))
        At = np.hstack([A, np.ones((m, 1))]) if ones else A
        beta = rng.standard_normal(At.shape[1]) * scale / np.sqrt(n)
        eta = At @ beta
        weights = rng.uniform(0.2, 2.0, m)
        out = {"a": encode(A), "beta": encode(beta), "appendOnes": ones, "weights": encode(weights), "results": []}
        for name in ("binomial", "poisson", "gaussian"):
            y = {"binomial": (rng.uniform(size=m) < 0.5).astype(float),
                 "poisson": rng.poisson(2.0, m).astype(float),
                 "gaussian": rng.standard_normal(m)}[name]
            for weighted in (False, True):
                omega = weights if weighted else np.ones(m)
                mu, v, loss = family(name, eta, y)
                out["results"].append({
                    "family": name, "weighted": weighted, "y": encode(y),
                    "c": encode(At.T @ (At * (omega * v)[:, None])),
                    "p": encode(At.T @ (omega * (mu - y))),
                    "loss": encode(np.array([np.sum(omega * loss)])),
                })
        cases.append(out)
    write("linalg-kernels/glm-gram.json", {"cases": cases})


if __name__ == "__main__":
    main()
