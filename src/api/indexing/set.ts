// SPDX-License-Identifier: Apache-2.0
/**
 * `x.set(index, value)`: NumPy's `x[index] = value`. Blocks are immutable, so the write builds a
 * new array (rewriting only the blocks it touches, sharing the rest) and `x` points at it; arrays
 * computed from `x` before keep their values. Index, value-conversion and value-shape errors
 * throw synchronously, in NumPy's order. What depends on data — the true count of a distributed
 * mask when the value must match it, out-of-bounds values of distributed index arrays — makes `x`
 * pending (shape and dtype stay readable) or fail with NumPy's error.
 */
import { checkValueShape } from "../../array/index/apply-local.js";
import type { Index, IndexPart } from "../../array/index/parts.js";
import { type ResolvedIndex, isConcrete, knownShape } from "../../array/index/resolved.js";
import { resolveIndex } from "../../array/index/resolve.js";
import { sizeOf } from "../../array/shape.js";
import type { ArrayData } from "../../plan/array-data.js";
import { type BoundsSpec, boundsStatus, readStatus } from "../../plan/indexing/bounds.js";
import { basicSet } from "../../plan/indexing/set-basic.js";
import { knownSet } from "../../plan/indexing/set-known.js";
import { opaqueSet } from "../../plan/indexing/set-opaque.js";
import type { BlockArray } from "../block-array.js";
import type { ArrayLike } from "../convert.js";
import { pendingArgs } from "../op.js";
import { indexInputs } from "./inputs.js";
import { resolveDistributed } from "./resolve.js";
import { maskAssignment } from "./set-mask.js";
import { setValue } from "./set-value.js";

/** `x[index] = value` (see BlockArray.set). */
export function setItem(x: BlockArray, index: Index<BlockArray>, value: ArrayLike): void {
  const waiting = pendingArgs([index, value]);
  x.update((current) =>
    waiting.length === 0
      ? assign(current, index, value)
      : Promise.all(waiting.map((p) => p.resolved())).then(() => assign(current, index, value)),
  );
}

/** The data of `x` after `x[index] = value`. */
export function assign(x: ArrayData, index: Index<BlockArray>, value: ArrayLike): ArrayData | Promise<ArrayData> {
  const { r, made } = resolveDistributed(index, x.shape);
  try {
    return assignResolved(x, r, index, value);
  } finally {
    for (const b of made) b.dispose();
  }
}

function assignResolved(x: ArrayData, r: ResolvedIndex<BlockArray>, index: Index<BlockArray>, value: ArrayLike): ArrayData | Promise<ArrayData> {
  const entries = r.advanced?.entries ?? [];
  if (entries.some((e) => e.kind === "mask")) return maskAssignment(x, r, index, value);
  const v = setValue(value, x.dtype, "set: value");
  try {
    checkValueShape(v.data.shape, knownShape(r), r);
    return write(x, r, v.data);
  } finally {
    v.release();
  }
}

/**
 * `x[parts] = value` where `parts` holds no distributed mask and the bounds to check on the nodes
 * are `checks` instead of the index arrays' own (`put` checks its flat indices).
 */
export function assignChecked(x: ArrayData, parts: IndexPart<BlockArray>[], value: ArrayLike, checks: BoundsSpec[]): ArrayData | Promise<ArrayData> {
  const r = resolveIndex<BlockArray>(parts, x.shape);
  const v = setValue(value, x.dtype, "put: v");
  try {
    checkValueShape(v.data.shape, knownShape(r), r);
    return write(x, r, v.data, checks);
  } finally {
    v.release();
  }
}

/** Writes a checked value at an index without distributed masks. */
function write(x: ArrayData, r: ResolvedIndex<BlockArray>, value: ArrayData, checksOverride?: BoundsSpec[]): ArrayData | Promise<ArrayData> {
  if (r.advanced === null) return basicSet(x, r, value);
  if (isConcrete(r)) return knownSet(x, r, value);
  const { inputs, checks: own, release } = indexInputs(r);
  const checks = checksOverride ?? own;
  const status = checks.length > 0 && sizeOf(r.advanced.shape as number[]) > 0 ? boundsStatus(checks) : null;
  try {
    const out = opaqueSet(x, r, inputs, status, value);
    if (status === null || (sizeOf(knownShape(r)) > 0 && x.size > 0)) return out;
    // Nothing is written, but NumPy still checks the indices.
    return readStatus(status).then(
      () => out,
      (e: unknown) => {
        out.release();
        throw e;
      },
    );
  } finally {
    status?.release();
    release();
  }
}
