// SPDX-License-Identifier: Apache-2.0
/** Shapes as NumPy's C code prints them in error messages (no spaces, `newaxis` for new axes). */

/** `(2,3)`, `(3,)`, `()`. */
export function tupleText(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}

/**
 * An operand's axes remapped onto an iterator's, as NumPy's broadcast errors print them: -1 is
 * `newaxis`, and leading newaxes are dropped (`(newaxis,4,3)` prints as `(4,3)`).
 */
export function remappedText(dims: readonly number[]): string {
  let first = 0;
  while (first < dims.length && dims[first]! < 0) first++;
  const text = dims.slice(first).map((d) => (d < 0 ? "newaxis" : String(d)));
  return dims.length === 1 && first === 0 ? `(${text[0]},)` : `(${text.join(",")})`;
}
