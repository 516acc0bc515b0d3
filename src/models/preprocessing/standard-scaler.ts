// SPDX-License-Identifier: Apache-2.0
/**
 * scikit-learn's `StandardScaler`: z = (x − mean) / scale per column, with the population
 * variance (ddof 0), NaNs ignored when fitting and kept when transforming, optional sample
 * weights, and scale 1 for (numerically) constant columns. `fit` resolves to the scaler itself,
 * like the linear models' `fit`; the fitted statistics are small local NDArrays, and `transform`
 * is one lazy elementwise expression over the distributed array (it fuses into what consumes it).
 * float32 input stays float32 (computed in float64 and rounded after each step, as scikit-learn's
 * in-place arithmetic does); other dtypes become float64.
 */
import * as nt from "../../index.js";
import { NDArray } from "../../array/ndarray.js";
import { checkBool } from "../params.js";
import { Owned, check2d, checkFeatures, checkFinite, checkSampleWeight } from "../validation.js";
import { requireFitted, type FitOptions } from "../linear-model/fitted.js";
import { columnMoments } from "./column-moments.js";

export interface StandardScalerOptions {
  /** Subtract the mean (default true). */
  withMean?: boolean;
  /** Divide by the standard deviation (default true). */
  withStd?: boolean;
}

interface ScalerState {
  readonly mean: NDArray | null;
  readonly variance: NDArray | null;
  readonly scale: NDArray | null;
  readonly nSamplesSeen: number | NDArray;
  readonly features: number;
}

const NAME = "StandardScaler";
const EPS = 2 ** -52;

export class StandardScaler {
  readonly withMean: boolean;
  readonly withStd: boolean;
  private state: ScalerState | null = null;

  constructor(options: StandardScalerOptions = {}) {
    this.withMean = checkBool(NAME, "withMean", options.withMean ?? true);
    this.withStd = checkBool(NAME, "withStd", options.withStd ?? true);
  }

  /**
   * Computes the per-column mean and standard deviation; resolves to the scaler. Shapes are
   * checked at once (this throws); infinities in X and non-finite weights reject. `y` is ignored
   * (scikit-learn's signature); `fit(X, { sampleWeight })` works too.
   */
  fit(X: nt.ArrayLike, y?: nt.ArrayLike | FitOptions | null, options?: FitOptions): Promise<this> {
    const opts = options ?? (isOptions(y) ? y : {});
    const owned = new Owned();
    try {
      const x = floatInput(X, owned);
      const sampleWeight = checkSampleWeight(opts.sampleWeight, x, owned);
      return this.fitChecked(x, sampleWeight).finally(() => owned[Symbol.dispose]());
    } catch (e) {
      owned[Symbol.dispose]();
      throw e;
    }
  }

  private async fitChecked(x: nt.BlockArray, sampleWeight: nt.BlockArray | null): Promise<this> {
    this.state = null;
    if (sampleWeight) await checkFinite(sampleWeight, "sampleWeight", NAME);
    const stats = this.withMean || this.withStd;
    const m = await columnMoments(x, sampleWeight, this.withStd);
    // An infinity makes its column's statistics non-finite: only then is X searched for one.
    if ([...m.mean, ...(m.variance ?? [])].some((v) => !Number.isFinite(v))) await checkNoInfinity(x);
    const d = x.shape[1]!;
    const seen = m.count.every((c) => c === m.count[0]) ? m.count[0]! : vector(m.count, sampleWeight ? "float64" : "int32");
    let scale: NDArray | null = null;
    if (this.withStd) {
      const n = typeof seen === "number" ? () => seen : (j: number) => m.count[j]!;
      // scikit-learn's _is_constant_feature: a variance within rounding error of 0 is 0.
      scale = vector(
        m.variance!.map((v, j) => (v <= n(j) * EPS * v + (n(j) * m.mean[j]! * EPS) ** 2 ? 1 : Math.sqrt(v))),
        "float64",
      );
    }
    this.state = {
      mean: stats ? vector(m.mean, "float64") : null,
      variance: this.withStd ? vector(m.variance!, "float64") : null,
      scale,
      nSamplesSeen: seen,
      features: d,
    };
    return this;
  }

