// SPDX-License-Identifier: Apache-2.0
/**
 * scikit-learn's warnings as Node process warnings: `process.emitWarning` with the warning's class
 * name as its type, so `process.on("warning", (w) => w.name === "ConvergenceWarning")` sees them.
 */

/** A solver stopped at `maxIter` (or could not make progress) before reaching `tol`. */
export function convergenceWarning(message: string): void {
  process.emitWarning(message, { type: "ConvergenceWarning" });
}

/** A numerical problem the solver worked around (a singular Hessian). */
export function linAlgWarning(message: string): void {
  process.emitWarning(message, { type: "LinAlgWarning" });
}
