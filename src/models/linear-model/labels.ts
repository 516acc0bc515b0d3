// SPDX-License-Identifier: Apache-2.0
/**
 * Class labels for classifiers, as scikit-learn treats them: any numeric labels, the sorted
 * unique values are `classes` (binary: classes[1] is the positive class), float labels must be
 * integer-valued ("Unknown label type: continuous"), and at least two classes are needed. The
 * target the loss reads is y == classes[1] (binary, n) or the one-hot rows (n×K), as lazy
 * expressions; `classWeight` multiplies each sample's weight by its class's weight.
 */
import * as nt from "../../index.js";
import type { NDArray } from "../../array/ndarray.js";

/** "balanced" (n / (K · count of the class)) or a weight per class label (1 for labels not listed). */
export type ClassWeight = "balanced" | ReadonlyMap<number, number> | Readonly<Record<number, number>>;

export interface EncodedLabels {
  /** Sorted unique labels, in y's dtype. */
  readonly classes: NDArray;
  /** y == classes[1] as float64 (binary), or one-hot rows (n×K float64). */
  readonly target: nt.BlockArray;
}

/** Formats a label as scikit-learn prints it (integers without a decimal point). */
export function labelText(v: number | boolean): string {
  return String(v);
}

/** Classes of y and the target encoding; throws for continuous labels or a single class. */
export async function encodeLabels(y: nt.BlockArray): Promise<EncodedLabels> {
  if (y.dtype === "float64" || y.dtype === "float32") {
    using integral = nt.equal(y, nt.rint(y));
    if (!(await integral.all().item())) {
      throw new RangeError(
        "Unknown label type: continuous. Maybe you are trying to fit a classifier, which expects discrete classes on a regression " +
          "target with continuous values.",
      );
    }
  }
  using uniq = nt.unique(y);
  const classes = await uniq.toArray();
  if (classes.size < 2) {
    const only = classes.size === 1 ? labelText(classes.valueAt(0)) : "none";
    throw new RangeError(`This solver needs samples of at least 2 classes in the data, but the data contains only one class: ${only}`);
  }
  if (classes.size === 2) return { classes, target: nt.equal(y, classes.valueAt(1)).astype("float64") };
  using labels = nt.array(classes);
  using row = labels.reshape([1, classes.size]);
  using col = y.reshape([y.shape[0]!, 1]);
  return { classes, target: nt.equal(col, row).astype("float64") };
}

/** `classWeight` as the constructor accepts it: null, "balanced", or a Map/object of weights. */
export function checkClassWeight(classWeight: unknown): ClassWeight | null {
  if (classWeight === null || classWeight === "balanced" || classWeight instanceof Map) return classWeight as ClassWeight | null;
  if (typeof classWeight === "object" && Object.values(classWeight).every((w) => typeof w === "number" && w >= 0)) return classWeight as ClassWeight;
  throw new TypeError(
    `The 'classWeight' parameter of LogisticRegression must be an instance of 'dict', a str among {'balanced'} or None. Got ${typeof classWeight === "string" ? `'${classWeight}'` : String(classWeight)} instead.`,
  );
}

/** The weight of each class (in `classes` order), or null when all are 1. */
export async function classWeights(classWeight: ClassWeight | null | undefined, labels: EncodedLabels, n: number): Promise<Float64Array | null> {
  if (classWeight === null || classWeight === undefined) return null;
  const K = labels.classes.size;
  if (classWeight === "balanced") {
    let counts: Float64Array;
    if (K === 2) {
      const positive = Number(await nt.sum(labels.target).item());
      counts = Float64Array.of(n - positive, positive);
    } else {
      using c = nt.sum(labels.target, { axis: 0 });
      counts = Float64Array.from((await c.toArray()).data as Float64Array);
    }
    return counts.map((c) => n / (K * c));
  }
  const lookup = (label: number | boolean): number | undefined =>
    classWeight instanceof Map ? classWeight.get(Number(label)) : (classWeight as Readonly<Record<string, number>>)[String(label)];
  const weights = new Float64Array(K).fill(1);
  const unweighted: string[] = [];
  for (let k = 0; k < K; k++) {
    const w = lookup(labels.classes.valueAt(k));
    if (w === undefined) unweighted.push(labelText(labels.classes.valueAt(k)));
    else weights[k] = w;
  }
  const given = classWeight instanceof Map ? classWeight.size : Object.keys(classWeight).length;
  if (unweighted.length > 0 && K - unweighted.length !== given) {
    throw new RangeError(`The classes, [${unweighted.join(", ")}], are not in classWeight`);
  }
  return weights;
}

/** Each sample's class weight (n), lazily: from the target encoding. */
export function sampleClassWeights(weights: Float64Array, labels: EncodedLabels): nt.BlockArray {
  if (weights.length === 2) return labels.target.multiply(weights[1]! - weights[0]!).add(weights[0]!);
  using w = nt.array(weights);
  return labels.target.matmul(w);
}
