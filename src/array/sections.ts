// SPDX-License-Identifier: Apache-2.0
/** The ranges `np.split` and `np.array_split` cut an axis into. */
import { ShapeError } from "../errors.js";

/** Python's `a[start:stop]` bounds for step 1 on an axis of length n. */
function sliceBounds(start: number, stop: number, n: number): [number, number] {
  const clamp = (i: number) => (i < 0 ? Math.max(0, i + n) : Math.min(i, n));
  const a = clamp(start);
  return [a, Math.max(a, clamp(stop))];
}

/**
 * Half-open ranges of an axis of length `n` for `indicesOrSections`: a number of sections (equal
 * when `equal`, else the first `n % N` one longer) or sorted split points with Python slice
 * semantics (negative points count from the end; out-of-order points give empty sections).
 * @example splitRanges(5, 2, false) // [[0, 3], [3, 5]]
 */
export function splitRanges(n: number, indicesOrSections: number | readonly number[], equal: boolean): Array<[number, number]> {
  if (typeof indicesOrSections === "number") {
    const sections = indicesOrSections;
    if (!Number.isInteger(sections)) throw new TypeError("'float' object cannot be interpreted as an integer");
    if (sections <= 0) throw new ShapeError("number sections must be larger than 0.");
    if (equal && n % sections !== 0) throw new ShapeError("array split does not result in an equal division");
    const each = Math.floor(n / sections);
    const extras = n % sections;
    const out: Array<[number, number]> = [];
    let start = 0;
    for (let i = 0; i < sections; i++) {
      const len = each + (i < extras ? 1 : 0);
      out.push([start, start + len]);
      start += len;
    }
    return out;
  }
  if (!Array.isArray(indicesOrSections)) {
    throw new TypeError(`indices_or_sections must be an integer or an array of integers, got ${JSON.stringify(indicesOrSections)}`);
  }
  for (const i of indicesOrSections) {
    if (typeof i !== "number" || !Number.isInteger(i)) throw new TypeError("slice indices must be integers or None or have an __index__ method");
  }
  const points = [0, ...indicesOrSections, n];
  return points.slice(0, -1).map((p, i) => sliceBounds(p, points[i + 1]!, n));
}
