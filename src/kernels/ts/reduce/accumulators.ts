// SPDX-License-Identifier: Apache-2.0
/**
 * Per-cell reduction state machines of the reference `reduce` kernel. Each consumes the cell's
 * value sequence in order (values arrive as float64, which holds every numts dtype exactly) and
 * writes the partial state layout of manifest.ts `reduceStateDtypes`.
 */
import type { Dtype } from "../../../array/dtype.js";
import { isFloat } from "../../../array/dtype.js";
import type { ReduceOp } from "../../ops.js";
import type { View } from "../../view.js";
import { MUL } from "../elementwise/templates.js";
import { wrapValue } from "../elementwise/wrap.js";
import { CHUNK, Cascade, LANES, laneTree } from "./cascade.js";
import { argBetter, maxValue, mergeMoments, minValue, type Moments, nanMaxValue, nanMinValue } from "./merge.js";

export interface Accumulator {
  reset(): void;
  /** Values buf[0..n) at sequence positions p0 + k with global indices i0 + k·istep. */
  feed(buf: Float64Array, n: number, p0: number, i0: number, istep: number): void;
  /** Writes the cell's partial state at element `o` (relative to each view's offset) of the state views. */
  write(outs: readonly View[], o: number): void;
}

const LAST = CHUNK - 1;
const add = (a: number, b: number): number => a + b;

/** Float sum or product in the cascade order (cascade.ts); NaN-skipping variants feed the identity. */
class ChunkedFloat implements Accumulator {
  private readonly lanes = new Float64Array(LANES);
  private open = false;
  private readonly cascade: Cascade;

  constructor(
    private readonly op: (a: number, b: number) => number,
    private readonly identity: number,
    private readonly skipNaN: boolean,
  ) {
    this.cascade = new Cascade((a, b) => [op(a[0]!, b[0]!)]);
    this.lanes.fill(identity);
  }

  reset(): void {
    this.cascade.reset();
    this.lanes.fill(this.identity);
    this.open = false;
  }

  private close(): void {
    this.cascade.push([laneTree(this.lanes, this.op)]);
    this.lanes.fill(this.identity);
    this.open = false;
  }

  feed(buf: Float64Array, n: number, p0: number): void {
    const { lanes, op, skipNaN, identity } = this;
    let k = 0;
    while (k < n) {
      const p = p0 + k;
      if ((p & LAST) === 0 && n - k >= CHUNK && op === add && !skipNaN) {
        // A whole chunk of a plain sum: lanes start at 0 (the same additions, inlined).
        for (let i = k; i < k + CHUNK; i += LANES) {
          for (let j = 0; j < LANES; j++) lanes[j] += buf[i + j]!;
        }
        this.close();
        k += CHUNK;
        continue;
      }
      let x = buf[k]!;
      if (skipNaN && x !== x) x = identity;
      const l = p & (LANES - 1);
      lanes[l] = op(lanes[l]!, x);
      this.open = true;
      if ((p & LAST) === LAST) this.close();
      k++;
    }
  }

  write(outs: readonly View[], o: number): void {
    if (this.open) this.close();
    outs[0]!.data[outs[0]!.offset + o] = this.cascade.result([this.identity])[0]!;
  }
}

/** Integer (and bool) sums and products: wrapping arithmetic is associative, so order is free. */
class Modular implements Accumulator {
  private s = 0;

  constructor(
    private readonly op: (a: number, b: number) => number,
    private readonly identity: number,
  ) {
    this.s = identity;
  }

  reset(): void {
    this.s = this.identity;
  }

  feed(buf: Float64Array, n: number): void {
    let s = this.s;
    for (let k = 0; k < n; k++) s = this.op(s, buf[k]!);
    this.s = s;
  }

  write(outs: readonly View[], o: number): void {
    outs[0]!.data[outs[0]!.offset + o] = this.s;
  }
}

class Extreme implements Accumulator {
  private best: number;

  constructor(
    private readonly merge: (a: number, b: number) => number,
    private readonly identity: number,
  ) {
    this.best = identity;
  }

  reset(): void {
    this.best = this.identity;
  }

  feed(buf: Float64Array, n: number): void {
    let b = this.best;
    for (let k = 0; k < n; k++) b = this.merge(b, buf[k]!);
    this.best = b;
  }

  write(outs: readonly View[], o: number): void {
    outs[0]!.data[outs[0]!.offset + o] = this.best;
  }
}

class Arg implements Accumulator {
  private value = 0;
  private index = -1;

  constructor(
    private readonly sign: 1 | -1,
    private readonly skipNaN: boolean,
    /** The value written for a cell with no candidate (empty, or all NaN when skipping). */
    private readonly empty: number,
  ) {}

  reset(): void {
    this.index = -1;
    this.value = this.empty;
  }

  feed(buf: Float64Array, n: number, _p0: number, i0: number, istep: number): void {
    for (let k = 0; k < n; k++) {
      const i = i0 + k * istep;
      if (argBetter(buf[k]!, i, this.value, this.index, this.sign, this.skipNaN)) {
        this.value = buf[k]!;
        this.index = i;
      }
    }
  }

  write(outs: readonly View[], o: number): void {
    outs[0]!.data[outs[0]!.offset + o] = this.index < 0 ? this.empty : this.value;
    outs[1]!.data[outs[1]!.offset + o] = this.index;
  }
}

