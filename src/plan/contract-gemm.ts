// SPDX-License-Identifier: Apache-2.0
/**
 * Reading a two-operand contraction as a batched gemm, C[batch, m, n] = Σ_k A[batch, m, k] ·
 * B[batch, k, n], where m, n and k are groups of labels. Each block view is re-described with one
 * axis per batch label and one per group — possible when a group's strides merge into one, which
 * holds for any block or transposed block whose group axes are adjacent in memory — so the `gemm`
 * kernel hands BLAS the blocks in place, transposes as transpose flags. Contractions that do not
 * fit (repeated labels, labels summed in one operand only, an output order that interleaves the
 * groups, integer dtypes) use the `einsum` kernel instead.
 */
import type { Dtype } from "../array/dtype.js";
import type { InputView } from "../runtime/runtime.js";

/** The label groups of a contraction read as gemm (A, B are operand indices). */
export interface GemmForm {
  readonly a: number;
  readonly b: number;
  readonly batch: readonly number[];
  readonly m: readonly number[];
  readonly n: readonly number[];
  /** Contracted labels in A's axis order. */
  readonly k: readonly number[];
}

/** Whether `out` is batch labels, then all of `first`, then all of `second`. */
function splits(out: readonly number[], batch: readonly number[], first: readonly number[], second: readonly number[]): boolean {
  const nb = batch.length;
  const nf = first.length;
  return (
    out.length === nb + nf + second.length &&
    out.slice(0, nb).every((l) => batch.includes(l)) &&
    out.slice(nb, nb + nf).every((l) => first.includes(l)) &&
    out.slice(nb + nf).every((l) => second.includes(l))
  );
}

/** The gemm form of a contraction, or null when it has none. */
export function gemmForm(labels: readonly (readonly number[])[], output: readonly number[], dtype: Dtype): GemmForm | null {
  if (labels.length !== 2 || (dtype !== "float64" && dtype !== "float32")) return null;
  const [la, lb] = labels as [readonly number[], readonly number[]];
  if (new Set(la).size !== la.length || new Set(lb).size !== lb.length) return null;
  const freeA = la.filter((l) => !lb.includes(l));
  const freeB = lb.filter((l) => !la.includes(l));
  if (![...freeA, ...freeB].every((l) => output.includes(l))) return null;
  const batch = output.filter((l) => la.includes(l) && lb.includes(l));
  const k = la.filter((l) => lb.includes(l) && !output.includes(l));
  const outFree = output.slice(batch.length);
  if (splits(output, batch, freeA, freeB)) return { a: 0, b: 1, batch, m: outFree.slice(0, freeA.length), n: outFree.slice(freeA.length), k };
  if (splits(output, batch, freeB, freeA)) {
    const kb = lb.filter((l) => k.includes(l));
    return { a: 1, b: 0, batch, m: outFree.slice(0, freeB.length), n: outFree.slice(freeB.length), k: kb };
  }
  return null;
}

/** Length and stride of `group` read as one axis of a view (labels per axis), or null. */
function mergeAxes(v: InputView, labels: readonly number[], group: readonly number[]): [number, number] | null {
  let size = 1;
  let stride = 1;
  let prev: [number, number] | null = null;
  for (const l of group) {
    const d = labels.indexOf(l);
    const n = v.shape[d]!;
    size *= n;
    if (n === 1) continue;
    const s = v.strides[d]!;
    if (prev && prev[1] !== s * n) return null;
    prev = [n, s];
    stride = s;
  }
  return [size, stride];
}

/** A view with one axis per batch label followed by the merged `rows` and `cols` groups. */
function matrixView(v: InputView, labels: readonly number[], batch: readonly number[], rows: readonly number[], cols: readonly number[]): InputView | null {
  const r = mergeAxes(v, labels, rows);
  const c = mergeAxes(v, labels, cols);
  if (!r || !c) return null;
  const dims = batch.map((l) => labels.indexOf(l));
  return {
    block: v.block,
    offset: v.offset,
    shape: [...dims.map((d) => v.shape[d]!), r[0], c[0]],
    strides: [...dims.map((d) => v.strides[d]!), r[1], c[1]],
  };
}

/**
 * The gemm kernel's views [A', B'] of one term (views in operand order), or null when a group's
 * strides do not merge. The contracted labels are tried in A's order, then in B's.
 */
export function gemmViews(form: GemmForm, labels: readonly (readonly number[])[], views: readonly InputView[]): [InputView, InputView] | null {
  const la = labels[form.a]!;
  const lb = labels[form.b]!;
  const va = views[form.a]!;
  const vb = views[form.b]!;
  for (const k of [form.k, lb.filter((l) => form.k.includes(l))]) {
    const a = matrixView(va, la, form.batch, form.m, k);
    const b = matrixView(vb, lb, form.batch, k, form.n);
    if (a && b) return [a, b];
  }
  return null;
}
