// SPDX-License-Identifier: Apache-2.0
/**
 * The block index space of a contraction (NumS §3.3): every label gets one length and one chunking,
 * and a point of the space (one chunk per label) selects the region each operand contributes. The
 * chunking of a label follows the largest operand carrying it, so that operand is read in place and
 * smaller ones are re-blocked (only the regions needed, once each); a label an operand repeats (a
 * diagonal) takes the common refinement of its axes' chunkings, so every diagonal region lies in
 * one block and no off-diagonal block is read.
 */
import { itemSize } from "../array/dtype.js";
import type { NodeId } from "../runtime/messages.js";
import type { InputView } from "../runtime/runtime.js";
import type { ArrayData } from "./array-data.js";
import { alignedView } from "./align.js";

/** An operand of a contraction: an array and one label per axis. */
export interface LabeledOperand {
  readonly data: ArrayData;
  readonly labels: readonly number[];
}

/** Label → length: the largest length along the label's axes (the others are 1, broadcast). */
export function labelLengths(operands: readonly LabeledOperand[]): Map<number, number> {
  const sizes = new Map<number, number>();
  for (const x of operands) x.labels.forEach((l, d) => sizes.set(l, Math.max(sizes.get(l) ?? 0, x.data.shape[d]!)));
  // A label seen only with length 1 next to a length-0 axis is empty: NumPy broadcasts 1 to 0.
  for (const x of operands) x.labels.forEach((l, d) => x.data.shape[d] === 0 && sizes.set(l, 0));
  return sizes;
}

/** Label → chunk lengths (see the module comment). */
export function labelChunks(operands: readonly LabeledOperand[], sizes: ReadonlyMap<number, number>): Map<number, number[]> {
  const chunks = new Map<number, number[]>();
  for (const [label, size] of sizes) {
    if (size === 0) {
      chunks.set(label, []);
      continue;
    }
    const carriers = operands.flatMap((x) =>
      x.labels.flatMap((l, d) => (l === label && x.data.shape[d] === size ? [{ x, d }] : [])),
    );
    const diagonal = operands.some((x) => x.labels.filter((l, d) => l === label && x.data.shape[d] === size).length > 1);
    if (diagonal) {
      chunks.set(label, refine(carriers.map(({ x, d }) => x.data.grid.boundaries(d))));
      continue;
    }
    let best = carriers[0]!;
    const bytes = (x: LabeledOperand) => x.data.size * itemSize(x.data.dtype);
    for (const c of carriers) if (bytes(c.x) > bytes(best.x)) best = c;
    chunks.set(label, [...best.x.data.grid.chunks[best.d]!]);
  }
  return chunks;
}

/** The chunks whose boundaries are the union of the given boundary lists. */
function refine(boundaries: readonly (readonly number[])[]): number[] {
  const cuts = [...new Set(boundaries.flat())].sort((a, b) => a - b);
  const out: number[] = [];
  for (let i = 1; i < cuts.length; i++) out.push(cuts[i]! - cuts[i - 1]!);
  return out;
}

/** Label → chunk boundaries [0, c0, c0 + c1, ..., length]. */
export function labelBounds(chunks: ReadonlyMap<number, readonly number[]>): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const [label, cs] of chunks) {
    const b = [0];
    for (const c of cs) b.push(b[b.length - 1]! + c);
    out.set(label, b);
  }
  return out;
}

/**
 * Views of operands over regions, each region re-blocked at most once per contraction (a region
 * of a small operand is typically read by many output blocks). Temporary blocks stay held until
 * `release`, after the last op reading them has been submitted.
 */
export class RegionViews {
  private readonly cache = new Map<string, InputView>();
  private readonly temps: { release(): void }[] = [];

  constructor(
    private readonly operands: readonly LabeledOperand[],
    private readonly bounds: ReadonlyMap<number, readonly number[]>,
  ) {}

  /** Operand i over the point `chunkOf` (label → chunk index) of the block index space. */
  view(i: number, chunkOf: ReadonlyMap<number, number>, owner: NodeId): InputView {
    const x = this.operands[i]!;
    const region = x.labels.map((l) => {
      const b = this.bounds.get(l)!;
      const c = chunkOf.get(l)!;
      return [b[c]!, b[c + 1]!] as const;
    });
    const key = `${i}:${region.flat().join(",")}`;
    let v = this.cache.get(key);
    if (!v) {
      v = alignedView(x.data, region, owner, this.temps);
      this.cache.set(key, v);
    }
    return v;
  }

  release(): void {
    for (const t of this.temps) t.release();
    this.temps.length = 0;
    this.cache.clear();
  }
}
