// SPDX-License-Identifier: Apache-2.0
/**
 * Distributed sample sort (Frazer & McKellar 1970; here as in Blelloch et al., "A comparison of
 * sorting algorithms for the Connection Machine CM-2", 1991): sample every block, choose p - 1
 * splitters, split every block by them where it lives, send bucket j's pieces to bucket j's node
 * and sort each bucket there. No node ever holds more than its buckets; the driver only sees the
 * samples and the bucket counts.
 *
 * Splitters are (value, global index) pairs, ordered by NumPy's value order and then index, so
 * equal values spread over buckets like distinct ones (no bucket overflows on duplicates) and
 * every bucket, whose pieces arrive in index order, sorts stably: the result is NumPy's stable
 * order. Buckets become the output's blocks, so their sizes (known after the split) are the
 * output's chunks: callers return deferred arrays.
 *
 * Data movement: on one node the split writes each block grouped by bucket and the bucket sorts
 * read their pieces in place; across nodes each block is first counted, then split into one block
 * per bucket, so only the pieces a node needs cross the network.
 */
import type { Dtype } from "../../array/dtype.js";
import type { KernelResult } from "../../kernels/manifest.js";
import { compareValues } from "../../kernels/ts/sort/order.js";
import type { Block } from "../../runtime/block.js";
import type { InputView } from "../../runtime/runtime.js";
import { ownerOf } from "../../schedule/layout.js";
import { context } from "../context.js";
import { submitOp, wholeBlockView } from "../submit.js";
import { type Source, rangeView } from "./sources.js";

/** A split index beyond every int32 global index: no second operand. */
export const NO_SPLIT = 2 ** 31;

/** Samples drawn per bucket: bucket sizes then vary by about 1/sqrt(SAMPLES_PER_BUCKET). */
const SAMPLES_PER_BUCKET = 256;

/**
 * Value bins per bucket: the split groups each bucket's elements into bins of about BIN_ELEMENTS
 * (linear in value between the bucket's splitters), so the bucket sort works bin by bin in cache
 * instead of distributing the whole bucket again. At most MAX_BINS (scattering into more
 * streams thrashes the TLB) and at most MAX_BIN_CELLS counts per bucket sort's attributes.
 */
const BIN_ELEMENTS = 1 << 14;
const MAX_BINS = 1024;
const MAX_BIN_CELLS = 1 << 18;

export interface SampleSortOptions {
  /** Carry int32 global indices through the sort (argsort, unique's indices, set operations). */
  readonly withIndex: boolean;
  readonly emit: "values" | "indices" | "both";
  /** Return run statistics per bucket (unique and set operations), with the set split index. */
  readonly runs?: boolean;
  readonly split?: number;
  /** Number of buckets (default: one per source block). */
  readonly buckets?: number;
}

export interface Bucket {
  readonly size: number;
  /** The bucket's sorted values and/or indices, as `emit` asked (each with one hold). */
  readonly values: Block | null;
  readonly indices: Block | null;
  /** The run statistics (see kernels/ts/sort/runs.ts), when asked for. */
  readonly stats: Promise<KernelResult>;
}

interface Splitters {
  readonly values: number[];
  readonly indices: number[];
  /** Per bucket, the value range [low, high] its bins span (samples' extremes at the ends). */
  readonly ranges: number[];
}

/** The splitters: every (p)-quantile of the samples, in (value, index) order. */
function chooseSplitters(results: readonly KernelResult[], p: number): Splitters {
  const pairs: [number, number][] = [];
  for (const r of results) {
    const a = r as readonly number[];
    for (let k = 1; k < a.length; k += 2) pairs.push([a[k]!, a[k + 1]!]);
  }
  pairs.sort((x, y) => compareValues(x[0], y[0]) || x[1] - y[1]);
  const values: number[] = [];
  const indices: number[] = [];
  for (let j = 1; j < p && pairs.length > 0; j++) {
    const [v, i] = pairs[Math.floor((j * pairs.length) / p)]!;
    values.push(v);
    indices.push(i);
  }
  const finite = pairs.filter(([v]) => v === v);
  const low = finite.length > 0 ? finite[0]![0] : 0;
  const high = finite.length > 0 ? finite[finite.length - 1]![0] : 0;
  const ranges: number[] = [];
  for (let b = 0; b <= values.length; b++) ranges.push(b === 0 ? low : values[b - 1]!, b === values.length ? high : values[b]!);
  return { values, indices, ranges };
}

