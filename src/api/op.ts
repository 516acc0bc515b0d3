// SPDX-License-Identifier: Apache-2.0
/**
 * The single wrapper for public array operations (tfjs's `op()`): when an argument is an array
 * whose shape is still pending (it depends on data), the operation is deferred until that shape
 * is known and returns a deferred array; otherwise it runs at once. Argument errors of a deferred
 * operation reject its result instead of throwing.
 */
import { BlockArray } from "./block-array.js";

/** Unresolved BlockArrays among the arguments (looked up in arrays and options objects, 2 levels). */
export function pendingArgs(args: readonly unknown[]): BlockArray[] {
  const out: BlockArray[] = [];
  const visit = (v: unknown, depth: number) => {
    if (v instanceof BlockArray) {
      if (!v.isResolved) out.push(v);
    } else if (depth < 2 && Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
    } else if (depth < 2 && v !== null && typeof v === "object" && Object.getPrototypeOf(v) === Object.prototype) {
      for (const x of Object.values(v)) visit(x, depth + 1);
    }
  };
  for (const a of args) visit(a, 0);
  return out;
}

/** Wraps an operation returning a BlockArray so that pending-shape arguments defer it. */
export function arrayOp<A extends unknown[]>(fn: (...args: A) => BlockArray): (...args: A) => BlockArray {
  return (...args: A) => {
    const pending = pendingArgs(args);
    if (pending.length === 0) return fn(...args);
    return BlockArray.deferred(Promise.all(pending.map((p) => p.resolved())).then(() => fn(...args)));
  };
}

/** Wraps an operation returning a promise so that pending-shape arguments are awaited first. */
export function asyncOp<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    await Promise.all(pendingArgs(args).map((p) => p.resolved()));
    return fn(...args);
  };
}
