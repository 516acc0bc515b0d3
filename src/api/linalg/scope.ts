// SPDX-License-Identifier: Apache-2.0
/** Disposing the intermediate arrays of a composed computation in one place. */
import type { BlockArray } from "../block-array.js";

export class Scope {
  private readonly arrays: BlockArray[] = [];

  /** Registers an intermediate (disposed by `dispose`) and returns it. */
  t<T extends BlockArray>(x: T): T {
    this.arrays.push(x);
    return x;
  }

  dispose(): void {
    for (const x of this.arrays.splice(0)) x.dispose();
  }
}

/** Runs `fn` with a scope whose intermediates are disposed afterwards (results are not registered). */
export function scoped<R>(fn: (s: Scope) => R): R {
  const s = new Scope();
  try {
    return fn(s);
  } finally {
    s.dispose();
  }
}