class Truth implements Accumulator {
  private flag: boolean;

  constructor(private readonly all: boolean) {
    this.flag = all;
  }

  reset(): void {
    this.flag = this.all;
  }

  feed(buf: Float64Array, n: number): void {
    for (let k = 0; k < n && this.flag === this.all; k++) {
      if ((buf[k] !== 0) !== this.all) this.flag = !this.all;
    }
  }

  write(outs: readonly View[], o: number): void {
    outs[0]!.data[outs[0]!.offset + o] = this.flag ? 1 : 0;
  }
}

/**
 * Count, mean and M2 per chunk by the shifted-data algorithm (shift = the chunk's first value when
 * finite, else 0; lanes accumulate d = x - shift and d²), chunks merged by Chan's update.
 */
class MomentsAcc implements Accumulator {
  private readonly s1 = new Float64Array(LANES);
  private readonly s2 = new Float64Array(LANES);
  private shift = 0;
  private count = 0;
  private open = false;
  private readonly tmp: Moments = { n: 0, mean: 0, m2: 0 };
  private readonly cascade = new Cascade((a, b) => {
    mergeMoments(a[0]!, a[1]!, a[2]!, b[0]!, b[1]!, b[2]!, this.tmp);
    return [this.tmp.n, this.tmp.mean, this.tmp.m2];
  });

  constructor(private readonly skipNaN: boolean) {}

  reset(): void {
    this.cascade.reset();
    this.s1.fill(0);
    this.s2.fill(0);
    this.count = 0;
    this.open = false;
  }

  private close(): void {
    const c = this.count;
    if (c === 0) {
      this.cascade.push([0, 0, 0]);
    } else {
      const s1 = laneTree(this.s1, add);
      const s2 = laneTree(this.s2, add);
      let m2 = s2 - s1 * (s1 / c);
      if (m2 < 0) m2 = 0;
      this.cascade.push([c, this.shift + s1 / c, m2]);
    }
    this.s1.fill(0);
    this.s2.fill(0);
    this.count = 0;
    this.open = false;
  }

  feed(buf: Float64Array, n: number, p0: number): void {
    const { s1, s2, skipNaN } = this;
    for (let k = 0; k < n; k++) {
      const p = p0 + k;
      const x = buf[k]!;
      if ((p & LAST) === 0) this.shift = x - x === 0 ? x : 0;
      this.open = true;
      if (!(skipNaN && x !== x)) {
        const d = x - this.shift;
        const l = p & (LANES - 1);
        s1[l] += d;
        s2[l] += d * d;
        this.count++;
      }
      if ((p & LAST) === LAST) this.close();
    }
  }

  write(outs: readonly View[], o: number): void {
    if (this.open) this.close();
    const [n, mean, m2] = this.cascade.result([0, 0, 0]);
    outs[0]!.data[outs[0]!.offset + o] = n!;
    outs[1]!.data[outs[1]!.offset + o] = mean!;
    outs[2]!.data[outs[2]!.offset + o] = m2!;
  }
}

/** Largest and smallest value of each dtype (identities of min and max). */
export function dtypeRange(dt: Dtype): [number, number] {
  switch (dt) {
    case "bool":
      return [0, 1];
    case "int8":
      return [-128, 127];
    case "uint8":
      return [0, 255];
    case "int16":
      return [-32768, 32767];
    case "uint16":
      return [0, 65535];
    case "int32":
      return [-2147483648, 2147483647];
    case "uint32":
      return [0, 4294967295];
    default:
      return [-Infinity, Infinity];
  }
}

/** The accumulator for `op` over values of `valueDtype` with state dtype `stateDtype` (output 0). */
export function makeAccumulator(op: ReduceOp, valueDtype: Dtype, stateDtype: Dtype): Accumulator {
  const [lo, hi] = dtypeRange(valueDtype);
  const float = isFloat(valueDtype);
  switch (op) {
    case "sum":
    case "nansum":
      if (!isFloat(stateDtype)) return new Modular((a, b) => wrapValue(stateDtype, a + b), 0);
      return new ChunkedFloat(add, 0, op === "nansum");
    case "prod":
    case "nanprod":
      if (!isFloat(stateDtype)) return new Modular(MUL[stateDtype], 1);
      return new ChunkedFloat(MUL[stateDtype], 1, op === "nanprod");
    case "min":
      return new Extreme(float ? minValue : Math.min, hi);
    case "max":
      return new Extreme(float ? maxValue : Math.max, lo);
    case "nanmin":
      return new Extreme(float ? nanMinValue : Math.min, float ? NaN : hi);
    case "nanmax":
      return new Extreme(float ? nanMaxValue : Math.max, float ? NaN : lo);
    case "argmin":
      return new Arg(1, false, hi);
    case "argmax":
      return new Arg(-1, false, lo);
    case "nanargmin":
      return new Arg(1, true, float ? NaN : hi);
    case "nanargmax":
      return new Arg(-1, true, float ? NaN : lo);
    case "all":
      return new Truth(true);
    case "any":
      return new Truth(false);
    case "moments":
    case "nanmoments":
      return new MomentsAcc(op === "nanmoments");
  }
}
