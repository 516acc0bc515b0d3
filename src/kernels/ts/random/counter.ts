// SPDX-License-Identifier: Apache-2.0
/**
 * Which Philox counters an element reads: the one rule that makes every random array a pure
 * function of (key, stream, global element index).
 *
 * The counter is the four words [j mod 2^32, ⌊j / 2^32⌋, stream, draw]. A distribution reads its
 * elements in `lanes` of 4/lanes words (lanes is 4, 2 or 1, fixed per distribution and dtype):
 * - element i's first words are lane (i mod lanes) of counter j = ⌊i / lanes⌋, draw 0, so one
 *   Philox block serves `lanes` neighbouring elements (two float64 uniforms, four 32-bit words);
 * - if it needs more (a rejection or a multi-uniform method), it continues with all four words of
 *   counter j = i, draw 1, 2, 3, … — counters no other element of the stream reads.
 * Neither depends on where a block starts, so the fast block loops (`uniforms53`, `words32`) and
 * the per-element reader (`ElementWords`) see the same words.
 */
import { philox4x32 } from "./philox.js";

export const TWO_POW_32 = 4294967296;
/** 2^-53, the spacing of 53-bit uniforms. */
export const TWO_POW_M53 = 1.1102230246251565e-16;
/** 2^-24, the spacing of 24-bit (float32) uniforms. */
const TWO_POW_M24 = 5.9604644775390625e-8;

/** Elements per Philox block on draw 0. */
export type Lanes = 1 | 2 | 4;

/** The uniform in [0, 1) on the 2^-53 grid from words a, b: NumPy's next_double (27 + 26 bits). */
export function double53(a: number, b: number): number {
  return ((a >>> 5) * 67108864 + (b >>> 6)) * TWO_POW_M53;
}

/** The uniform in [0, 1) on the 2^-24 grid from word a: NumPy's next_float (its top 24 bits). */
export function float24(a: number): number {
  return (a >>> 8) * TWO_POW_M24;
}

/** Reused output block of the fast loops (kernels run one at a time per thread). */
const block = new Int32Array(4);

/**
 * dst[at + t] = the 53-bit uniform of element first + t, for t < count (2 lanes: the uniform is
 * the lane's two words). The tight loop behind every float64 continuous distribution.
 */
export function uniforms53(
  rk: Int32Array,
  stream: number,
  first: number,
  count: number,
  dst: Float64Array,
  at = 0,
): void {
  if (count <= 0) return;
  const s = stream | 0;
  const j = Math.floor(first / 2);
  let lo = j | 0;
  let hi = Math.floor(j / TWO_POW_32);
  let t = at;
  const end = at + count;
  if (first % 2 === 1) {
    philox4x32(lo, hi, s, 0, rk, block);
    dst[t++] = double53(block[2]!, block[3]!);
    if ((lo = (lo + 1) | 0) === 0) hi++;
  }
  for (; t + 1 < end; t += 2) {
    philox4x32(lo, hi, s, 0, rk, block);
    dst[t] = double53(block[0]!, block[1]!);
    dst[t + 1] = double53(block[2]!, block[3]!);
    if ((lo = (lo + 1) | 0) === 0) hi++;
  }
  if (t < end) {
    philox4x32(lo, hi, s, 0, rk, block);
    dst[t] = double53(block[0]!, block[1]!);
  }
}

/** dst[t] = the first word of element first + t, for t < count (4 lanes of one word each). */
export function words32(rk: Int32Array, stream: number, first: number, count: number, dst: Int32Array): void {
  if (count <= 0) return;
  const s = stream | 0;
  const j = Math.floor(first / 4);
  let lo = j | 0;
  let hi = Math.floor(j / TWO_POW_32);
  let lane = first % 4;
  let t = 0;
  while (t < count) {
    philox4x32(lo, hi, s, 0, rk, block);
    for (; lane < 4 && t < count; lane++) dst[t++] = block[lane]!;
    lane = 0;
    if ((lo = (lo + 1) | 0) === 0) hi++;
  }
}

/**
 * The words of one element, in the order of the rule above: for rejection loops and multi-uniform
 * methods, and as the definitional (slow) path the fast loops are tested against. Reuse one
 * instance per block: `start` or `resume` it for each element.
 */
export class ElementWords {
  private readonly block = new Int32Array(4);
  private lo = 0;
  private hi = 0;
  private draw = 0;
  private pos = 0;
  private end = 0;

  constructor(
    private readonly rk: Int32Array,
    private readonly stream: number,
    private readonly lanes: Lanes,
  ) {}

  /** Positions the reader at element `index`'s first word (its lane of draw 0). */
  start(index: number): void {
    const j = Math.floor(index / this.lanes);
    philox4x32(j | 0, Math.floor(j / TWO_POW_32), this.stream | 0, 0, this.rk, this.block);
    const width = 4 / this.lanes;
    this.pos = (index % this.lanes) * width;
    this.end = this.pos + width;
    this.setElement(index);
  }

  /** Positions the reader after element `index`'s lane words, which a fast loop already used. */
  resume(index: number): void {
    this.pos = this.end = 0;
    this.setElement(index);
  }

  /** The next word, unsigned. */
  next(): number {
    if (this.pos === this.end) this.refill();
    return this.block[this.pos++]! >>> 0;
  }

  /** The next 53-bit uniform in [0, 1) (two words). */
  nextDouble(): number {
    const a = this.next();
    return double53(a, this.next());
  }

  private setElement(index: number): void {
    this.lo = index | 0;
    this.hi = Math.floor(index / TWO_POW_32);
    this.draw = 0;
  }

  private refill(): void {
    // 2^32 - 1 further draws is beyond any rejection loop that terminates in practice.
    if (this.draw === 0xffffffff) throw new Error("random: an element exhausted its 2^32 draws");
    this.draw++;
    philox4x32(this.lo, this.hi, this.stream | 0, this.draw | 0, this.rk, this.block);
    this.pos = 0;
    this.end = 4;
  }
}