  /** Per-column mean (null when neither withMean nor withStd). */
  get mean(): NDArray | null {
    return requireFitted(this.state, NAME).mean;
  }

  /** Per-column population variance (null without withStd). */
  get var(): NDArray | null {
    return requireFitted(this.state, NAME).variance;
  }

  /** Per-column divisor: the standard deviation, 1 for constant columns (null without withStd). */
  get scale(): NDArray | null {
    return requireFitted(this.state, NAME).scale;
  }

  /** Rows seen (their total weight when weighted); per column when NaNs make them differ. */
  get nSamplesSeen(): number | NDArray {
    return requireFitted(this.state, NAME).nSamplesSeen;
  }

  /** Number of columns seen in fit. */
  get nFeaturesIn(): number {
    return requireFitted(this.state, NAME).features;
  }

  /** (X − mean) / scale, as configured. */
  transform(X: nt.ArrayLike): nt.BlockArray {
    const state = requireFitted(this.state, NAME);
    using owned = new Owned();
    const x = floatInput(X, owned);
    checkFeatures(x, state.features, NAME);
    return this.apply(x, state, "forward");
  }

  /** X · scale + mean: undoes `transform`. */
  inverseTransform(X: nt.ArrayLike): nt.BlockArray {
    const state = requireFitted(this.state, NAME);
    using owned = new Owned();
    const x = floatInput(X, owned);
    checkFeatures(x, state.features, NAME);
    return this.apply(x, state, "inverse");
  }

  /** fit(X) then transform(X). */
  async fitTransform(X: nt.ArrayLike, y?: nt.ArrayLike | FitOptions | null, options?: FitOptions): Promise<nt.BlockArray> {
    await this.fit(X, y, options);
    return this.transform(X);
  }

  private apply(x: nt.BlockArray, state: ScalerState, direction: "forward" | "inverse"): nt.BlockArray {
    const steps: [(a: nt.BlockArray, b: nt.BlockArray) => nt.BlockArray, NDArray][] = [];
    if (this.withMean) steps.push([direction === "forward" ? nt.subtract : nt.add, state.mean!]);
    if (this.withStd) steps.push([direction === "forward" ? nt.divide : nt.multiply, state.scale!]);
    if (direction === "inverse") steps.reverse();
    let out: nt.BlockArray | null = null;
    for (const [op, values] of steps) {
      using v = nt.array(values);
      const wide = op(out ?? x, v);
      out?.dispose();
      out = wide.dtype === x.dtype ? wide : castDisposing(wide, x.dtype);
    }
    return out ?? x.copy();
  }
}

const isOptions = (v: unknown): v is FitOptions => v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype;

/** X as a non-empty 2-D float array: float32 and float64 kept, other dtypes cast to float64. */
function floatInput(X: nt.ArrayLike, owned: Owned): nt.BlockArray {
  const a = check2d(owned.keep(nt.asarray(X), X), NAME);
  return a.dtype === "float64" || a.dtype === "float32" ? a : owned.keep(a.astype("float64"));
}

/** NaNs are allowed (ignored in fit), infinities are not: scikit-learn's "allow-nan". */
async function checkNoInfinity(x: nt.BlockArray): Promise<void> {
  using inf = nt.isinf(x);
  if (await inf.any().item()) throw new RangeError(`Input X contains infinity or a value too large for dtype('${x.dtype}').`);
}

function castDisposing(a: nt.BlockArray, dtype: nt.Dtype): nt.BlockArray {
  using wide = a;
  return wide.astype(dtype);
}

function vector(values: Float64Array, dtype: "float64" | "int32"): NDArray {
  return new NDArray(dtype === "float64" ? Float64Array.from(values) : Int32Array.from(values), [values.length], dtype);
}
