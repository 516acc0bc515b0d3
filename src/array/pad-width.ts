// SPDX-License-Identifier: Apache-2.0
/**
 * `np.pad`'s per-axis pairs: `pad_width` and `constant_values` given as one number, one
 * `[before, after]` pair, one pair per axis, or one number per axis, broadcast to `(ndim, 2)`
 * with NumPy's rules and messages (`_as_pairs`).
 */
import { ShapeError } from "../errors.js";

/** The shape and C-order values of a (rectangular) nested array of numbers. */
function nestedShape(x: unknown, what: string): { shape: number[]; values: number[] } {
  if (typeof x === "number") return { shape: [], values: [x] };
  if (!Array.isArray(x)) throw new TypeError(`${what} must be a number or nested arrays of numbers, got ${JSON.stringify(x)}`);
  if (x.length === 0) return { shape: [0], values: [] };
  const parts = x.map((e) => nestedShape(e, what));
  const inner = parts[0]!.shape;
  if (parts.some((p) => p.shape.length !== inner.length || p.shape.some((d, i) => d !== inner[i]))) {
    throw new ShapeError(`${what}: setting an array element with a sequence. The requested array has an inhomogeneous shape`);
  }
  return { shape: [x.length, ...inner], values: parts.flatMap((p) => p.values) };
}

const fmt = (shape: readonly number[]) => (shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`);

/**
 * `(before, after)` per axis for `x` broadcast to `(ndim, 2)`. With `asIndex` (pad widths) the
 * values must be non-negative integers.
 * @example asPairs([[1, 2]], 2, "pad_width", true) // [[1, 2], [1, 2]]
 */
export function asPairs(x: unknown, ndim: number, what: string, asIndex: boolean): Array<[number, number]> {
  const { shape, values } = nestedShape(x, what);
  if (asIndex && values.some((v) => !Number.isInteger(v))) throw new TypeError(`\`${what}\` must be of integral type.`);
  const negative = () => new ShapeError("index can't contain negative values");
  const repeat = (b: number, a: number) => Array.from({ length: ndim }, (): [number, number] => [b, a]);
  if (shape.length < 3 && values.length === 1) {
    if (asIndex && values[0]! < 0) throw negative();
    return repeat(values[0]!, values[0]!);
  }
  if (shape.length < 3 && values.length === 2 && !(shape.length === 2 && shape[0] === 2 && shape[1] === 1)) {
    if (asIndex && (values[0]! < 0 || values[1]! < 0)) throw negative();
    return repeat(values[0]!, values[1]!);
  }
  if (asIndex && values.some((v) => v < 0)) throw negative();
  // np.broadcast_to(x, (ndim, 2))
  const target = [ndim, 2];
  const lead = target.length - shape.length;
  const ok = lead >= 0 && shape.every((d, i) => d === 1 || d === target[lead + i]);
  if (!ok) {
    throw new ShapeError(
      lead < 0
        ? "input operand has more dimensions than allowed by the axis remapping"
        : `operands could not be broadcast together with remapped shapes [original->remapped]: ${fmt(shape)}  and requested shape ${fmt(target)}`,
    );
  }
  const at = (i: number, j: number) => {
    const idx = [i, j].slice(lead).map((v, k) => (shape[k] === 1 ? 0 : v));
    let flat = 0;
    idx.forEach((v, k) => (flat = flat * shape[k]! + v));
    return values[flat]!;
  };
  return Array.from({ length: ndim }, (_, i): [number, number] => [at(i, 0), at(i, 1)]);
}
