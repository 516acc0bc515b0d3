// SPDX-License-Identifier: Apache-2.0
/**
 * Native einsum on one block (float32/float64; other dtypes use the reference kernel). The
 * operands of a term are contracted pairwise, cheapest pair first (fewest multiply-adds, as
 * opt_einsum's greedy path). A pair that contracts labels is one BLAS gemm per batch index: each
 * operand is read as a matrix through its strides — a permuted or transposed block is a transposed
 * matrix, so nothing is copied — and is packed only when no stride pattern fits. A pair that
 * contracts nothing (MTTKRP's `jr,kr->jkr` Khatri–Rao product, outer products) is one strided
 * product. Labels that occur in a single operand are summed out first. So `ijk,jr,kr->ir` is a
 * Khatri–Rao product followed by one gemm of the block (i × jk) against it (jk × r).
 */
import type { TypedArray } from "../../array/dtype.js";
import type { KernelFn } from "../manifest.js";
import type { View } from "../view.js";
import { labelSizes, outputStrides } from "../ts/einsum.js";
import type { NativeAddon } from "./addon.js";
import { Scratch } from "./scratch.js";

/** An operand over distinct labels (repeated labels already merged into their diagonal). */
interface Tensor {
  readonly data: TypedArray;
  readonly offset: number;
  readonly labels: readonly number[];
  readonly strides: readonly number[];
}

interface Ctx {
  readonly addon: NativeAddon;
  readonly f32: boolean;
  readonly sizes: ReadonlyMap<number, number>;
  readonly scratch: Scratch;
}

/** Matrix orders of a pairwise gemm: C[batch, m, n] = Σ_k A[batch, m, k] · B[batch, k, n]. */
interface GemmOrders {
  readonly batch: readonly number[];
  readonly m: readonly number[];
  readonly n: readonly number[];
}

const scratch = new Scratch();

function tensorOf(v: View, labels: readonly number[]): Tensor {
  const ls: number[] = [];
  const ss: number[] = [];
  labels.forEach((l, d) => {
    const i = ls.indexOf(l);
    if (i < 0) {
      ls.push(l);
      ss.push(v.strides[d]!);
    } else ss[i]! += v.strides[d]!;
  });
  return { data: v.data, offset: v.offset, labels: ls, strides: ss };
}

function strideOf(t: Tensor, label: number): number {
  const i = t.labels.indexOf(label);
  return i < 0 ? 0 : t.strides[i]!;
}

function sizeOf(cx: Ctx, labels: readonly number[]): number {
  return labels.reduce((p, l) => p * cx.sizes.get(l)!, 1);
}

/** A contiguous scratch tensor over `labels` (uninitialized). */
function alloc(cx: Ctx, labels: readonly number[]): Tensor {
  return { data: cx.scratch.take(cx.f32, sizeOf(cx, labels)), offset: 0, labels, strides: outputStrides(labels, cx.sizes) };
}

function zero(cx: Ctx, t: Tensor): void {
  t.data.fill(0, t.offset, t.offset + sizeOf(cx, t.labels));
}

/** c[i] = a[i] (· b[i]) over `labels`, or += with `add`; a label c lacks is summed (add only). */
function loop(cx: Ctx, labels: readonly number[], a: Tensor, b: Tensor | null, c: Tensor, add: boolean): void {
  const nd = labels.length;
  const g = new Float64Array(4 * nd);
  labels.forEach((l, d) => {
    g[d] = cx.sizes.get(l)!;
    g[nd + d] = strideOf(a, l);
    g[2 * nd + d] = b ? strideOf(b, l) : 0;
    g[3 * nd + d] = strideOf(c, l);
  });
  cx.addon.strided(cx.f32, g, a.data, a.offset, b ? b.data : null, b ? b.offset : 0, c.data, c.offset, add);
}

/** t summed over its labels outside `keep`. */
function sumOut(cx: Ctx, t: Tensor, keep: readonly number[]): Tensor {
  const r = alloc(cx, t.labels.filter((l) => keep.includes(l)));
  zero(cx, r);
  loop(cx, t.labels, t, null, r, true);
  return r;
}

/** Writes t (summed over labels `target` lacks) into target: `beta` 1 adds to it. */
function writeTo(cx: Ctx, t: Tensor, target: Tensor, beta: 0 | 1): void {
  const sums = t.labels.some((l) => !target.labels.includes(l));
  if (sums && beta === 0) zero(cx, target);
  loop(cx, t.labels, t, null, target, sums || beta === 1);
}

/** A contiguous copy of t with its labels in `order`. */
function pack(cx: Ctx, t: Tensor, order: readonly number[]): Tensor {
  const r = alloc(cx, order);
  loop(cx, order, t, null, r, false);
  return r;
}