/**
 * Sorts the elements of `sources` (all of `dtype`) and returns the non-empty buckets in order.
 * The caller owns the returned blocks.
 */
export async function sampleSort(sources: readonly Source[], dtype: Dtype, options: SampleSortOptions): Promise<Bucket[]> {
  const total = sources.reduce((s, x) => s + x.size, 0);
  if (total === 0) return [];
  const p = Math.max(1, Math.min(options.buckets ?? sources.length, total));
  let splitters: Splitters = { values: [], indices: [], ranges: [] };
  if (p > 1) {
    const wanted = SAMPLES_PER_BUCKET * p;
    const samples = sources.map((s, i) =>
      submitOp({
        kernel: "sortSample",
        attrs: { count: Math.ceil((wanted * s.size) / total), seed: 0x5eed + i, countNaN: false, ...s.space },
        inputs: [s.view],
        outputs: [],
        owner: s.owner,
        final: false,
      }).result,
    );
    splitters = chooseSplitters(await Promise.all(samples), p);
  }
  const buckets = splitters.values.length + 1;
  const bins = splitters.ranges.length === 0 ? 1 : Math.max(1, Math.min(MAX_BINS, Math.floor(total / buckets / BIN_ELEMENTS), Math.floor(MAX_BIN_CELLS / sources.length)));
  // Blocks of a flattened n-d array do not come in index order: carry indices to order ties.
  const byIndex = !inIndexOrder(sources);
  const carry = options.withIndex || byIndex;
  const split = { splitValues: splitters.values, splitIndices: splitters.indices, withIndex: carry, bins, ranges: splitters.ranges };
  const multiNode = context().scheduler.nodes > 1;
  // The split remembers each element's (bucket, bin) cell between its two passes in a scratch block.
  const useScratch = buckets * bins > 1 && buckets * bins <= 65536;
  const scratchFor = (s: Source) => (useScratch ? [{ dtype: "uint16" as const, shape: [s.size] }] : []);
  const held: Block[] = [];
  try {
    // pieces[i][j]: source i's part of bucket j (values view, index view).
    let pieces: { values: InputView; indices: InputView | null }[][];
    let counts: number[][];
    let cells: number[][];
    if (!multiNode) {
      const ops = sources.map((s) => {
        const outputs = [{ dtype, shape: [s.size] }, ...(carry ? [{ dtype: "int32" as const, shape: [s.size] }] : []), ...scratchFor(s)];
        const op = submitOp({ kernel: "sortSplit", attrs: { ...split, ...s.space, scratch: useScratch }, inputs: [s.view], outputs, owner: s.owner, final: false });
        held.push(...op.outputs);
        return op;
      });
      cells = (await Promise.all(ops.map((o) => o.result))) as number[][];
      counts = cells.map((c) => perBucket(c, bins));
      pieces = ops.map((op, i) => {
        let start = 0;
        return counts[i]!.map((c) => {
          const piece = {
            values: rangeView(wholeBlockView(op.outputs[0]!), start, c),
            indices: carry ? rangeView(wholeBlockView(op.outputs[1]!), start, c) : null,
          };
          start += c;
          return piece;
        });
      });
    } else {
      const countOps = sources.map((s) => submitOp({ kernel: "sortSplit", attrs: { ...split, ...s.space }, inputs: [s.view], outputs: [], owner: s.owner, final: false }));
      cells = (await Promise.all(countOps.map((o) => o.result))) as number[][];
      counts = cells.map((c) => perBucket(c, bins));
      pieces = sources.map((s, i) => {
        const nonEmpty = counts[i]!.flatMap((c, j) => (c > 0 ? [j] : []));
        const outputs = [
          ...nonEmpty.map((j) => ({ dtype, shape: [counts[i]![j]!] })),
          ...(carry ? nonEmpty.map((j) => ({ dtype: "int32" as const, shape: [counts[i]![j]!] })) : []),
        ];
        const op = submitOp({
          kernel: "sortSplit",
          attrs: { ...split, ...s.space, pieces: nonEmpty, scratch: useScratch },
          inputs: [s.view],
          outputs: [...outputs, ...scratchFor(s)],
          owner: s.owner,
          final: false,
        });
        held.push(...op.outputs);
        const row: { values: InputView; indices: InputView | null }[] = counts[i]!.map(() => ({ values: rangeView(wholeBlockView(op.outputs[0]!), 0, 0), indices: null }));
        nonEmpty.forEach((j, k) => {
          row[j] = {
            values: wholeBlockView(op.outputs[k]!),
            indices: carry ? wholeBlockView(op.outputs[nonEmpty.length + k]!) : null,
          };
        });
        return row;
      });
    }
    const sizes = Array.from({ length: buckets }, (_, j) => counts.reduce((s, c) => s + c[j]!, 0));
    const nonEmpty = sizes.flatMap((n, j) => (n > 0 ? [j] : []));
    const nodes = context().scheduler.nodes;
    return nonEmpty.map((j, jj) => {
      const from = sources.map((_, i) => i).filter((i) => counts[i]![j]! > 0);
      const inputs = [...from.map((i) => pieces[i]![j]!.values), ...(carry ? from.map((i) => pieces[i]![j]!.indices!) : [])];
      const n = sizes[j]!;
      const outputs = [
        ...(options.emit !== "indices" ? [{ dtype, shape: [n] }] : []),
        ...(options.emit !== "values" ? [{ dtype: "int32" as const, shape: [n] }] : []),
      ];
      const binCounts = bins > 1 ? from.flatMap((i) => cells[i]!.slice(j * bins, (j + 1) * bins)) : null;
      const op = submitOp({
        kernel: "sortPieces",
        attrs: { bins, binCounts, withIndex: carry, byIndex, emit: options.emit, runs: options.runs ?? false, split: options.split ?? NO_SPLIT },
        inputs,
        outputs,
        owner: ownerOf([jj], [nonEmpty.length], nodes),
        final: true,
      });
      return {
        size: n,
        values: options.emit !== "indices" ? op.outputs[0]! : null,
        indices: options.emit === "values" ? null : op.outputs[options.emit === "both" ? 1 : 0]!,
        stats: op.result,
      };
    });
  } finally {
    for (const b of held) b.release();
  }
}

/**
 * Whether the sources' elements, taken source by source in C order, have increasing global
 * indices (1-D arrays, row bands of n-d arrays, and concatenations of such).
 */
function inIndexOrder(sources: readonly Source[]): boolean {
  let next = -Infinity;
  for (const s of sources) {
    const { shape } = s.view;
    const { indexBase, indexStrides } = s.space;
    let expected = 1;
    for (let d = shape.length - 1; d >= 0; d--) {
      if (shape[d]! > 1 && indexStrides[d] !== expected) return false;
      expected *= shape[d]!;
    }
    if (indexBase < next) return false;
    next = indexBase + s.size;
  }
  return true;
}

/** Per-bucket counts from per-(bucket, bin) counts. */
function perBucket(cells: readonly number[], bins: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < cells.length; c += bins) out.push(cells.slice(c, c + bins).reduce((a, b) => a + b, 0));
  return out;
}

/** Releases the blocks of buckets (after a failure, or once their contents were consumed). */
export function releaseBuckets(buckets: readonly Bucket[]): void {
  for (const b of buckets) {
    b.values?.release();
    b.indices?.release();
  }
}
