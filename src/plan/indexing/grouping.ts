// SPDX-License-Identifier: Apache-2.0
/**
 * Grouping known positions by the block that holds them, in typed arrays (a million positions
 * plan in tens of milliseconds): chunk lookup along an axis, and a stable counting sort by key.
 */
import type { ArrayGrid } from "../../array/grid.js";

/** Positions (ascending) that one block holds. */
export interface Group {
  /** The block's grid coordinates along the grouped axes. */
  readonly chunks: readonly number[];
  /** The positions, ascending. */
  readonly at: Int32Array;
}

/** The chunk holding a coordinate along `axis` (a division for regular chunks). */
export function chunkFinder(grid: ArrayGrid, axis: number): (pos: number) => number {
  const chunks = grid.chunks[axis]!;
  const c0 = chunks[0] ?? 1;
  if (chunks.every((c, i) => (i === chunks.length - 1 ? c <= c0 : c === c0))) return (pos) => Math.floor(pos / c0);
  return (pos) => grid.chunkIndexOf(axis, pos);
}

/**
 * The positions of each key (a mixed-radix number over `radix`), for the keys present, in
 * ascending key order; positions stay ascending (a stable counting sort).
 */
export function groupByKey(keys: Int32Array, radix: readonly number[]): Group[] {
  const total = radix.reduce((a, b) => a * b, 1);
  // Dense counters for the usual few source blocks, a map beyond.
  const dense = total <= 1 << 16;
  const counts = dense ? new Int32Array(total) : null;
  const sparse = dense ? null : new Map<number, number>();
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    if (counts) counts[key]!++;
    else sparse!.set(key, (sparse!.get(key) ?? 0) + 1);
  }
  const present = counts ? [...counts.keys()].filter((key) => counts[key]! > 0).map((key) => [key, counts[key]!] as const) : [...sparse!.entries()].sort((a, b) => a[0] - b[0]);
  const groups: Group[] = [];
  const slot = new Map<number, number>();
  for (const [key, count] of present) {
    const chunks = new Array<number>(radix.length);
    for (let e = radix.length - 1, rest = key; e >= 0; e--) {
      chunks[e] = rest % radix[e]!;
      rest = Math.floor(rest / radix[e]!);
    }
    slot.set(key, groups.length);
    groups.push({ chunks, at: new Int32Array(count) });
  }
  const next = new Int32Array(groups.length);
  const groupOf = counts ? new Int32Array(total) : null;
  if (groupOf) for (const [key, g] of slot) groupOf[key] = g;
  for (let k = 0; k < keys.length; k++) {
    const g = groupOf ? groupOf[keys[k]!]! : slot.get(keys[k]!)!;
    groups[g]!.at[next[g]!++] = k;
  }
  return groups;
}