/** The single stride of `labels` read as one axis of t, or null when they do not merge. */
function merged(cx: Ctx, t: Tensor, labels: readonly number[]): number | null {
  const dims = labels.filter((l) => cx.sizes.get(l)! > 1);
  if (dims.length === 0) return 1;
  for (let i = 0; i + 1 < dims.length; i++) {
    if (strideOf(t, dims[i]!) !== strideOf(t, dims[i + 1]!) * cx.sizes.get(dims[i + 1]!)!) return null;
  }
  return strideOf(t, dims[dims.length - 1]!);
}

/** How BLAS reads a rows×cols matrix with these strides: row-major, transposed, or not at all. */
function blasLayout(rows: number, cols: number, rs: number, cs: number): { trans: boolean; ld: number } | null {
  if (cols <= 1 || cs === 1) {
    const ld = rows <= 1 ? Math.max(cols, 1) : rs;
    if (ld >= Math.max(cols, 1)) return { trans: false, ld };
  }
  if (rows <= 1 || rs === 1) {
    const ld = cols <= 1 ? Math.max(rows, 1) : cs;
    if (ld >= Math.max(rows, 1)) return { trans: true, ld };
  }
  return null;
}

/** t as a BLAS matrix rows × cols (packing it when its strides do not allow), per batch index. */
function asMatrix(cx: Ctx, t: Tensor, batch: readonly number[], rows: readonly number[], cols: readonly number[]) {
  const try1 = (x: Tensor) => {
    const rs = merged(cx, x, rows);
    const cs = merged(cx, x, cols);
    return rs === null || cs === null ? null : blasLayout(sizeOf(cx, rows), sizeOf(cx, cols), rs, cs);
  };
  let layout = try1(t);
  if (!layout) {
    t = pack(cx, t, [...batch, ...rows, ...cols]);
    layout = try1(t)!;
  }
  return { t, layout };
}

/** C[batch, m, n] (contiguous in that order) = (beta·C +) Σ_k A·B through BLAS. */
function gemmInto(cx: Ctx, a: Tensor, b: Tensor, contracted: readonly number[], o: GemmOrders, c: Tensor, beta: 0 | 1): void {
  // Contract in A's memory order; if B's strides do not merge in it, try B's order.
  const byStride = (t: Tensor) => [...contracted].sort((x, y) => Math.abs(strideOf(t, y)) - Math.abs(strideOf(t, x)));
  let k = byStride(a);
  if (merged(cx, b, k) === null && merged(cx, a, byStride(b)) !== null) k = byStride(b);
  const A = asMatrix(cx, a, o.batch, o.m, k);
  const B = asMatrix(cx, b, o.batch, k, o.n);
  const M = sizeOf(cx, o.m);
  const N = sizeOf(cx, o.n);
  const K = sizeOf(cx, k);
  const shape = o.batch.map((l) => cx.sizes.get(l)!);
  const sA = o.batch.map((l) => strideOf(A.t, l));
  const sB = o.batch.map((l) => strideOf(B.t, l));
  const sC = o.batch.map((l) => strideOf(c, l));
  const idx = shape.map(() => 0);
  let oa = A.t.offset;
  let ob = B.t.offset;
  let oc = c.offset;
  const total = shape.reduce((p, n) => p * n, 1);
  for (let i = 0; i < total; i++) {
    cx.addon.gemm(cx.f32, A.layout.trans, B.layout.trans, M, N, K, A.t.data, oa, A.layout.ld, B.t.data, ob, B.layout.ld, c.data, oc, Math.max(N, 1), beta);
    for (let d = shape.length - 1; d >= 0; d--) {
      idx[d]!++;
      oa += sA[d]!;
      ob += sB[d]!;
      oc += sC[d]!;
      if (idx[d]! < shape[d]!) break;
      oa -= sA[d]! * shape[d]!;
      ob -= sB[d]! * shape[d]!;
      oc -= sC[d]! * shape[d]!;
      idx[d] = 0;
    }
  }
}

/** Whether `out` reads as [batch, m, n] with m from `first` and n from `second` (orders kept). */
function splitLayout(out: readonly number[], batch: readonly number[], first: readonly number[], second: readonly number[]): GemmOrders | null {
  const nb = batch.length;
  const nf = first.length;
  if (out.length !== nb + nf + second.length) return null;
  const part = (from: number, to: number, set: readonly number[]) => out.slice(from, to).every((l) => set.includes(l));
  if (!part(0, nb, batch) || !part(nb, nb + nf, first) || !part(nb + nf, out.length, second)) return null;
  return { batch: out.slice(0, nb), m: out.slice(nb, nb + nf), n: out.slice(nb + nf) };
}

/**
 * Contracts a with b keeping `kept` labels: into `target` (then returns null) or into a new
 * scratch tensor.
 */
