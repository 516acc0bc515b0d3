// SPDX-License-Identifier: Apache-2.0
/** C-order iteration over a shape, tracking each view's element offset. */

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
