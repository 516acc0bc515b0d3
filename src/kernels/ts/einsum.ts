// SPDX-License-Identifier: Apache-2.0
/**
 * Reference einsum on one block: one loop over every label (output labels outermost, summed ones
 * innermost) accumulating products into the output in the dtype's arithmetic — bool sums are
 * logical or, integer products and sums wrap like NumPy's fixed-width loops. Simple and obviously
 * right; the native kernel is the fast path and this is its oracle.
 */
import type { Dtype } from "../../array/dtype.js";
import type { KernelFn } from "../manifest.js";
import type { View } from "../view.js";

/** How products and sums of one dtype are computed. */
interface Arithmetic {
  mul(a: number, b: number): number;
  add(a: number, b: number): number;
}

const FLOAT: Arithmetic = { mul: (a, b) => a * b, add: (a, b) => a + b };
// Math.imul and |0 keep every intermediate exact modulo 2^32, which narrower stores then wrap.
const INTEGER: Arithmetic = { mul: (a, b) => Math.imul(a, b), add: (a, b) => (a + b) | 0 };
const BOOL: Arithmetic = { mul: (a, b) => a & b, add: (a, b) => a | b };

/** The multiply and add of `dtype`'s einsum and matmul loops. */
export function arithmeticOf(dtype: Dtype): Arithmetic {
  if (dtype === "bool") return BOOL;
  return dtype === "float64" || dtype === "float32" ? FLOAT : INTEGER;
}

/** Label → length, read from the views (a repeated or broadcast label has one length). */
export function labelSizes(views: readonly View[], labels: readonly (readonly number[])[]): Map<number, number> {
  const sizes = new Map<number, number>();
  views.forEach((v, i) => labels[i]!.forEach((l, d) => sizes.set(l, v.shape[d]!)));
  return sizes;
}

/** Contiguous C-order strides of the output over its labels' sizes. */
export function outputStrides(output: readonly number[], sizes: ReadonlyMap<number, number>): number[] {
  const strides = new Array<number>(output.length);
  let s = 1;
  for (let i = output.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= sizes.get(output[i]!)!;
  }
  return strides;
}

/** Adds one term (a group of operands) into the output. */
function addTerm(views: readonly View[], labels: readonly (readonly number[])[], output: readonly number[], out: View, ar: Arithmetic): void {
  const sizes = labelSizes(views, labels);
  const summed = [...sizes.keys()].filter((l) => !output.includes(l));
  const all = [...output, ...summed];
  const shape = all.map((l) => sizes.get(l)!);
  if (shape.some((n) => n === 0)) return;
  const outStrides = [...outputStrides(output, sizes), ...summed.map(() => 0)];
  // A label's stride in an operand is the sum over its axes carrying it: that walks the diagonal.
  const strides = views.map((v, i) => all.map((l) => labels[i]!.reduce((s, x, d) => (x === l ? s + v.strides[d]! : s), 0)));
  const nd = all.length;
  const idx = new Array<number>(nd).fill(0);
  const offs = views.map((v) => v.offset);
  let o = out.offset;
  const total = shape.reduce((a, b) => a * b, 1);
  for (let t = 0; t < total; t++) {
    let p = views[0]!.data[offs[0]!]!;
    for (let i = 1; i < views.length; i++) p = ar.mul(p, views[i]!.data[offs[i]!]!);
    out.data[o] = ar.add(out.data[o]!, p);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      o += outStrides[d]!;
      for (let i = 0; i < offs.length; i++) offs[i]! += strides[i]![d]!;
      if (idx[d]! < shape[d]!) break;
      o -= outStrides[d]! * shape[d]!;
      for (let i = 0; i < offs.length; i++) offs[i]! -= strides[i]![d]! * shape[d]!;
      idx[d] = 0;
    }
  }
}

/** The reference `einsum` kernel (see EinsumAttrs): zero the output, then add every term. */
export const einsum: KernelFn<"einsum"> = (inputs, outputs, attrs) => {
  const out = outputs[0]!;
  const nOps = attrs.inputs.length;
  const terms = attrs.terms ?? 1;
  const sizes = labelSizes(inputs.slice(0, nOps), attrs.inputs);
  const size = attrs.output.reduce((p, l) => p * sizes.get(l)!, 1);
  out.data.fill(0, out.offset, out.offset + size);
  const ar = arithmeticOf(out.dtype);
  for (let t = 0; t < terms; t++) addTerm(inputs.slice(t * nOps, (t + 1) * nOps), attrs.inputs, attrs.output, out, ar);
};
