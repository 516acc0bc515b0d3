// SPDX-License-Identifier: Apache-2.0
/** What every distribution implements: a fast run filler and the per-element definition. */
import type { TypedArray } from "../../../array/dtype.js";

export interface Sampler {
  /**
   * Writes the samples of global elements first, first + 1, …, first + count - 1 to dst[pos],
   * dst[pos + 1], …: one C-order run of a block. Runs may start anywhere; the values do not depend
   * on where.
   */
  fill(dst: TypedArray, pos: number, first: number, count: number): void;
  /**
   * The sample of global element `index`, computed alone through `ElementWords`: the definition
   * `fill` must reproduce bit for bit (tests compare them), and the reference for one element.
   */
  element(index: number): number;
}

/** Elements per pass of a fast loop: its uniforms or words stay in L1 between the two passes. */
export const CHUNK = 1024;

/** Scratch of the fast loops (a worker runs one kernel at a time, and fills do not nest). */
export const scratchDoubles = new Float64Array(CHUNK);
export const scratchWords = new Int32Array(CHUNK);
