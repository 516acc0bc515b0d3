// SPDX-License-Identifier: Apache-2.0
/** What every solver returns, and the options every solver takes. */

export interface SolverOptions {
  readonly maxIter: number;
  /** Stop when the optimality residual (see problem.ts `optimality`) is at most `tol`. */
  readonly tol: number;
  /** Seed of the batch order (sgd). */
  readonly randomState?: number;
}

export interface SolverResult {
  readonly w: Float64Array;
  /** Iterations run (Newton steps, L-BFGS iterations, epochs for sgd). */
  readonly nIter: number;
  readonly converged: boolean;
  /** Why the solver stopped without converging, when it did (for the warning). */
  readonly reason?: string;
}
