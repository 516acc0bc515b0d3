// SPDX-License-Identifier: Apache-2.0
/**
 * The shared core of every linear model's `fit`: builds the problem (distributed GLM, multinomial,
 * or — for least squares, except with "sgd" — its sufficient statistics), runs the solver from
 * w = 0, warns when it did not converge, and returns the parameters.
 */
import type { GlmData } from "../glm/data.js";
import { Layout } from "../glm/data.js";
import { GlmProblem } from "../glm/distributed-problem.js";
import type { Family } from "../glm/family.js";
import { MultinomialProblem } from "../glm/multinomial-problem.js";
import { QuadraticProblem } from "../glm/quadratic-problem.js";
import { type Problem, type SolverName, solve } from "../solvers/index.js";
import type { Penalty } from "../solvers/problem.js";
import { convergenceWarning } from "../warnings.js";

/** Solvers that want the Hessian at (nearly) every point they evaluate: one fused pass per point. */
const NEWTON_TYPE: ReadonlySet<SolverName> = new Set(["newton", "irls", "proximal"]);

export interface GlmFitSpec {
  readonly estimator: string;
  readonly family: Family | "multinomial";
  /** Number of classes (multinomial), else 1. */
  readonly classes: number;
  /** Penalty strengths of the averaged objective (see solvers/problem.ts). */
  readonly l1: number;
  readonly l2: number;
  readonly solver: SolverName;
  readonly tol: number;
  readonly maxIter: number;
  readonly randomState?: number;
}

export interface GlmFitResult {
  readonly w: Float64Array;
  readonly layout: Layout;
  readonly nIter: number;
}

export async function fitGlm(data: GlmData, spec: GlmFitSpec): Promise<GlmFitResult> {
  const layout = new Layout(data.X.shape[1]!, spec.classes, data.fitIntercept);
  const penalty: Penalty = { l1: spec.l1, l2: spec.l2, mask: layout.mask() };
  let problem: Problem & { dispose?(): void };
  if (spec.family === "multinomial") problem = new MultinomialProblem(data, penalty, spec.classes);
  else if (spec.family.name === "gaussian" && spec.solver !== "sgd") problem = await QuadraticProblem.of(data, penalty);
  else problem = new GlmProblem(data, spec.family, penalty, NEWTON_TYPE.has(spec.solver));
  try {
    const result = await solve(spec.solver, problem, new Float64Array(layout.size), { tol: spec.tol, maxIter: spec.maxIter, randomState: spec.randomState });
    if (!result.converged) {
      convergenceWarning(
        `${spec.estimator}: solver '${spec.solver}' failed to converge after ${result.nIter} iteration(s) (${result.reason ?? "maxIter reached"}). ` +
          `Increase the number of iterations (maxIter=${spec.maxIter}) or scale the data, e.g. with nt.preprocessing.StandardScaler.`,
      );
    }
    if (spec.family === "multinomial") center(result.w, layout, penalty);
    return { w: result.w, layout, nIter: result.nIter };
  } finally {
    problem.dispose?.();
  }
}

/**
 * Multinomial parameters are defined up to one vector added to every class along unpenalized
 * coordinates; report the representative with Σₖ wₖⱼ = 0 (scikit-learn's).
 */
function center(w: Float64Array, layout: Layout, penalty: Penalty): void {
  const { width, classes: K } = layout;
  for (let j = 0; j < width; j++) {
    if (penalty.mask[j] && (penalty.l1 > 0 || penalty.l2 > 0)) continue;
    let mean = 0;
    for (let k = 0; k < K; k++) mean += w[k * width + j]! / K;
    for (let k = 0; k < K; k++) w[k * width + j]! -= mean;
  }
}
