// SPDX-License-Identifier: Apache-2.0
/**
 * Constructor option checks with scikit-learn's InvalidParameterError wording (parameter names in
 * camelCase): "The 'C' parameter of LogisticRegression must be a float in the range (0.0, inf].
 * Got -1 instead." Wrong kinds throw TypeError, wrong values RangeError.
 */

const shown = (v: unknown) => (typeof v === "string" ? `'${v}'` : v === null ? "None" : String(v));

/** A finite-or-infinite number in a range; `open` marks excluded ends. */
export function checkReal(
  estimator: string,
  name: string,
  value: unknown,
  range: { min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean } = {},
): number {
  const lo = range.min ?? -Infinity;
  const hi = range.max ?? Infinity;
  const text = `${range.minOpen || lo === -Infinity ? "(" : "["}${fmt(lo)}, ${fmt(hi)}${range.maxOpen ? ")" : "]"}`;
  const message = `The '${name}' parameter of ${estimator} must be a float in the range ${text}. Got ${shown(value)} instead.`;
  if (typeof value !== "number" || Number.isNaN(value)) throw new TypeError(message);
  if (value < lo || value > hi || (range.minOpen && value === lo) || (range.maxOpen && value === hi)) throw new RangeError(message);
  return value;
}

/** An integer ≥ min. */
export function checkInt(estimator: string, name: string, value: unknown, min: number): number {
  const message = `The '${name}' parameter of ${estimator} must be an int in the range [${min}, inf). Got ${shown(value)} instead.`;
  if (typeof value !== "number" || !Number.isInteger(value)) throw new TypeError(message);
  if (value < min) throw new RangeError(message);
  return value;
}

export function checkBool(estimator: string, name: string, value: unknown): boolean {
  if (typeof value !== "boolean") throw new TypeError(`The '${name}' parameter of ${estimator} must be an instance of 'bool'. Got ${shown(value)} instead.`);
  return value;
}

/** One of `choices` (null allowed when listed). */
export function checkChoice<T extends string | null>(estimator: string, name: string, value: unknown, choices: readonly T[]): T {
  if ((choices as readonly unknown[]).includes(value)) return value as T;
  const strs = choices.filter((c): c is Exclude<T, null> => c !== null).map((c) => `'${c}'`);
  const none = choices.includes(null as T) ? " or None" : "";
  throw new RangeError(`The '${name}' parameter of ${estimator} must be a str among {${strs.join(", ")}}${none}. Got ${shown(value)} instead.`);
}

function fmt(x: number): string {
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}
