// SPDX-License-Identifier: Apache-2.0
/**
 * scikit-learn's input validation (check_X_y, check_array, _check_sample_weight) for distributed
 * arrays, with its messages. Shapes are checked synchronously; values (NaN, infinity, negative
 * weights) by one reduction each, all submitted together and awaited before a fit starts. Arrays
 * made here (casts, re-blockings, uploads of local data) are tracked in an `Owned` and disposed
 * when the fit is done; the caller's arrays are never disposed.
 */
import * as nt from "../index.js";
import { ShapeError } from "../errors.js";

/** Arrays a fit created and must dispose. */
export class Owned implements Disposable {
  private readonly arrays: nt.BlockArray[] = [];

  /** Tracks `made` unless it is the caller's own `source`. */
  keep(made: nt.BlockArray, source?: unknown): nt.BlockArray {
    if (made !== source) this.arrays.push(made);
    return made;
  }

  [Symbol.dispose](): void {
    for (const a of this.arrays.splice(0)) a.dispose();
  }
}

const shapeText = (s: readonly number[]) => `(${s.join(", ")}${s.length === 1 ? "," : ""})`;

/**
 * X as an n×d float64 BlockArray in row blocks that span all columns (so every row block is one
 * kernel operand), with scikit-learn's messages for wrong dimensions and empty arrays.
 */
export function checkX(X: nt.ArrayLike, estimator: string, owned: Owned): nt.BlockArray {
  let a = check2d(owned.keep(nt.asarray(X), X), estimator);
  const d = a.shape[1]!;
  if (a.dtype !== "float64") a = owned.keep(a.astype("float64"));
  if (a.gridShape[1]! > 1) a = owned.keep(a.rechunk([a.blockShape[0]!, d]));
  return a;
}

/** `a` if it is a non-empty 2-D array; scikit-learn's messages otherwise. */
export function check2d(a: nt.BlockArray, estimator: string): nt.BlockArray {
  if (a.ndim === 1) {
    throw new ShapeError(
      "Expected 2D array, got 1D array instead. Reshape your data either using x.reshape(-1, 1) if your data has a " +
        "single feature or x.reshape(1, -1) if it contains a single sample.",
    );
  }
  if (a.ndim === 0) throw new ShapeError("Expected 2D array, got scalar array instead.");
  if (a.ndim > 2) throw new ShapeError(`Found array with dim ${a.ndim}. ${estimator} expected <= 2.`);
  const [n, d] = a.shape as [number, number];
  if (n === 0) throw new ShapeError(`Found array with 0 sample(s) (shape=${shapeText(a.shape)}) while a minimum of 1 is required by ${estimator}.`);
  if (d === 0) throw new ShapeError(`Found array with 0 feature(s) (shape=${shapeText(a.shape)}) while a minimum of 1 is required by ${estimator}.`);
  return a;
}

/** A 1-D array of length n blocked like X's rows (`dtype` casts it; labels keep theirs). */
export function checkRows(v: nt.ArrayLike, X: nt.BlockArray, what: string, owned: Owned, dtype?: nt.Dtype): nt.BlockArray {
  let a = owned.keep(nt.asarray(v), v);
  const n = X.shape[0]!;
  if (a.ndim !== 1) {
    if (what === "y") throw new ShapeError(`y should be a 1d array, got an array of shape ${shapeText(a.shape)} instead.`);
    throw new ShapeError(`${what}.shape == ${shapeText(a.shape)}, expected (${n},)!`);
  }
  if (a.shape[0] !== n) {
    if (what === "y") throw new ShapeError(`Found input variables with inconsistent numbers of samples: [${n}, ${a.shape[0]}]`);
    throw new ShapeError(`${what}.shape == ${shapeText(a.shape)}, expected (${n},)!`);
  }
  if (dtype && a.dtype !== dtype) a = owned.keep(a.astype(dtype));
  if (a.gridShape[0] !== X.gridShape[0] || a.blockShape[0] !== X.blockShape[0]) a = owned.keep(a.rechunk([X.blockShape[0]!]));
  return a;
}

/** Sample weights: null for none, a number for all alike, else checked like a row vector. */
export function checkSampleWeight(sw: nt.ArrayLike | number | null | undefined, X: nt.BlockArray, owned: Owned): nt.BlockArray | null {
  if (sw === null || sw === undefined) return null;
  if (typeof sw === "number") return owned.keep(nt.full([X.shape[0]!], sw, { blockShape: [X.blockShape[0]!] }));
  return checkRows(sw, X, "sampleWeight", owned, "float64");
}

/**
 * Rejects NaN and ±Inf in `a` with scikit-learn's message (one sum over `a`; only a non-finite
 * sum looks closer). Integer and boolean arrays are always finite.
 */
export async function checkFinite(a: nt.BlockArray, name: string, estimator: string): Promise<void> {
  if (a.dtype !== "float64" && a.dtype !== "float32") return;
  if (Number.isFinite(Number(await nt.sum(a).item()))) return;
  if (await nt.isnan(a).any().item()) {
    const tail = name === "X" ? `\n${estimator} does not accept missing values encoded as NaN natively.` : "";
    throw new RangeError(`Input ${name} contains NaN.${tail}`);
  }
  if (await nt.isinf(a).any().item()) throw new RangeError(`Input ${name} contains infinity or a value too large for dtype('${a.dtype}').`);
}

/** Rejects negative sample weights (scikit-learn's check_non_negative). */
export async function checkNonNegative(a: nt.BlockArray, name: string): Promise<void> {
  if (Number(await nt.min(a).item()) < 0) throw new RangeError(`Negative values in data passed to ${name}`);
}

/** X passed to a fitted model: d features as at fit time. */
export function checkFeatures(X: nt.BlockArray, features: number, estimator: string): void {
  if (X.shape[1] !== features) throw new ShapeError(`X has ${X.shape[1]} features, but ${estimator} is expecting ${features} features as input.`);
}
