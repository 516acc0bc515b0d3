// SPDX-License-Identifier: Apache-2.0
/** N-d iteration helpers shared by the reference kernels: axis coalescing and run iteration. */

/**
 * Drops length-1 axes and merges adjacent axes that every view traverses as one (NumPy's
 * iterator coalescing: stride[d] == stride[d+1] * shape[d+1] for all views). The element order of
 * the result is C order of the original shape. A 0-d or all-ones shape becomes [1].
 */
export function coalesce(
  shape: readonly number[],
  strides: readonly (readonly number[])[],
  /** Axes with different group labels are never merged (e.g. reduced and kept axes). */
  groups?: readonly number[],
): { shape: number[]; strides: number[][]; groups: number[] } {
  const outShape: number[] = [];
  const outGroups: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue;
    const last = outShape.length - 1;
    const g = groups?.[d] ?? 0;
    if (last >= 0 && outGroups[last] === g && strides.every((s, v) => s[d]! * shape[d]! === outStrides[v]![last])) {
      // Axis d is inner to the previous kept axis: merge it in.
      outShape[last]! *= shape[d]!;
      strides.forEach((s, v) => (outStrides[v]![last] = s[d]!));
    } else {
      outShape.push(shape[d]!);
      outGroups.push(g);
      strides.forEach((s, v) => outStrides[v]!.push(s[d]!));
    }
  }
  if (outShape.length === 0) return { shape: [1], strides: strides.map(() => [0]), groups: [0] };
  return { shape: outShape, strides: outStrides, groups: outGroups };
}

/**
 * Calls `body(offsets)` once per innermost run of `shape` (C order), where offsets[v] is view
 * v's element offset at the start of the run. `offsets` is reused between calls.
 */
export function forEachRun(
  shape: readonly number[],
  starts: readonly number[],
  strides: readonly (readonly number[])[],
  body: (offsets: number[]) => void,
): void {
  const nd = shape.length;
  if (shape.some((d) => d === 0)) return;
  const offs = [...starts];
  const idx = new Array<number>(nd).fill(0);
  const nv = offs.length;
  for (;;) {
    body(offs);
    let d = nd - 2;
    for (; d >= 0; d--) {
      for (let v = 0; v < nv; v++) offs[v]! += strides[v]![d]!;
      if (++idx[d]! < shape[d]!) break;
      for (let v = 0; v < nv; v++) offs[v]! -= strides[v]![d]! * shape[d]!;
      idx[d] = 0;
    }
    if (d < 0) return;
  }
}

/**
 * Calls `body(i, offsets)` for every element i (C order) of `shape`, where offsets[v] is the
 * element offset of view v (given by its start offset and strides over `shape`).
 */
export function forEachElement(
  shape: readonly number[],
  starts: readonly number[],
  strides: readonly (readonly number[])[],
  body: (i: number, offsets: number[]) => void,
): void {
  const nd = shape.length;
  const total = shape.reduce((p, d) => p * d, 1);
  if (total === 0) return;
  const idx = new Array<number>(nd).fill(0);
  const offs = [...starts];
  for (let i = 0; i < total; i++) {
    body(i, offs);
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]!++;
      for (let v = 0; v < offs.length; v++) offs[v]! += strides[v]![d]!;
      if (idx[d]! < shape[d]!) break;
      for (let v = 0; v < offs.length; v++) offs[v]! -= strides[v]![d]! * shape[d]!;
      idx[d] = 0;
    }
  }
}

export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** C-order element strides of a contiguous array of `shape`. */
export function contiguousStrides(shape: readonly number[]): number[] {
  const s: number[] = new Array<number>(shape.length);
  let acc = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    s[d] = acc;
    acc *= shape[d]!;
  }
  return s;
}
