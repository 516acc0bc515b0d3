// SPDX-License-Identifier: Apache-2.0
/** Running planner code on array-like arguments, releasing the arrays uploaded for local data. */
import type { ArrayData } from "../plan/array-data.js";
import { type ArrayLike, releaseTemporaries, toData } from "./convert.js";

/** Calls `fn` with the planner array of `a`; uploaded local data is released afterwards. */
export function withData<T>(a: ArrayLike, what: string, fn: (x: ArrayData) => T): T {
  const x = toData(a, what);
  try {
    return fn(x);
  } finally {
    releaseTemporaries([a], [x]);
  }
}

/** `withData` for a list of array-likes (`what` names the list; errors name the index). */
export function withDataList<T>(arrays: readonly ArrayLike[], what: string, fn: (xs: ArrayData[]) => T): T {
  const xs: ArrayData[] = [];
  try {
    arrays.forEach((a, i) => xs.push(toData(a, `${what}[${i}]`)));
    return fn(xs);
  } finally {
    releaseTemporaries(arrays.slice(0, xs.length), xs);
  }
}

/** NumPy's shape repr without spaces, as in broadcast and pad messages: `(2,3)`, `(3,)`. */
export function compactShape(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(",")})`;
}
