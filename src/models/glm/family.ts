// SPDX-License-Identifier: Apache-2.0
/**
 * The exponential families of the single-output GLMs with their canonical links, as lazy
 * elementwise expressions of the linear predictor η (fused by the planner into whatever consumes
 * them). The per-sample loss ℓ(y, η) is the negative log-likelihood up to terms constant in η, so
 * ∂ℓ/∂η = μ(η) − y and ∂²ℓ/∂η² = Var(μ) — the data term's gradient is X̃ᵀ·diag(w)·(μ − y) and its
 * Hessian X̃ᵀ·diag(w·Var(μ))·X̃.
 */
import * as nt from "../../index.js";

type A = nt.BlockArray;

export interface Family {
  readonly name: "gaussian" | "binomial" | "poisson";
  /** ℓ(y, η). */
  loss(eta: A, y: A): A;
  /** ∂ℓ/∂η = μ − y. */
  gradient(eta: A, y: A): A;
  /** ∂²ℓ/∂η², or null when it is the constant 1 (least squares). */
  curvature(eta: A): A | null;
  /** The inverse link μ(η): the model's prediction of E[y]. */
  mean(eta: A): A;
}

/** Least squares: ℓ = ½(η − y)², identity link. */
export const gaussian: Family = {
  name: "gaussian",
  loss: (eta, y) => nt.square(eta.subtract(y)).multiply(0.5),
  gradient: (eta, y) => eta.subtract(y),
  curvature: () => null,
  mean: (eta) => eta,
};

/** Logistic regression: ℓ = log(1 + e^η) − y·η (y ∈ {0, 1}), μ = 1/(1 + e^−η). */
export const binomial: Family = {
  name: "binomial",
  loss: (eta, y) => nt.logaddexp(eta, 0).subtract(eta.multiply(y)),
  gradient: (eta, y) => sigmoid(eta).subtract(y),
  curvature: (eta) => {
    const mu = sigmoid(eta);
    return mu.multiply(nt.subtract(1, mu));
  },
  mean: (eta) => sigmoid(eta),
};

/** Poisson regression: ℓ = e^η − y·η, μ = e^η (the half deviance up to terms in y alone). */
export const poisson: Family = {
  name: "poisson",
  loss: (eta, y) => nt.exp(eta).subtract(eta.multiply(y)),
  gradient: (eta, y) => nt.exp(eta).subtract(y),
  curvature: (eta) => nt.exp(eta),
  mean: (eta) => nt.exp(eta),
};

/** 1/(1 + e^−η): exactly 0 or 1 only where the double rounds there (|η| > ~37 for 1, ~745 for 0). */
export function sigmoid(eta: A): A {
  return nt.divide(1, nt.add(1, nt.exp(eta.negative())));
}
