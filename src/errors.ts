// SPDX-License-Identifier: Apache-2.0
/**
 * Every error numts throws on purpose. Argument errors extend the built-in class a JavaScript user
 * expects (TypeError for wrong kinds, RangeError for wrong values) so `instanceof` works both ways;
 * each sets `name` and accepts `{ cause }`.
 */

/** An axis argument outside `[-ndim, ndim)`, or repeated (NumPy's `AxisError`). */
export class AxisError extends RangeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "AxisError";
  }
}

/** Shapes that do not fit together: broadcasting, matmul dimensions, reshape sizes. */
export class ShapeError extends RangeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ShapeError";
  }
}

/**
 * A malformed einsum subscripts string, or one that does not match the operands (NumPy raises
 * ValueError): bad characters, a stray '.', a missing '->', more or fewer operands than terms.
 */
export class SubscriptError extends RangeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "SubscriptError";
  }
}

/** An unknown dtype, or an operation that has no loop for the given dtypes. */
export class DtypeError extends TypeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "DtypeError";
  }
}

/** An index out of bounds or a malformed index expression (NumPy's `IndexError`). */
export class IndexError extends RangeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "IndexError";
  }
}

/** A JS integer that does not fit the array's integer dtype (NumPy's `OverflowError`). */
export class OverflowError extends RangeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "OverflowError";
  }
}

/** A request that cannot fit in memory, or a node over its `memoryLimit`. */
export class OutOfMemoryError extends RangeError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "OutOfMemoryError";
  }
}

/** A failed factorization: singular or not positive definite input (NumPy's `LinAlgError`). */
export class LinAlgError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "LinAlgError";
  }
}

/** A block operation that failed while running; rejects every result that depends on it. */
export class ExecutionError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "ExecutionError";
  }
}

/**
 * Reading the metadata of an array whose shape depends on data (a boolean-mask selection, `unique`)
 * before it is known. Operations on such arrays work (they are deferred too); `await x.resolved()`
 * waits for the shape.
 */
export class PendingShapeError extends Error {
  constructor(options?: ErrorOptions) {
    super("the shape of this array depends on data that is still being computed; await x.resolved() before reading it", options);
    this.name = "PendingShapeError";
  }
}

/**
 * A model method that needs a fitted model (predict, score, transform) called before `fit`
 * (scikit-learn's `NotFittedError`).
 */
export class NotFittedError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "NotFittedError";
  }
}

/** Invalid `init` options or use of a runtime that was shut down. */
export class RuntimeStateError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "RuntimeStateError";
  }
}

const BY_NAME: Record<string, new (message: string, options?: ErrorOptions) => Error> = {
  RangeError,
  TypeError,
  AxisError,
  ShapeError,
  DtypeError,
  IndexError,
  OverflowError,
  OutOfMemoryError,
  LinAlgError,
};

/**
 * Rebuilds an error that crossed a thread or network boundary as its own class when it is one a
 * caller may catch by class (a kernel's LinAlgError or RangeError), otherwise as ExecutionError.
 */
export function reviveError(name: string, message: string, what: string, cause: Error): Error {
  const ctor = BY_NAME[name];
  return ctor ? new ctor(message, { cause }) : new ExecutionError(`${what} failed: ${message}`, { cause });
}