function contractPair(cx: Ctx, a: Tensor, b: Tensor, kept: readonly number[], target: Tensor | null, beta: 0 | 1): Tensor | null {
  const shared = a.labels.filter((l) => b.labels.includes(l));
  const batch = shared.filter((l) => kept.includes(l));
  const contracted = shared.filter((l) => !kept.includes(l));
  const freeA = a.labels.filter((l) => !b.labels.includes(l));
  const freeB = b.labels.filter((l) => !a.labels.includes(l));
  if (contracted.length === 0) {
    const labels = [...batch, ...freeA, ...freeB];
    if (target) {
      loop(cx, labels, a, b, target, beta === 1);
      return null;
    }
    // Innermost the label both operands walk most densely, so the product streams.
    const key = (l: number) => Math.max(Math.abs(strideOf(a, l)), Math.abs(strideOf(b, l)));
    const r = alloc(cx, [...labels].sort((x, y) => key(y) - key(x)));
    loop(cx, r.labels, a, b, r, false);
    return r;
  }
  if (target) {
    const direct = splitLayout(target.labels, batch, freeA, freeB);
    if (direct) {
      gemmInto(cx, a, b, contracted, direct, target, beta);
      return null;
    }
    const swapped = splitLayout(target.labels, batch, freeB, freeA);
    if (swapped) {
      gemmInto(cx, b, a, contracted, swapped, target, beta);
      return null;
    }
    writeTo(cx, contractPair(cx, a, b, kept, null, 0)!, target, beta);
    return null;
  }
  const byStride = (t: Tensor, ls: readonly number[]) => [...ls].sort((x, y) => Math.abs(strideOf(t, y)) - Math.abs(strideOf(t, x)));
  const orders: GemmOrders = { batch, m: byStride(a, freeA), n: byStride(b, freeB) };
  const r = alloc(cx, [...orders.batch, ...orders.m, ...orders.n]);
  gemmInto(cx, a, b, contracted, orders, r, 0);
  return r;
}

/** The pair with the fewest multiply-adds (then the smaller result, then the first). */
function cheapestPair(cx: Ctx, ts: readonly Tensor[], keep: readonly number[]): [number, number] {
  let best: [number, number] = [0, 1];
  let bestKey = [Infinity, Infinity];
  for (let i = 0; i < ts.length; i++) {
    for (let j = i + 1; j < ts.length; j++) {
      const union = [...new Set([...ts[i]!.labels, ...ts[j]!.labels])];
      const others = ts.filter((_, x) => x !== i && x !== j).flatMap((t) => t.labels);
      const result = union.filter((l) => keep.includes(l) || others.includes(l));
      const key = [sizeOf(cx, union), sizeOf(cx, result)];
      if (key[0]! < bestKey[0]! || (key[0] === bestKey[0] && key[1]! < bestKey[1]!)) {
        best = [i, j];
        bestKey = key;
      }
    }
  }
  return best;
}

/** target (beta 1: +)= the contraction of the operands of one term. */
function evaluate(cx: Ctx, operands: Tensor[], target: Tensor, beta: 0 | 1): void {
  if ([...cx.sizes.values()].some((n) => n === 0)) {
    if (beta === 0) zero(cx, target);
    return;
  }
  let ts = operands;
  for (;;) {
    if (ts.length === 1) {
      writeTo(cx, ts[0]!, target, beta);
      return;
    }
    // Labels only one operand has and the output lacks are summed out before any product.
    ts = ts.map((t, i) => {
      const needed = (l: number) => target.labels.includes(l) || ts.some((u, j) => j !== i && u.labels.includes(l));
      return t.labels.every(needed) ? t : sumOut(cx, t, t.labels.filter(needed));
    });
    const [i, j] = cheapestPair(cx, ts, target.labels);
    const rest = ts.filter((_, x) => x !== i && x !== j);
    const kept = [...new Set([...ts[i]!.labels, ...ts[j]!.labels])].filter(
      (l) => target.labels.includes(l) || rest.some((t) => t.labels.includes(l)),
    );
    if (rest.length === 0) {
      contractPair(cx, ts[i]!, ts[j]!, kept, target, beta);
      return;
    }
    ts = [...rest, contractPair(cx, ts[i]!, ts[j]!, kept, null, 0)!];
  }
}

/** The native `einsum` kernel; dtypes other than float32/float64 go to `fallback`. */
export function nativeEinsum(addon: NativeAddon, fallback: KernelFn<"einsum">): KernelFn<"einsum"> {
  return (inputs, outputs, attrs) => {
    const out = outputs[0]!;
    if ((out.dtype !== "float64" && out.dtype !== "float32") || inputs.some((v) => v.dtype !== out.dtype)) {
      return fallback(inputs, outputs, attrs);
    }
    scratch.reset();
    const nOps = attrs.inputs.length;
    const terms = attrs.terms ?? 1;
    for (let t = 0; t < terms; t++) {
      const views = inputs.slice(t * nOps, (t + 1) * nOps);
      const sizes = labelSizes(views, attrs.inputs);
      const cx: Ctx = { addon, f32: out.dtype === "float32", sizes, scratch };
      const target: Tensor = { data: out.data, offset: out.offset, labels: attrs.output, strides: outputStrides(attrs.output, sizes) };
      evaluate(cx, views.map((v, i) => tensorOf(v, attrs.inputs[i]!)), target, t === 0 ? 0 : 1);
    }
  };
}
