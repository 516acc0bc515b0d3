// SPDX-License-Identifier: Apache-2.0
/** The solvers by name: what `solver` options of the linear models select. */
import { irls } from "./irls.js";
import { lbfgs } from "./lbfgs.js";
import { newton } from "./newton.js";
import { type Problem, isBatched } from "./problem.js";
import { proximalGradient } from "./proximal-gradient.js";
import { proximalNewton } from "./proximal-newton.js";
import type { SolverOptions, SolverResult } from "./result.js";
import { svrg } from "./svrg.js";

export type SolverName = "newton" | "irls" | "lbfgs" | "gd" | "sgd" | "proximal";

export const SOLVERS: readonly SolverName[] = ["newton", "irls", "lbfgs", "gd", "sgd", "proximal"];

/** Solvers that need a smooth objective (no L1 term). */
export const SMOOTH_ONLY: ReadonlySet<SolverName> = new Set(["newton", "irls", "lbfgs"]);

export function solve(name: SolverName, problem: Problem, w0: Float64Array, options: SolverOptions): Promise<SolverResult> {
  switch (name) {
    case "newton":
      return newton(problem, w0, options);
    case "irls":
      return irls(problem, w0, options);
    case "lbfgs":
      return lbfgs(problem, w0, options);
    case "gd":
      return proximalGradient(problem, w0, options);
    case "proximal":
      return proximalNewton(problem, w0, options);
    case "sgd":
      // A problem without row batches (least squares from its Gram matrix) has nothing to sample.
      return isBatched(problem) ? svrg(problem, w0, options) : proximalGradient(problem, w0, options);
  }
}

export type { Problem, SolverOptions, SolverResult };
